using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using MediaRules.Analysis;
using MediaRules.Cli.Commands;
using MediaRules.Configuration;
using MediaRules.Diagnostics;
using MediaRules.Documents;
using MediaRules.Inputs;
using MediaRules.Suppression;
using MediaRules.Text;

namespace MediaRules.Cli.Lsp;

/// <summary>What the workspace tells the editor.</summary>
internal interface ILspClient
{
    void PublishDiagnostics(PublishDiagnosticsParams diagnostics);

    void ShowMessage(int type, string message);
}

/// <summary>
/// The open documents of the language server and their findings. Each document is analysed as
/// <c>mediarules lint</c> analyses the same file — the prose of Markdown and HTML, the same rules and configuration,
/// inline suppressions — through an <see cref="AnalysisSession"/> (one per set of packs), so an edit re-analyses only
/// what it touches. Suppressed findings are not published. Not thread-safe: the server calls it under one lock.
/// </summary>
internal sealed class LspWorkspace
{
    private const string Source = "MediaRules";

    private readonly LspRules _rules;
    private readonly ILspClient _client;
    private readonly TextWriter _log;
    private readonly Dictionary<string, OpenDocument> _documents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AnalysisSession> _sessions = new(StringComparer.Ordinal);
    private readonly HashSet<OpenDocument> _dirty = [];
    private (string Configurations, string Packs)? _fingerprint;

    public LspWorkspace(LspRules rules, ILspClient client, TextWriter log)
    {
        _rules = rules;
        _client = client;
        _log = log;
    }

    /// <summary>The folders to watch for changed rule packs and configuration files.</summary>
    public IEnumerable<string> WatchedFolders() =>
        _rules.WatchedFolders()
            .Concat(_documents.Values.Select(d => d.Path is null ? null : System.IO.Path.GetDirectoryName(d.Path)).OfType<string>())
            .Distinct(StringComparer.Ordinal);

    /// <summary>Loads the rules for documents that are not files (and so the default rules), reporting any that do not load.</summary>
    public void WarmUp()
    {
        var before = _rules.Fingerprint();
        var errors = new List<string>();
        _rules.For(null, errors);
        Report(errors);
        _fingerprint = LspRules.Settle(before, _rules.Fingerprint());
    }

    /// <summary>Opens (or reopens) a document, analyses it and publishes its findings.</summary>
    public void Open(TextDocumentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        Recheck();
        var before = _rules.Fingerprint();
        var path = FilePath(item.Uri);
        var document = new OpenDocument(item.Uri, path, FormatOf(path, item.LanguageId), item.Version, item.Text ?? string.Empty);
        if (_documents.Remove(item.Uri, out var previous))
        {
            _dirty.Remove(previous);
            if (previous.SessionKey is not null && _sessions.TryGetValue(previous.SessionKey, out var session))
            {
                session.Close(item.Uri);
            }
        }

        _documents[item.Uri] = document;
        Refresh(document, null);
        Flush();
        _fingerprint = LspRules.Settle(before, _rules.Fingerprint());
    }

    /// <summary>Applies the changes of a didChange, in order, and re-analyses.</summary>
    public void Change(VersionedTextDocumentIdentifier id, IReadOnlyList<TextDocumentContentChangeEvent> changes)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (!_documents.TryGetValue(id.Uri, out var document))
        {
            _log.Write($"mediarules lsp: didChange for a document that is not open: {id.Uri}\n");
            return;
        }

        TextChange? single = null;
        foreach (var change in changes ?? [])
        {
            if (change.Range is null)
            {
                single = null;
                document.SetText(change.Text ?? string.Empty);
                continue;
            }

            var span = document.Lines.GetSpan(change.Range);
            single = changes!.Count == 1 ? new TextChange(span, change.Text ?? string.Empty) : null;
            document.SetText(string.Concat(document.Text.AsSpan(0, span.Start), change.Text, document.Text.AsSpan(span.End)));
        }

        document.Version = id.Version;
        Refresh(document, single);
        Flush();
    }

    /// <summary>Closes a document and publishes an empty list for it.</summary>
    public void Close(string uri)
    {
        if (!_documents.Remove(uri, out var document))
        {
            return;
        }

        _dirty.Remove(document);
        if (document.SessionKey is not null && _sessions.TryGetValue(document.SessionKey, out var session))
        {
            session.Close(uri);
        }

        _client.PublishDiagnostics(new PublishDiagnosticsParams(uri, null, []));
    }

    /// <summary>
    /// Reads the rule packs and configuration files again if any changed since they were read (by size and time of
    /// last change, and which configuration file each folder would use), or if the editor reports one of them in
    /// <paramref name="reported"/>; then re-analyses every open document and publishes the findings. Linters are
    /// rebuilt only when a rule pack changed (or is reported), not for a configuration file.
    /// </summary>
    /// <param name="reported">Paths of files the editor says changed (workspace/didChangeWatchedFiles), or null.</param>
    /// <returns>Whether anything was reloaded.</returns>
    public bool Recheck(IReadOnlyCollection<string>? reported = null)
    {
        var now = _rules.Fingerprint();
        var reportedYaml = (reported ?? []).Where(LspRules.IsRuleOrConfigurationFile).ToList();
        if (reportedYaml.Count == 0 && _fingerprint is { } before && before == now)
        {
            return false;
        }

        var started = Stopwatch.GetTimestamp();
        var packsChanged = _fingerprint is not { } previous || previous.Packs != now.Packs || reportedYaml.Any(f => !_rules.IsConfigurationFile(f));
        _rules.Invalidate(packsChanged);
        foreach (var document in _documents.Values.OrderBy(d => d.Uri, StringComparer.Ordinal).ToList())
        {
            Refresh(document, null);
        }

        Flush();
        _fingerprint = LspRules.Settle(now, _rules.Fingerprint());
        _log.Write($"mediarules lsp: reloaded the {(packsChanged ? "rule packs and configuration" : "configuration")} and re-analysed {_documents.Count} open document(s) in {Stopwatch.GetElapsedTime(started).TotalMilliseconds:0} ms\n");
        return true;
    }

    /// <summary>Quick fixes for the findings a code action request names (or, when it names none, those in its range).</summary>
    public IReadOnlyList<CodeAction> CodeActions(CodeActionParams request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!_documents.TryGetValue(request.TextDocument.Uri, out var document)
            || (request.Context?.Only is { Count: > 0 } only && !only.Any(k => k.Length == 0 || LspConstants.QuickFix == k || LspConstants.QuickFix.StartsWith(k + ".", StringComparison.Ordinal))))
        {
            return [];
        }

        var lines = document.Lines;
        var named = request.Context?.Diagnostics ?? [];
        IEnumerable<Diagnostic> findings;
        if (named.Count > 0)
        {
            findings = document.Findings.Where(f => named.Any(n => CodeOf(n.Code) == f.Id && lines.GetRange(f.Location.SourceSpan) == n.Range));
        }
        else
        {
            var span = lines.GetSpan(request.Range);
            findings = document.Findings.Where(f => f.Location.SourceSpan.OverlapsWith(span) || f.Location.SourceSpan.Contains(span.Start) || f.Location.SourceSpan.End == span.Start);
        }

        var actions = new List<CodeAction>();
        var disables = new List<CodeAction>();
        foreach (var finding in findings)
        {
            var diagnostic = ToLsp(finding, lines);
            if (finding.Fix is { } fix && fix.Changes.Count > 0)
            {
                var edits = fix.Changes.Select(c => new TextEdit(lines.GetRange(c.Span), c.NewText)).ToList();
                actions.Add(new CodeAction(fix.Title, LspConstants.QuickFix, [diagnostic], IsPreferred: true, Edit(document.Uri, edits)));
            }

            if (document.Format != DocumentFormat.PlainText && finding.Descriptor.Category != DiagnosticCategory.Engine)
            {
                disables.Add(new CodeAction($"Disable {finding.Id} for this line", LspConstants.QuickFix, [diagnostic], IsPreferred: false, Edit(document.Uri, [DisableNextLine(document, finding)])));
            }
        }

        return [.. actions, .. disables];
    }

    /// <summary>The explanation of the findings at a position, as Markdown (or plain text), or null when there is none.</summary>
    public Hover? Hover(HoverParams request, bool markdown)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!_documents.TryGetValue(request.TextDocument.Uri, out var document) || document.Linter is null)
        {
            return null;
        }

        var offset = document.Lines.GetOffset(request.Position);
        var hits = document.Findings.Where(f => f.Location.SourceSpan.Contains(offset) || (f.Location.SourceSpan.IsEmpty && f.Location.SourceSpan.Start == offset)).ToList();
        if (hits.Count == 0)
        {
            return null;
        }

        var text = string.Join("\n---\n\n", hits.Select(f => RuleExplanation.For(document.Linter, f).ToMarkdown(f)));
        return new Hover(new MarkupContent(markdown ? LspConstants.Markdown : LspConstants.PlainText, text), document.Lines.GetRange(hits[0].Location.SourceSpan));
    }

    /// <summary>The findings last published for a document (for tests).</summary>
    internal IReadOnlyList<Diagnostic> FindingsOf(string uri) => _documents.TryGetValue(uri, out var document) ? document.Findings : [];

    /// <summary>The open document's current text (for tests).</summary>
    internal string? TextOf(string uri) => _documents.TryGetValue(uri, out var document) ? document.Text : null;

    /// <summary>The LSP severity of a MediaRules severity: error 1, warning 2, suggestion 3 (information), silent 4 (hint).</summary>
    internal static int SeverityOf(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => LspConstants.SeverityError,
        DiagnosticSeverity.Warning => LspConstants.SeverityWarning,
        DiagnosticSeverity.Suggestion => LspConstants.SeverityInformation,
        _ => LspConstants.SeverityHint,
    };

    internal static LspDiagnostic ToLsp(Diagnostic finding, LineMap lines) => new(
        lines.GetRange(finding.Location.SourceSpan),
        SeverityOf(finding.Severity),
        finding.Id,
        Uri.TryCreate(finding.Descriptor.HelpLinkUri, UriKind.Absolute, out var help) ? new CodeDescription(help.AbsoluteUri) : null,
        Source,
        finding.Message,
        finding.Id == EngineDiagnostics.UnusedSuppression.Id ? [LspConstants.TagUnnecessary] : null);

    /// <summary>The format a document is read in: by the file's extension as <c>lint</c> reads it, else by the editor's language id.</summary>
    internal static DocumentFormat FormatOf(string? path, string? languageId)
    {
        if (path is not null && System.IO.Path.GetExtension(path).ToLowerInvariant() is ".txt" or ".md" or ".markdown" or ".html" or ".htm")
        {
            return DocumentFormats.FromPath(path);
        }

        return languageId switch
        {
            "markdown" => DocumentFormat.Markdown,
            "html" => DocumentFormat.Html,
            _ => path is null ? DocumentFormat.PlainText : DocumentFormats.FromPath(path),
        };
    }

    /// <summary>The local path of a <c>file:</c> URI, or null for any other scheme.</summary>
    internal static string? FilePath(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile ? parsed.LocalPath : null;

    private static string? CodeOf(JsonElement? code) => code switch
    {
        { ValueKind: JsonValueKind.String } c => c.GetString(),
        { ValueKind: JsonValueKind.Number } c => c.GetRawText(),
        _ => null,
    };

    private static WorkspaceEdit Edit(string uri, IReadOnlyList<TextEdit> edits) =>
        new(new Dictionary<string, IReadOnlyList<TextEdit>>(StringComparer.Ordinal) { [uri] = edits });

    /// <summary>
    /// The edit that writes <c>&lt;!-- mediarules-disable-next-line ID --&gt;</c> before the finding's line. After a
    /// line of Markdown paragraph text the comment goes at the end of that line, so the paragraph stays one paragraph;
    /// after another disable-next-line directive it joins that line, so both cover the finding's line; elsewhere
    /// (first line, after a blank line, a fence or a tag, and in HTML) it gets a line of its own.
    /// </summary>
    private static TextEdit DisableNextLine(OpenDocument document, Diagnostic finding)
    {
        var lines = document.Lines;
        var line = lines.GetPosition(finding.Location.SourceSpan.Start).Line;
        var comment = $"<!-- mediarules-disable-next-line {finding.Id} -->";
        if (line > 0)
        {
            var above = lines.GetLineSpan(line - 1);
            var text = document.Text.Substring(above.Start, above.Length);
            if (text.Contains("mediarules-disable-next-line", StringComparison.Ordinal)
                || (document.Format == DocumentFormat.Markdown && IsParagraphText(text)))
            {
                var end = lines.GetPosition(above.End);
                return new TextEdit(new LspRange(end, end), " " + comment);
            }
        }

        var lineBreak = lines.GetLineBreak(line);
        if (lineBreak.Length == 0)
        {
            lineBreak = lines.LineCount > 1 ? lines.GetLineBreak(0) : "\n";
        }

        var start = new Position(line, 0);
        return new TextEdit(new LspRange(start, start), comment + lineBreak);
    }

    // Text a comment can end without changing the block: not blank, not a code fence, a tag line, a thematic break,
    // front matter fence or setext underline (which text after them would break or turn into a paragraph).
    private static bool IsParagraphText(string line)
    {
        var trimmed = line.Trim();
        return trimmed.Length > 0
            && !trimmed.StartsWith("```", StringComparison.Ordinal)
            && !trimmed.StartsWith("~~~", StringComparison.Ordinal)
            && trimmed[0] != '<'
            && trimmed.Any(c => c is not ('-' or '=' or '*' or '_' or '+' or ' ' or '\t'));
    }

    private void Refresh(OpenDocument document, TextChange? change)
    {
        try
        {
            var errors = new List<string>();
            var choice = _rules.For(document.Path, errors);
            Report(errors);
            if (!_sessions.TryGetValue(choice.Key, out var session))
            {
                _sessions[choice.Key] = session = new AnalysisSession(choice.Linter);
            }
            else if (!ReferenceEquals(session.Linter, choice.Linter))
            {
                session.SetLinter(choice.Linter, CancellationToken.None);
                _dirty.UnionWith(_documents.Values.Where(d => d.SessionKey == choice.Key));
            }

            document.Linter = choice.Linter;
            document.Configuration = choice.Configuration;
            var text = SourceText.From(document.Text);
            var analysisText = document.Format == DocumentFormat.PlainText ? text : ProseExtractor.Extract(text, document.Format).Text;
            if (document.SessionKey == choice.Key && session.TryGetDocument(document.Uri, out var current))
            {
                var incremental = change is { } c && document.Format == DocumentFormat.PlainText && c.Span.End <= current.Length
                    && current.Length - c.Span.Length + c.NewText.Length == analysisText.Length;
                var updated = incremental
                    ? session.Update(document.Uri, [change!.Value], document.Version, CancellationToken.None)
                    : session.Update(document.Uri, analysisText, document.Version, CancellationToken.None);
                if (updated.Length != analysisText.Length)
                {
                    _log.Write($"mediarules lsp: the session's copy of {document.Uri} went out of step; reopening it\n");
                    session.Open(document.Uri, analysisText, document.Version, document.Path);
                }
            }
            else
            {
                if (document.SessionKey is not null && _sessions.TryGetValue(document.SessionKey, out var previous))
                {
                    previous.Close(document.Uri);
                }

                session.Open(document.Uri, analysisText, document.Version, document.Path);
                document.SessionKey = choice.Key;
            }

            document.AnalysisText = analysisText;
            _dirty.Add(document);
        }
#pragma warning disable CA1031 // One document that breaks the analysis must not stop the server; it is logged and keeps its last findings.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _log.Write($"mediarules lsp: analysing {document.Uri} failed: {ex}\n");
        }
    }

    /// <summary>Publishes the findings of every document that changed, with suppressions and configuration applied.</summary>
    private void Flush()
    {
        foreach (var document in _dirty.OrderBy(d => d.Uri, StringComparer.Ordinal).ToList())
        {
            try
            {
                if (document.SessionKey is null || !_sessions[document.SessionKey].TryGetDocument(document.Uri, out var snapshot)
                    || document.Configuration is null || document.AnalysisText is null)
                {
                    continue;
                }

                document.Findings = Findings(document, snapshot.Diagnostics, document.AnalysisText, document.Configuration);
                var lines = document.Lines;
                _client.PublishDiagnostics(new PublishDiagnosticsParams(document.Uri, document.Version, document.Findings.Select(f => ToLsp(f, lines)).ToList()));
            }
#pragma warning disable CA1031 // As in Refresh.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _log.Write($"mediarules lsp: publishing {document.Uri} failed: {ex}\n");
            }
        }

        _dirty.Clear();
    }

    /// <summary>
    /// What <c>lint</c> reports for the file (<see cref="LintSetup.Analyze"/>): the session's findings with the
    /// document's inline suppressions, then its configuration, applied; suppressed findings are left out.
    /// </summary>
    private static List<Diagnostic> Findings(OpenDocument document, IReadOnlyList<Diagnostic> diagnostics, SourceText analysisText, LintConfiguration configuration)
    {
        // The configuration reads the text model only to find accepted words in a finding's sentence; build it then,
        // and never on an edit otherwise (the session keeps its own per-paragraph models).
        var model = configuration.Settings.Accept.Count > 0 || configuration.Sections.Any(s => s.Accept.Count > 0)
            ? DocumentModel.Create(analysisText)
            : new DocumentModel(analysisText, [], [], [], [], []);
        var result = new AnalysisResult(document.Path, model, diagnostics);
        result = InlineSuppressions.Apply(result, SourceText.From(document.Text));
        result = configuration.Apply(result, document.Path ?? document.Uri);
        return result.Diagnostics.Where(d => !d.IsSuppressed).ToList();
    }

    private void Report(List<string> errors)
    {
        if (errors.Count == 0)
        {
            return;
        }

        var text = string.Join("\n", errors);
        _log.Write($"mediarules lsp: {text}\n");
        _client.ShowMessage(LspConstants.MessageError, $"MediaRules: a rule pack or configuration file does not load; the last rules that loaded stay in use.\n{text}");
    }

    private sealed class OpenDocument
    {
        public OpenDocument(string uri, string? path, DocumentFormat format, int version, string text)
        {
            Uri = uri;
            Path = path;
            Format = format;
            Version = version;
            Text = text;
            Lines = new LineMap(text);
        }

        public string Uri { get; }

        public string? Path { get; }

        public DocumentFormat Format { get; }

        public int Version { get; set; }

        public string Text { get; private set; }

        public LineMap Lines { get; private set; }

        public string? SessionKey { get; set; }

        public Linter? Linter { get; set; }

        public LintConfiguration? Configuration { get; set; }

        public SourceText? AnalysisText { get; set; }

        public IReadOnlyList<Diagnostic> Findings { get; set; } = [];

        public void SetText(string text)
        {
            Text = text;
            Lines = new LineMap(text);
        }
    }
}

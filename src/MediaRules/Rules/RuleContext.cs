using System;
using System.Collections.Generic;
using System.Threading;
using MediaRules.Diagnostics;
using MediaRules.Documents;
using MediaRules.Text;

namespace MediaRules.Rules;

/// <summary>
/// What a rule sees while it analyses one document, and the way it reports. Every report passes through the
/// rule's <see cref="RuleScope"/> (voices, attribution, exceptions), so kinds need not filter by voice themselves.
/// </summary>
public sealed class RuleContext
{
    private readonly List<Diagnostic> _diagnostics;
    private readonly ScopeFilter _scope;
    private const int MaxPooledDisplay = 64;
    private ScopeFilter.Memo? _memo;
    private Dictionary<string, string>? _strings;
    private Dictionary<string, string>? _fixTitles;
    private Dictionary<(string Match, string? Suggestion), string>? _messages;
#if NET9_0_OR_GREATER
    private HashSet<string>? _displayPool;
#endif

    internal RuleContext(DocumentModel document, string? path, DiagnosticDescriptor descriptor, ScopeFilter scope, List<Diagnostic> diagnostics, CancellationToken cancellationToken, Matching.TermIndex.Candidates? termCandidates = null, ScopeFilter.Memo? memo = null)
    {
        _memo = memo;
        TermCandidates = termCandidates;
        Document = document;
        Path = path;
        Descriptor = descriptor;
        _scope = scope;
        _diagnostics = diagnostics;
        CancellationToken = cancellationToken;
    }

    /// <summary>The document's text model.</summary>
    /// <remarks>
    /// Valid for the rule's call only: a rule must not keep it, or anything it hands out, once the call returns. The
    /// engine may give a long text's model arrays back to a pool after the rules have run, and the model then has no
    /// tokens. A rule that needs facts later copies them.
    /// </remarks>
    public DocumentModel Document { get; }

    /// <summary>The document's text.</summary>
    public SourceText Text => Document.Text;

    /// <summary>The document's path as given, or <see langword="null"/>.</summary>
    public string? Path { get; }

    /// <summary>The descriptor of the rule being run.</summary>
    public DiagnosticDescriptor Descriptor { get; }

    /// <summary>Cancels the analysis.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Whether the rule's scope admits a match at <paramref name="span"/> (voice, attribution, exceptions).</summary>
    /// <param name="span">A span of the document.</param>
    /// <returns><see langword="true"/> if a report there would be kept.</returns>
    public bool IsInScope(TextSpan span) => _scope.Admits(Document, span, Descriptor.DefaultSeverity, out _, Memo);

    /// <summary>
    /// Reports an occurrence at <paramref name="span"/>, if the rule's scope admits it. The message is the
    /// descriptor's format with <c>{match}</c> and <c>{suggestion}</c> filled in; the first suggestion becomes the fix.
    /// </summary>
    /// <param name="span">The span of the occurrence.</param>
    /// <param name="suggestions">Replacements for the span, if any.</param>
    /// <returns>Whether the report was kept.</returns>
    public bool Report(TextSpan span, IReadOnlyList<string>? suggestions) => Report(span, suggestions, null);

    /// <summary>Reports an occurrence at <paramref name="span"/> with no fix, if the rule's scope admits it.</summary>
    /// <param name="span">The span of the occurrence.</param>
    /// <returns>Whether the report was kept.</returns>
    public bool Report(TextSpan span) => Report(span, null, null);

    /// <summary>
    /// Reports an occurrence, as <see cref="Report(TextSpan, IReadOnlyList{string})"/> does, with more
    /// placeholders for the message: each <c>{name}</c> of <paramref name="messageArguments"/> is replaced by its value.
    /// </summary>
    /// <param name="span">The span of the occurrence.</param>
    /// <param name="suggestions">Replacements for the span, if any.</param>
    /// <param name="messageArguments">Values for the message's own placeholders, if any.</param>
    /// <returns>Whether the report was kept.</returns>
    public bool Report(TextSpan span, IReadOnlyList<string>? suggestions, IReadOnlyDictionary<string, string>? messageArguments)
    {
        if (span.End > Text.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(span), $"The span {span} lies outside the document.");
        }

        if (!_scope.Admits(Document, span, Descriptor.DefaultSeverity, out var severity, Memo))
        {
            return false;
        }

        // A document repeats its findings: the same words, messages and fix titles are one string each.
        var match = DisplayText(span);
        string? suggestion = null;
        string? fixTitle = null;
        if (suggestions is { Count: > 0 })
        {
            suggestion = Pooled(MatchCase(match, suggestions[0]));
            var titles = _fixTitles ??= new Dictionary<string, string>(StringComparer.Ordinal);
            if (!titles.TryGetValue(suggestion, out var title))
            {
                title = CodeFix.ReplaceTitle(suggestion);
                titles.Add(suggestion, title);
            }

            fixTitle = title;
        }

        string message;
        if (messageArguments is null)
        {
            // The message depends on the match and the suggestion only: formatted once for each pair.
            var messages = _messages ??= new Dictionary<(string, string?), string>();
            if (!messages.TryGetValue((match, suggestion), out message!))
            {
                message = Pooled(FormatMessage(Descriptor.MessageFormat, match, suggestion));
                messages.Add((match, suggestion), message);
            }
        }
        else
        {
            message = FormatMessage(Descriptor.MessageFormat, match, suggestion);
            foreach (var argument in messageArguments)
            {
                message = message.Replace("{" + argument.Key + "}", argument.Value);
            }

            message = Pooled(message);
        }

        _diagnostics.Add(new Diagnostic(Descriptor, Path, Text, span, message, severity, fixTitle, suggestion));
        return true;
    }

    private string Pooled(string value)
    {
        var pool = _strings ??= new Dictionary<string, string>(StringComparer.Ordinal);
        if (pool.TryGetValue(value, out var pooled))
        {
            return pooled;
        }

        pool.Add(value, value);
        return value;
    }

    /// <summary>
    /// Whether what a document-level rule collects is kept while other stretches of the text are analysed (a long text
    /// analysed stretch by stretch), rather than combined at once.
    /// </summary>
    internal bool FactsAreKept { get; init; }

    /// <summary>
    /// Whether what a document-level rule collects now is dropped once combined (a whole-document analysis; a stretch's
    /// facts, kept until the analysis of a long text combines them all), so it may borrow pooled buffers instead of
    /// copying them, which the analysis gives back (<see cref="DocumentFacts.Release"/>). A session's facts, kept from
    /// edit to edit, never are.
    /// </summary>
    internal bool FactsAreTransient { get; set; }

    /// <summary>Where the linter's shared term index says each term matcher's phrases can start, or null.</summary>
    internal Matching.TermIndex.Candidates? TermCandidates { get; }

    /// <summary>Whether the scope admits a report at <paramref name="span"/>, and with which severity.</summary>
    internal bool TryAdmit(TextSpan span, out DiagnosticSeverity severity) => _scope.Admits(Document, span, Descriptor.DefaultSeverity, out severity, Memo);

    /// <summary>What this rule's scope checks found in each sentence, kept while the rule runs on this document.</summary>
    private ScopeFilter.Memo Memo => _memo ??= new ScopeFilter.Memo(Document.Sentences.Count);

    /// <summary>The text of a span as a message shows it.</summary>
    internal string DisplayText(TextSpan span)
    {
        var chars = Text.AsSpan(span);
#if NET9_0_OR_GREATER
        // The same words recur through a document: one string each, found again by its characters.
        if (chars.Length <= MaxPooledDisplay && TokenText.IsDisplayedAsWritten(chars))
        {
            var pool = (_displayPool ??= new HashSet<string>(StringComparer.Ordinal)).GetAlternateLookup<ReadOnlySpan<char>>();
            if (!pool.TryGetValue(chars, out var pooled))
            {
                pooled = chars.ToString();
                pool.Add(pooled);
            }

            return pooled;
        }
#endif
        return TokenText.ToDisplay(chars);
    }

    /// <summary>Adds a report of a document-level rule whose scope was checked when its facts were collected.</summary>
    internal void Add(DocumentRuleReport report)
    {
        _diagnostics.Add(new Diagnostic(Descriptor, Path, Text, report.Span, report.MessageIn(Text), report.Severity));
    }

    internal static string FormatMessage(string format, string match, string? suggestion)
    {
        var message = format.Replace("{match}", match);
        return suggestion is null ? message : message.Replace("{suggestion}", suggestion);
    }

    /// <summary>Gives a replacement the capitalisation of the text it replaces (a capital first letter, or all capitals).</summary>
    internal static string MatchCase(string original, string replacement)
    {
        if (original.Length == 0 || replacement.Length == 0 || !char.IsLetter(original[0]) || !char.IsLower(replacement[0]))
        {
            return replacement;
        }

        if (char.IsUpper(original[0]))
        {
#pragma warning disable CA1308, CA1304, CA1311 // Culture-invariant casing of a single letter.
            return char.ToUpperInvariant(replacement[0]) + replacement.Substring(1);
#pragma warning restore CA1308, CA1304, CA1311
        }

        return replacement;
    }
}

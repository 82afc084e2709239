using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MediaRules.Cli.Commands;
using MediaRules.Cli.Lsp;
using MediaRules.Diagnostics;
using MediaRules.Inputs;
using Xunit;

namespace MediaRules.Tests.Lsp;

/// <summary>The language server's documents in-process: edits in LSP positions, and findings equal to <c>lint</c>'s.</summary>
public sealed class LspWorkspaceTests
{
    private static readonly string[] Fragments =
    [
        "The minister claimed the figures were wrong.", " ", "\n", "\r\n", "\r", "\n\n", "“", "”", "\"", "reportedly",
        "Kiev", "admitted that", "sources said", "\U0001F600", "e\u0301", "שלום", "Officials insisted the vote was fair.",
        "# ", "`", "<!-- mediarules-disable-next-line MR1003 -->", "the IOF", "Israeli Occupation Forces (IOF)",
    ];

    // One workspace for every case of the property (cases run one after another; each has its own document).
    private static readonly Lazy<(LspWorkspace Workspace, RecordingClient Client)> Shared = new(() => Create());

    private static int s_case;

    [Property(MaxTest = 100)]
    public Property Any_sequence_of_incremental_edits_publishes_what_lint_reports_for_the_final_text() =>
        Prop.ForAll(Edits(), input =>
        {
            var (format, start, steps) = input;
            var (workspace, client) = Shared.Value;
            var path = Path.Combine(Path.GetTempPath(), "mediarules-lsp-property", $"doc{System.Threading.Interlocked.Increment(ref s_case)}{format}");
            var uri = new Uri(path).AbsoluteUri;
            workspace.Open(new TextDocumentItem(uri, "plaintext", 1, start));
            var text = start;
            var version = 1;
            foreach (var step in steps)
            {
                var changes = new List<TextDocumentContentChangeEvent>();
                foreach (var (startLine, startCharacter, endLine, endCharacter, newText) in step)
                {
                    var a = LspExpectations.OffsetOf(text, startLine, startCharacter);
                    var b = LspExpectations.OffsetOf(text, endLine, endCharacter);
                    (a, b) = a <= b ? (a, b) : (b, a);
                    text = string.Concat(text.AsSpan(0, a), newText, text.AsSpan(b));
                    changes.Add(new TextDocumentContentChangeEvent(new LspRange(new Position(startLine, startCharacter), new Position(endLine, endCharacter)), newText));
                }

                workspace.Change(new VersionedTextDocumentIdentifier(uri, ++version), changes);
            }

            var published = client.Published.Last(p => p.Uri == uri);
            var current = workspace.TextOf(uri);
            workspace.Close(uri);
            var keys = published.Diagnostics
                .Select(d => new DiagnosticKey(d.Code, d.Range.Start.Line, d.Range.Start.Character, d.Range.End.Line, d.Range.End.Character, d.Severity))
                .OrderBy(k => k.ToString(), StringComparer.Ordinal).ToList();
            return (current == text && published.Version == version && keys.SequenceEqual(LspExpectations.Expected(text, path)))
                .Label($"text: {text}\nkeys: {string.Join(", ", keys)}\nexpected: {string.Join(", ", LspExpectations.Expected(text, path))}");
        });

    [Fact]
    public void Every_seed_article_publishes_what_lint_reports()
    {
        var (workspace, client) = Create();
        foreach (var seed in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "seeds"), "*.txt"))
        {
            var text = File.ReadAllText(seed);
            var uri = new Uri(seed).AbsoluteUri;
            workspace.Open(new TextDocumentItem(uri, "plaintext", 7, text));
            var published = client.Published.Last(p => p.Uri == uri);
            Assert.Equal(7, published.Version);
            Assert.Equal(
                LspExpectations.Expected(text, seed),
                published.Diagnostics.Select(d => new DiagnosticKey(d.Code, d.Range.Start.Line, d.Range.Start.Character, d.Range.End.Line, d.Range.End.Character, d.Severity))
                    .OrderBy(k => k.ToString(), StringComparer.Ordinal));
            Assert.All(published.Diagnostics, d => Assert.Equal("MediaRules", d.Source));
        }
    }

    [Fact]
    public void An_unused_suppression_is_a_faded_information_and_suppressed_findings_are_not_published()
    {
        var (workspace, client) = Create();
        var text = "<!-- mediarules-disable-next-line MR1003 -->\nOfficials admitted that the plan had been delayed.\n\n<!-- mediarules-disable-next-line MR2001 -->\nNothing here.\n";
        workspace.Open(new TextDocumentItem("file:///tmp/mediarules-lsp/notes.md", "markdown", 1, text));
        var diagnostics = client.Published.Single().Diagnostics;
        var unused = Assert.Single(diagnostics);
        Assert.Equal("MR9005", unused.Code);
        Assert.Equal(LspConstants.SeverityInformation, unused.Severity);
        Assert.Equal([LspConstants.TagUnnecessary], unused.Tags);
        Assert.Equal(3, unused.Range.Start.Line);
    }

    [Fact]
    public void Severities_map_to_the_protocol_and_languages_choose_the_format_of_files_without_a_known_extension()
    {
        Assert.Equal(1, LspWorkspace.SeverityOf(DiagnosticSeverity.Error));
        Assert.Equal(2, LspWorkspace.SeverityOf(DiagnosticSeverity.Warning));
        Assert.Equal(3, LspWorkspace.SeverityOf(DiagnosticSeverity.Suggestion));
        Assert.Equal(4, LspWorkspace.SeverityOf(DiagnosticSeverity.Silent));
        Assert.Equal(DocumentFormat.Markdown, LspWorkspace.FormatOf("/a/README", "markdown"));
        Assert.Equal(DocumentFormat.Markdown, LspWorkspace.FormatOf(null, "markdown"));
        Assert.Equal(DocumentFormat.Html, LspWorkspace.FormatOf(null, "html"));
        Assert.Equal(DocumentFormat.PlainText, LspWorkspace.FormatOf("/a/notes.txt", "markdown"));
        Assert.Equal(DocumentFormat.Html, LspWorkspace.FormatOf("/a/page.htm", "plaintext"));
        Assert.Equal("/tmp/a b/é.md", LspWorkspace.FilePath("file:///tmp/a%20b/%C3%A9.md"));
        Assert.Null(LspWorkspace.FilePath("untitled:Untitled-1"));
    }

    [Fact]
    public void Hover_names_the_rule_and_its_guidance_and_code_actions_respect_only()
    {
        var (workspace, _) = Create();
        const string uri = "file:///tmp/mediarules-lsp/hover.txt";
        workspace.Open(new TextDocumentItem(uri, "plaintext", 1, "Line one.\r\nThe minister claimed the figures were wrong."));
        var hover = workspace.Hover(new HoverParams(new TextDocumentIdentifier(uri), new Position(1, 15)), markdown: true)!;
        Assert.Equal("markdown", hover.Contents.Kind);
        Assert.StartsWith("**MR1003: Loaded reporting verb**", hover.Contents.Value, StringComparison.Ordinal);
        Assert.Contains("**Suggested fix:** Replace with 'said'", hover.Contents.Value, StringComparison.Ordinal);
        Assert.Contains("](https://en.wikipedia.org/", hover.Contents.Value, StringComparison.Ordinal);
        Assert.Equal(new LspRange(new Position(1, 13), new Position(1, 20)), hover.Range);
        Assert.Null(workspace.Hover(new HoverParams(new TextDocumentIdentifier(uri), new Position(0, 2)), markdown: true));

        var range = new LspRange(new Position(1, 14), new Position(1, 14));
        Assert.Empty(workspace.CodeActions(new CodeActionParams(new TextDocumentIdentifier(uri), range, new CodeActionContext(null, ["refactor"]))));
        var action = Assert.Single(workspace.CodeActions(new CodeActionParams(new TextDocumentIdentifier(uri), range, new CodeActionContext(null, null))));
        Assert.True(action.IsPreferred);
        var edit = Assert.Single(action.Edit.Changes[uri]);
        Assert.Equal(new TextEdit(new LspRange(new Position(1, 13), new Position(1, 20)), "said"), edit);
    }

    [Theory]
    [InlineData(".md", "Intro text.\nThe minister claimed that it was over.\n", "Intro text. <!-- mediarules-disable-next-line MR1003 -->\nThe minister")]
    [InlineData(".md", "```\ncode\n```\nThe minister claimed that it was over.\n", "```\n<!-- mediarules-disable-next-line MR1003 -->\nThe minister")]
    [InlineData(".md", "The minister claimed that it was over.\r\n", "<!-- mediarules-disable-next-line MR1003 -->\r\nThe minister")]
    [InlineData(".md", "<!-- mediarules-disable-next-line MR1001 -->\nThe suspect reportedly fled. The minister claimed that it was over.", "MR1001 --> <!-- mediarules-disable-next-line MR1003 -->\nThe suspect")]
    [InlineData(".html", "<p>Intro.\nThe minister claimed that it was over.</p>\n", "<p>Intro.\n<!-- mediarules-disable-next-line MR1003 -->\nThe minister")]
    public void Disable_for_this_line_writes_a_directive_that_suppresses_the_finding_and_nothing_else(string extension, string text, string expected)
    {
        var (workspace, client) = Create();
        var uri = new Uri(Path.Combine(Path.GetTempPath(), "mediarules-lsp-disable", "story" + extension)).AbsoluteUri;
        workspace.Open(new TextDocumentItem(uri, "plaintext", 1, text));
        var finding = Assert.Single(client.Published.Last().Diagnostics, d => d.Code == "MR1003");
        Assert.DoesNotContain(client.Published.Last().Diagnostics, d => d.Code == "MR9005");
        var disable = workspace.CodeActions(new CodeActionParams(new TextDocumentIdentifier(uri), finding.Range, new CodeActionContext(null, null)))
            .Single(a => a.Title == "Disable MR1003 for this line");
        Assert.False(disable.IsPreferred);
        var edit = Assert.Single(disable.Edit.Changes[uri]);
        var at = LspExpectations.OffsetOf(text, edit.Range.Start.Line, edit.Range.Start.Character);
        var disabled = string.Concat(text.AsSpan(0, at), edit.NewText, text.AsSpan(at));
        Assert.Contains(expected, disabled, StringComparison.Ordinal);
        workspace.Change(new VersionedTextDocumentIdentifier(uri, 2), [new TextDocumentContentChangeEvent(edit.Range, edit.NewText)]);
        Assert.Equal(disabled, workspace.TextOf(uri));
        Assert.DoesNotContain(client.Published.Last().Diagnostics, d => d.Code is "MR1003" or "MR9005");
    }

    private static Arbitrary<(string Format, string Start, List<List<(int, int, int, int, string)>> Steps)> Edits() =>
        (from format in Gen.Elements(".txt", ".md")
         from start in Gen.ArrayOf(Gen.Elements(Fragments)).Select(string.Concat)
         from steps in Gen.ListOf(
             Gen.ListOf(
                 from startLine in Gen.Choose(0, 8)
                 from startCharacter in Gen.Choose(0, 60)
                 from endLine in Gen.Choose(startLine, startLine + 2)
                 from endCharacter in Gen.Choose(0, 60)
                 from newText in Gen.OneOf(Gen.Elements(Fragments), Gen.Constant(string.Empty))
                 select (startLine, startCharacter, endLine, endCharacter, newText)).Where(l => l.Count > 0 && l.Count <= 3).Select(l => l.ToList()))
           .Where(s => s.Count <= 6).Select(s => s.ToList())
         select (format, start, steps)).ToArbitrary();

    private static (LspWorkspace Workspace, RecordingClient Client) Create(params string[] args)
    {
        var options = new RuleOptions();
        var command = new Command("lsp");
        options.AddTo(command);
        var parseResult = command.Parse(args);
        var rules = new LspRules((packs, errors) => options.BuildLinter(parseResult, errors, packs), parseResult.GetValue(options.Rules) ?? [], parseResult.GetValue(options.NoDefaultRules), null);
        var client = new RecordingClient();
        return (new LspWorkspace(rules, client, TextWriter.Null), client);
    }

    private sealed class RecordingClient : ILspClient
    {
        public List<PublishDiagnosticsParams> Published { get; } = [];

        public List<string> Messages { get; } = [];

        public void PublishDiagnostics(PublishDiagnosticsParams diagnostics) => Published.Add(diagnostics);

        public void ShowMessage(int type, string message) => Messages.Add(message);
    }
}

using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using MediaRules.Analysis;
using MediaRules.Diagnostics;
using MediaRules.Documents;
using MediaRules.Formatting;
using MediaRules.Tests.Cli;
using MediaRules.Text;
using Xunit;

namespace MediaRules.Tests.Formatting;

/// <summary>
/// The <c>html</c> format, read back with an HTML parser that follows the browsers' parsing rules (AngleSharp): every
/// finding element holds exactly its span's text, whatever the text, the messages and the overlaps.
/// </summary>
public class HtmlResultFormatterTests
{
    private static readonly DiagnosticDescriptor Loaded = new("MR2950", "Loaded <b>label</b>", "msg", DiagnosticCategory.Terminology, DiagnosticSeverity.Warning, "https://example.org/guide?a=1&b=2", references: ["Guide \"A\" & <B>"]);
    private static readonly DiagnosticDescriptor Vague = new("MR1950", "Vague", "msg", DiagnosticCategory.Attribution, DiagnosticSeverity.Suggestion, "javascript:alert(1)");
    private static readonly DiagnosticDescriptor Quote = new("MR4950", "Quote", "msg", DiagnosticCategory.Quotation, DiagnosticSeverity.Error);

    [Fact]
    public void Html_is_a_built_in_format()
    {
        Assert.Contains("html", ResultFormatter.FormatNames);
        using var formatter = ResultFormatter.Create("HTML", TextWriter.Null);
        Assert.IsType<HtmlResultFormatter>(formatter);
    }

    [Fact]
    public void Hostile_article_text_messages_titles_links_and_paths_are_inert_text()
    {
        const string Text = "<script>alert('x')</script> & \"quotes\" <img src=x onerror=alert(1)> '--> ]]> </div></span>\n";
        var d1 = Make(Loaded, Text, 0, 8, "<script>alert(\"msg\")</script> & 'apos' \n <img src=x onerror=alert(2)>");
        var d2 = Make(Vague, Text, 50, 7, "plain", fix: CodeFix.Replace(new TextSpan(50, 7), "</span><script>x()</script>"));
        var html = Render(Result("dir/<evil>\"&'.txt", Text, d1, d2));

        Assert.Single(Regex.Matches(html, "<script", RegexOptions.IgnoreCase)); // the report's own script only
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"javascript:", html, StringComparison.OrdinalIgnoreCase);

        var page = Parse(html);
        Assert.Equal(Text, page.QuerySelector(".mr-text")!.TextContent);
        Assert.DoesNotContain(page.QuerySelectorAll(".mr-text *"), e => !e.ClassList.Contains("mr-finding"));
        var findings = page.QuerySelectorAll(".mr-finding").ToList();
        Assert.Equal(2, findings.Count);
        Assert.Equal("<script>", findings[0].TextContent);
        Assert.Equal(d1.Id + " (warning): " + d1.Message, findings[0].GetAttribute("title"));
        Assert.Equal(d1.Message, page.QuerySelector("#d1-f1-msg")!.TextContent);
        Assert.Equal("dir/<evil>\"&'.txt", page.QuerySelector("#d1-h")!.TextContent);
        Assert.Equal("dir/<evil>\"&'.txt", page.QuerySelector("#d1")!.GetAttribute("data-path"));
        Assert.Contains("</span><script>x()</script>", page.QuerySelector("#d1-f2-info .mr-fix-text")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("https://example.org/guide?a=1&b=2", page.QuerySelector("#d1-f1-info .mr-help a")!.GetAttribute("href"));
        Assert.Empty(page.QuerySelectorAll("#d1-f2-info .mr-help a"));
        Assert.Contains("javascript:alert(1)", page.QuerySelector("#d1-f2-info .mr-help")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Guide \"A\" & <B>", page.QuerySelector("#d1-f1-info .mr-references")!.TextContent.Replace("Rests on: ", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public void The_page_is_self_contained_and_its_policy_admits_exactly_its_own_style_and_script()
    {
        var html = Render(Result("a.txt", "Some text.\n"));

        Assert.DoesNotMatch(new Regex(@"<(?:script|link|img|iframe|source|video|audio|embed|object)\b[^>]*\b(?:src|href|data)\s*=|url\(|@import", RegexOptions.IgnoreCase), html);
        var page = Parse(html);
        var policy = page.QuerySelector("meta[http-equiv='Content-Security-Policy']")!.GetAttribute("content")!;
        Assert.StartsWith("default-src 'none';", policy, StringComparison.Ordinal);
        Assert.Contains("'" + Sha256(page.QuerySelector("style")!.TextContent) + "'", policy, StringComparison.Ordinal);
        Assert.Contains("'" + Sha256(page.QuerySelector("script")!.TextContent) + "'", policy, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("[style]"));
    }

    [Fact]
    public void Nested_equal_partly_overlapping_and_empty_spans_each_get_one_element_with_exactly_their_text()
    {
        const string Text = "alpha beta gamma delta\r\nepsilon\n";
        var diagnostics = new[]
        {
            Make(Loaded, Text, 0, 16, "outer"),          // alpha beta gamma
            Make(Vague, Text, 6, 4, "inner"),            // beta (inside outer)
            Make(Quote, Text, 6, 4, "same span"),        // beta again (nested in the first beta)
            Make(Loaded, Text, 11, 11, "partial"),       // gamma delta: partly overlaps outer
            Make(Vague, Text, 22, 0, "empty"),           // between "delta" and CR LF
            Make(Quote, Text, 17, 14, "across lines"),   // delta\r\nepsilon: after outer, so in the text again
            Make(Vague, Text, 0, 0, "empty at start"),
        }.OrderBy(d => d.Location.SourceSpan).ToArray();
        var page = Parse(Render(Result("a.txt", Text, diagnostics)));

        var findings = page.QuerySelectorAll(".mr-finding").ToList();
        Assert.Equal(diagnostics.Length, findings.Count);
        foreach (var element in findings)
        {
            var offset = int.Parse(element.GetAttribute("data-offset")!, CultureInfo.InvariantCulture);
            var length = int.Parse(element.GetAttribute("data-length")!, CultureInfo.InvariantCulture);
            Assert.Equal(Text.Substring(offset, length), element.TextContent);
        }

        Assert.Equal(Text, page.QuerySelector(".mr-text")!.TextContent);
        var outer = findings.Single(f => f.GetAttribute("title")!.EndsWith("outer", StringComparison.Ordinal));
        Assert.Equal(3, outer.QuerySelectorAll(".mr-finding").Length); // the empty span at its start, and both "beta"s
        Assert.Contains("mr-d3", findings.Single(f => f.GetAttribute("title")!.EndsWith("same span", StringComparison.Ordinal)).ClassName, StringComparison.Ordinal);
        var empties = findings.Where(f => f.GetAttribute("data-length") == "0").ToList();
        Assert.Equal(2, empties.Count);
        Assert.All(empties, e => Assert.Contains("mr-empty", e.ClassName, StringComparison.Ordinal));

        var outside = findings.Where(f => f.Closest(".mr-text") is null).ToList();
        var partial = Assert.Single(outside);
        Assert.Equal("gamma delta", partial.TextContent);
        Assert.Single(page.QuerySelectorAll(".mr-text a.mr-ref"));
        Assert.Equal(Text.IndexOf("gamma", StringComparison.Ordinal), TextOffsetOf(page.QuerySelector(".mr-text a.mr-ref")!));
    }

    [Fact]
    public void Layout_nests_contained_spans_and_puts_partial_overlaps_outside()
    {
        var spans = new[] { new TextSpan(0, 10), new TextSpan(2, 3), new TextSpan(5, 10), new TextSpan(10, 0), new TextSpan(12, 2), new TextSpan(40, 5) };
        var steps = HtmlFindingLayout.Plan(20, spans, out var inline);

        Assert.Equal(new[] { true, true, false, true, true, false }, inline);
        Assert.Equal(
            new[] { "Open@0 #0 d1", "Open@2 #1 d2", "Close@5 #1 d2", "Marker@5 #2 d1", "Close@10 #0 d1", "Open@10 #3 d1", "Close@10 #3 d1", "Open@12 #4 d1", "Close@14 #4 d1" },
            steps.Select(s => s.ToString()));
    }

    [Fact]
    public void Suppressed_findings_are_kept_marked_and_counted_apart()
    {
        const string Text = "The zorgs left.\n";
        var suppressed = Make(Loaded, Text, 4, 5, "loaded").WithSuppression(new DiagnosticSuppression(new TextSpan(0, 0), "quoted from <the> record"));
        var kept = Make(Quote, Text, 10, 4, "error");
        var page = Parse(Render(Result("a.txt", Text, suppressed, kept)));

        var element = page.QuerySelector(".mr-text .mr-finding.mr-suppressed")!;
        Assert.Equal("zorgs", element.TextContent);
        Assert.Equal("true", element.GetAttribute("data-suppressed"));
        Assert.Contains("quoted from <the> record", page.QuerySelector("#d1-f1-info .mr-suppression")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, SummaryCount(page, "mr-summary-category", "terminology"));
        Assert.Equal(1, SummaryCount(page, "mr-summary-category", "quotation"));
        Assert.Equal(1, SummaryCount(page, "mr-summary-severity", "suppressed"));
        Assert.Equal(0, SummaryCount(page, "mr-summary-severity", "warning"));
        Assert.Equal(1, SummaryCount(page, "mr-summary-severity", "error"));
    }

    [Fact]
    public void Summary_counts_findings_by_category_and_severity_over_every_document_and_lists_unreadable_inputs()
    {
        const string Text = "one two three four five\n";
        var a = Result("a.txt", Text, Make(Loaded, Text, 0, 3, "m"), Make(Loaded, Text, 4, 3, "m"), Make(Vague, Text, 8, 5, "m"));
        var b = Result("b.txt", Text, Make(Quote, Text, 14, 4, "m"), Make(Loaded, Text, 19, 4, "m"));
        using var writer = new StringWriter();
        using (var formatter = new HtmlResultFormatter(writer))
        {
            formatter.Begin([Loaded, Vague, Quote]);
            formatter.Write(a);
            formatter.Write(b);
            formatter.WriteUnreadableInput("c.bin", "is <binary>");
            formatter.End();
        }

        var page = Parse(writer.ToString());
        Assert.Equal(2, page.QuerySelectorAll("section.mr-doc").Length);
        Assert.Equal((1, 3, 0, 1), (SummaryCount(page, "mr-summary-category", "attribution"), SummaryCount(page, "mr-summary-category", "terminology"), SummaryCount(page, "mr-summary-category", "consistency"), SummaryCount(page, "mr-summary-category", "quotation")));
        Assert.Equal((1, 3, 1, 0), (SummaryCount(page, "mr-summary-severity", "error"), SummaryCount(page, "mr-summary-severity", "warning"), SummaryCount(page, "mr-summary-severity", "suggestion"), SummaryCount(page, "mr-summary-severity", "silent")));
        Assert.Equal("60%", page.QuerySelector("#mr-summary-category td[data-key='terminology'] + td")!.TextContent);
        Assert.Equal(4, page.QuerySelectorAll("#mr-chart-category rect").Length);
        Assert.Equal("180", page.QuerySelector("#mr-chart-category rect.mr-bar-terminology")!.GetAttribute("width"));
        Assert.Equal("60", page.QuerySelector("#mr-chart-category rect.mr-bar-attribution")!.GetAttribute("width"));
        Assert.Contains("c.bin: errorMR9004 is <binary>", page.QuerySelector(".mr-input-errors")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("2 files, 5 findings; 1 input could not be read.", page.QuerySelector("#mr-summary p")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Attribution_overview_matches_the_text_model_of_the_seed_article()
    {
        var result = TestSupport.Default.Analyze(SourceText.From(TestSupport.SeedText), "seed.txt");
        var page = Parse(Render(result));
        var model = result.Document;

        foreach (var (kind, key) in new[] { (SourceKind.Named, "named"), (SourceKind.Anonymous, "anonymous"), (SourceKind.Vague, "vague"), (SourceKind.None, "none") })
        {
            var expected = model.Sentences.Count(s => s.Attribution.Kind == kind);
            Assert.Equal(expected, Count(page, "#d1-sources td[data-key='" + key + "']"));
            Assert.Equal(expected, SummaryCount(page, "mr-summary-sources", key));
        }

        Assert.True(model.Sentences.Any(s => s.Attribution.Kind == SourceKind.Named) && model.Sentences.Any(s => s.Attribution.Kind == SourceKind.Vague));
        var quotes = page.QuerySelectorAll("#d1-quotes > li").ToList();
        Assert.Equal(model.Quotations.Count, quotes.Count);
        for (var i = 0; i < quotes.Count; i++)
        {
            var q = model.Quotations[i];
            var speaker = q.SpeakerSpan is { } s ? Regex.Replace(model.GetText(s).Replace("\u00AD", string.Empty, StringComparison.Ordinal), @"\s+", " ").Trim() : string.Empty;
            Assert.Equal(speaker, quotes[i].GetAttribute("data-speaker"));
            Assert.Equal(q.Span.Start.ToString(CultureInfo.InvariantCulture), quotes[i].GetAttribute("data-offset"));
        }

        Assert.Contains(quotes, q => q.GetAttribute("data-speaker")!.Length > 0);
        Assert.Equal(result.Diagnostics.Count, page.QuerySelectorAll(".mr-finding").Length);
    }

    [Fact]
    public void Output_is_deterministic_and_culture_invariant()
    {
        var results = new[] { TestSupport.Default.Analyze(SourceText.From(TestSupport.SeedText), "seed.txt"), FormatterTestSupport.Linter.Analyze(SourceText.From(FormatterTestSupport.TrickyText), "tricky.txt") };
        var first = Render(results);
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("ar-SA");
            Assert.Equal(first, Render(results));
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            Assert.Equal(first, Render(results));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }

        Assert.DoesNotContain("\r", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Line_breaks_of_every_kind_survive_parsing()
    {
        var result = FormatterTestSupport.Linter.Analyze(SourceText.From(FormatterTestSupport.TrickyText), "tricky.txt");
        var page = Parse(Render(result));

        Assert.Equal(FormatterTestSupport.TrickyText, page.QuerySelector(".mr-text")!.TextContent);
        Assert.Equal(result.Diagnostics.Count, page.QuerySelectorAll(".mr-finding").Length);
        Assert.Equal(
            result.Diagnostics.Select(d => FormatterTestSupport.TrickyText.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length)),
            page.QuerySelectorAll(".mr-finding").Select(e => e.TextContent));
    }

    [Fact]
    public void The_CLI_shows_a_Markdown_file_as_written_so_that_spans_are_exact_in_the_file()
    {
        using var temp = new TempFolder();
        const string Markdown = "# The *zorgs*\n\nThe **zorgs** met [zorgs](https://example.org/zorgs).\n\n```\nzorgs in code\n```\n";
        var path = temp.Write("a.md", Markdown);
        var run = CliHarness.Run("lint", path, "--rules", temp.Pack(), "--no-default-rules", "--format", "html");
        Assert.Equal(0, run.Code);

        var page = Parse(run.Out);
        Assert.Equal(Markdown, page.QuerySelector(".mr-text")!.TextContent);
        var findings = page.QuerySelectorAll(".mr-finding").ToList();
        Assert.Equal(3, findings.Count);
        Assert.All(findings, f => Assert.Equal("zorgs", f.TextContent));
        Assert.Equal(
            new[] { Markdown.IndexOf("zorgs", StringComparison.Ordinal), Markdown.IndexOf("zorgs**", StringComparison.Ordinal), Markdown.IndexOf("[zorgs", StringComparison.Ordinal) + 1 },
            findings.Select(f => int.Parse(f.GetAttribute("data-offset")!, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void A_document_with_no_findings_says_so()
    {
        var page = Parse(Render(Result(null, "Nothing here.")));

        Assert.Equal("Text", page.QuerySelector("#d1-h")!.TextContent);
        Assert.Equal("Nothing here.", page.QuerySelector(".mr-text")!.TextContent);
        Assert.Empty(page.QuerySelectorAll(".mr-finding"));
        Assert.Contains("No findings.", page.QuerySelector("#d1")!.TextContent, StringComparison.Ordinal);
    }

    private static Diagnostic Make(DiagnosticDescriptor descriptor, string text, int start, int length, string message, DiagnosticSeverity? severity = null, CodeFix? fix = null) =>
        new(descriptor, Location.Create("a.txt", SourceText.From(text), new TextSpan(start, length)), message, severity ?? descriptor.DefaultSeverity, fix);

    private static AnalysisResult Result(string? path, string text, params Diagnostic[] diagnostics) =>
        new(path, DocumentModel.Create(SourceText.From(text)), diagnostics);

    private static string Render(params AnalysisResult[] results)
    {
        using var writer = new StringWriter();
        using var formatter = new HtmlResultFormatter(writer);
        formatter.Begin([Loaded, Vague, Quote]);
        foreach (var result in results)
        {
            formatter.Write(result);
        }

        formatter.End();
        return writer.ToString();
    }

    private static AngleSharp.Html.Dom.IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    private static int Count(IParentNode page, string selector) => int.Parse(page.QuerySelector(selector)!.TextContent, CultureInfo.InvariantCulture);

    private static int SummaryCount(IParentNode page, string table, string key) => Count(page, "#" + table + " td[data-key='" + key + "']");

    /// <summary>The offset in the article text at which an element stands.</summary>
    private static int TextOffsetOf(IElement element)
    {
        var article = element.Closest(".mr-text")!;
        var offset = 0;
        foreach (var node in article.GetDescendants())
        {
            if (node == element)
            {
                return offset;
            }

            if (node is IText text)
            {
                offset += text.Data.Length;
            }
        }

        return -1;
    }

    private static string Sha256(string text) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

using System.Linq;
using MediaRules.Inputs;
using Xunit;
using static MediaRules.Tests.Inputs.InputTestSupport;

namespace MediaRules.Tests.Inputs;

/// <summary>Markdown: what is prose, what is not, and where findings point.</summary>
public class MarkdownInputTests
{
    private const string Fence = "```";

    [Fact]
    public void Prose_keeps_its_characters_and_positions()
    {
        var doc = "# Morning report\n\nOfficials reportedly met on Monday.\n";

        var found = Lint(doc, DocumentFormat.Markdown);

        Assert.Equal([("MR1990", 3, 11, "reportedly")], found);
        Assert.Equal("§§Morning report\n\nOfficials reportedly met on Monday.\n", Extracted(doc, DocumentFormat.Markdown));
    }

    [Theory]
    [InlineData("```\nreportedly\n```\n")]
    [InlineData("~~~text\nThe terrorists reportedly attacked.\n~~~\n")]
    [InlineData("Text.\n\n    indented reportedly code\n")]
    [InlineData("See `reportedly` here.\n")]
    [InlineData("See ``a ` reportedly`` here.\n")]
    [InlineData("[a link](https://example.com/reportedly \"reportedly\")\n")]
    [InlineData("[a link][ref]\n\n[ref]: https://example.com/reportedly\n")]
    [InlineData("<https://example.com/reportedly>\n")]
    [InlineData("Bare https://example.com/reportedly and www.reportedly.com links.\n")]
    [InlineData("---\ntitle: reportedly\n---\n\nText.\n")]
    [InlineData("A <span title=\"reportedly\">tag</span> attribute.\n")]
    [InlineData("A <!-- reportedly --> comment.\n")]
    [InlineData("<!--\nreportedly\n-->\n")]
    [InlineData("<script>\nvar reportedly = 1;\n</script>\n")]
    [InlineData("<style>\n.reportedly { color: red }\n</style>\n")]
    [InlineData("Some <code>reportedly</code> inline HTML code.\n")]
    [InlineData("<pre>\nreportedly\n</pre>\n")]
    [InlineData("![chart](https://example.com/reportedly.png)\n")]
    public void Non_prose_is_not_linted(string doc)
    {
        Assert.DoesNotContain(Lint(doc, DocumentFormat.Markdown), f => f.Id == "MR1990");
        Assert.DoesNotContain(Lint(doc.Replace("\n", "\r\n"), DocumentFormat.Markdown), f => f.Id == "MR1990");
    }

    [Theory]
    [InlineData("- reportedly\n", 1, 3)]
    [InlineData("1. Officials reportedly met.\n", 1, 14)]
    [InlineData("> reportedly, he said\n", 1, 3)]
    [InlineData("## Heading reportedly ##\n", 1, 12)]
    [InlineData("Heading reportedly\n===\n", 1, 9)]
    [InlineData("They **reportedly** met.\n", 1, 8)]
    [InlineData("They [reportedly](https://example.com) met.\n", 1, 7)]
    [InlineData("![reportedly seen](a.png)\n", 1, 3)]
    [InlineData("| a | b |\n|---|---|\n| c | reportedly |\n", 3, 7)]
    [InlineData("Text[^1].\n\n[^1]: Officials reportedly said so.\n", 3, 17)]
    [InlineData("- [ ] reportedly\n", 1, 7)]
    [InlineData("<div>\n<p>Officials reportedly met.</p>\n</div>\n", 2, 14)]
    [InlineData("Escaped \\*reportedly\\* stars.\n", 1, 11)]
    public void Prose_in_every_block_is_linted_at_its_position(string doc, int line, int column)
    {
        Assert.Equal([("MR1990", line, column, "reportedly")], Lint(doc, DocumentFormat.Markdown));
        Assert.Equal([("MR1990", line, column, "reportedly")], Lint(doc.Replace("\n", "\r\n"), DocumentFormat.Markdown));
    }

    [Fact]
    public void The_contract_document_is_flagged_only_in_prose()
    {
        var md = string.Join("\n",
            "---", "title: Terrorists reportedly seen", "---", "", "# Morning report", "",
            "Officials reportedly met on Monday.", "", Fence + "text", "The terrorists reportedly attacked.", Fence, "",
            "See the `reportedly terrorists` string and [a link](https://example.com/reportedly-terrorists).", "");

        Assert.Equal([("MR1990", 7, 11, "reportedly")], Lint(md, DocumentFormat.Markdown));
    }

    [Fact]
    public void Block_markers_on_a_line_separate_paragraphs()
    {
        var prose = ProseExtractor.Extract("| Officials said | They left |\n|---|---|\n", DocumentFormat.Markdown);
        var model = Linter.Analyze(prose.Text, "t.md").Document;

        Assert.Equal(["Officials said", "They left"], model.Paragraphs.Select(p => prose.Text.ToString(p.Span)));
    }

    [Fact]
    public void A_wrapped_paragraph_is_one_paragraph_and_its_quote_closes()
    {
        var doc = "\"We will not stop,\" the minister said, adding that \"the\noperation continues.\"\n\nNext paragraph.\n";
        var prose = ProseExtractor.Extract(doc, DocumentFormat.Markdown);
        var model = Linter.Analyze(prose.Text, "t.md").Document;

        Assert.Equal(2, model.Paragraphs.Count);
        Assert.All(model.Quotations, q => Assert.True(q.IsClosed));
        Assert.Contains('\u2028', prose.Text.ToString());
        Assert.Equal(SourceTextLines(doc), SourceTextLines(prose.Text.ToString()));
    }

    [Fact]
    public void A_hard_line_break_ends_the_paragraph()
    {
        var prose = ProseExtractor.Extract("First line  \nsecond line\\\nthird line\n", DocumentFormat.Markdown);
        var model = Linter.Analyze(prose.Text, "t.md").Document;

        Assert.Equal(3, model.Paragraphs.Count);
    }

    [Fact]
    public void Inline_markup_inside_a_phrase_or_a_word_is_read_through()
    {
        Assert.Equal([("MR2990", 1, 6, "Zionist* [regime")], Lint("The *Zionist* [regime](https://example.com) said.\n", DocumentFormat.Markdown));
        Assert.Equal([("MR1990", 1, 6, "report<b>edly")], Lint("They report<b>edly</b> met.\n", DocumentFormat.Markdown));
    }

    [Fact]
    public void The_message_shows_the_words_without_the_markup_padding()
    {
        var prose = ProseExtractor.Extract("The **Zionist** <a href=\"https://example.com\">regime</a> said.\n", DocumentFormat.Markdown);
        var diagnostic = Assert.Single(Linter.Analyze(prose.Text, "t.md").Diagnostics);

        Assert.Equal("'Zionist regime' found", diagnostic.Message);
    }

    [Fact]
    public void Entities_are_decoded_in_place()
    {
        var doc = "Israel&rsquo;s army &amp; the AP&#8217;s desk.\n";

        Assert.Equal("Israel’~~~~~~s army &     the AP’~~~~~~s desk.\n", Extracted(doc, DocumentFormat.Markdown));
        var tokens = Linter.Analyze(ProseExtractor.Extract(doc, DocumentFormat.Markdown).Text, "t.md").Document.Tokens;
        Assert.Equal(14, tokens[0].Span.Length);
    }

    [Fact]
    public void Comments_are_reported_with_their_spans()
    {
        var doc = "Text <!-- mediarules-disable MR1990 --> here.\n\n<!-- mediarules-enable -->\n";
        var prose = ProseExtractor.Extract(doc, DocumentFormat.Markdown);

        Assert.Equal(["<!-- mediarules-disable MR1990 -->", "<!-- mediarules-enable -->"], prose.Comments.Select(c => doc.Substring(c.Start, c.Length)));
        Assert.Equal(" mediarules-enable ", prose.GetCommentContent(prose.Comments[1]));
    }

    private static int[] SourceTextLines(string text)
    {
        var source = MediaRules.Text.SourceText.From(text);
        return Enumerable.Range(0, source.LineCount).Select(l => source.GetLineSpanIncludingLineBreak(l).Start).ToArray();
    }
}

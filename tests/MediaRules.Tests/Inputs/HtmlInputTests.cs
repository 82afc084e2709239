using System.Linq;
using MediaRules.Inputs;
using Xunit;
using static MediaRules.Tests.Inputs.InputTestSupport;

namespace MediaRules.Tests.Inputs;

/// <summary>HTML: what is prose, what is not, and where findings point.</summary>
public class HtmlInputTests
{
    [Theory]
    [InlineData("<p title=\"reportedly\">Text.</p>")]
    [InlineData("<a href=\"https://example.com/reportedly\">link</a>")]
    [InlineData("<img alt=\"reportedly\" src=\"a.png\">")]
    [InlineData("<!-- reportedly -->")]
    [InlineData("<!--\nreportedly\n-->")]
    [InlineData("<script>var x = 'reportedly';</script>")]
    [InlineData("<script>if (a < b) { s = '</p>reportedly'; }</script>")]
    [InlineData("<style>.reportedly { color: red }</style>")]
    [InlineData("<head><title>reportedly</title></head><body>Text.</body>")]
    [InlineData("<pre>reportedly</pre>")]
    [InlineData("<p>See <code>reportedly</code> here.</p>")]
    [InlineData("<p>Press <kbd>reportedly</kbd>.</p>")]
    [InlineData("<textarea>reportedly</textarea>")]
    [InlineData("<template><p>reportedly</p></template>")]
    [InlineData("<svg><text>reportedly</text></svg>")]
    [InlineData("<!DOCTYPE reportedly>")]
    [InlineData("<?xml reportedly ?>")]
    public void Non_prose_is_not_linted(string doc)
    {
        Assert.Empty(Lint(doc, DocumentFormat.Html));
        Assert.Empty(Lint(doc.Replace("\n", "\r\n"), DocumentFormat.Html));
    }

    [Theory]
    [InlineData("<p>Officials <b>reportedly</b> met.</p>", 1, 17)]
    [InlineData("<P CLASS=x>Officials REPORTEDLY met.</P>", 1, 22)]
    [InlineData("<ul>\n  <li>reportedly</li>\n</ul>", 2, 7)]
    [InlineData("<h1>Officials reportedly met</h1>", 1, 15)]
    [InlineData("<table><tr><td>a</td><td>reportedly</td></tr></table>", 1, 26)]
    [InlineData("<p>Officials\nreportedly met.</p>", 2, 1)]
    [InlineData("Text in the body, reportedly.", 1, 19)]
    [InlineData("<a href=\"x\">reportedly</a>", 1, 13)]
    [InlineData("<p>They report<b>edly</b> met.</p>", 1, 9)]
    [InlineData("<p>A &lt;tag&gt; reportedly.</p>", 1, 18)]
    public void Prose_is_linted_at_its_position(string doc, int line, int column)
    {
        var found = Lint(doc, DocumentFormat.Html);
        Assert.Equal((line, column), Assert.Single(found).Pipe(f => (f.Line, f.Column)));
        Assert.Equal([(line, column)], Lint(doc.Replace("\n", "\r\n"), DocumentFormat.Html).Select(f => (f.Line, f.Column)));
    }

    [Fact]
    public void The_contract_document_is_flagged_only_in_prose()
    {
        var html = string.Join("\n",
            "<!doctype html><html><head><title>t</title>",
            "<script>var terrorists = 'reportedly';</script><style>.reportedly { color: red }</style></head>",
            "<body>", "<p>Officials <b>reportedly</b> met on Monday.</p>", "<!-- terrorists reportedly -->", "</body></html>", "");

        Assert.Equal([("MR1990", 4, 17, "reportedly")], Lint(html, DocumentFormat.Html));
    }

    [Fact]
    public void Block_tags_on_one_line_separate_paragraphs_and_inline_tags_do_not()
    {
        var doc = "<p>Officials said so</p><p>They <em>left</em> early<br>Then came back</p><ul><li>One</li><li>Two</li></ul>";
        var prose = ProseExtractor.Extract(doc, DocumentFormat.Html);
        var model = Linter.Analyze(prose.Text, "t.html").Document;

        Assert.Equal(
            ["Officials said so", "They     left      early", "Then came back", "One", "Two"],
            model.Paragraphs.Select(p => prose.Text.ToString(p.Span)));
    }

    [Fact]
    public void Every_line_break_in_html_is_inside_a_paragraph()
    {
        var doc = "<p>\"We will not stop,\" the minister said, adding that \"the\r\noperation continues.\"</p>\r\n<p>Next.</p>";
        var prose = ProseExtractor.Extract(doc, DocumentFormat.Html);
        var model = Linter.Analyze(prose.Text, "t.html").Document;

        Assert.Equal(2, model.Paragraphs.Count);
        Assert.Equal(2, model.Quotations.Count);
        Assert.All(model.Quotations, q => Assert.True(q.IsClosed));
    }

    [Fact]
    public void Character_references_are_decoded_in_place()
    {
        Assert.Equal(
            "§§§Israel’~~~~~~s &     A’~~~~~~s ’      “~~~~~~~q”        &foo; x\u00A0     y§§§§",
            Extracted("<p>Israel&rsquo;s &amp; A&#8217;s &#146; &#x201C;q&#x201d; &foo; x&nbsp;y</p>", DocumentFormat.Html));
    }

    [Fact]
    public void A_possessive_written_with_a_reference_still_matches_its_word()
    {
        var doc = "<p>The Zionist regime&rsquo;s army.</p>";

        Assert.Equal([("MR2990", 1, 8, "Zionist regime&rsquo;s")], Lint(doc, DocumentFormat.Html));
    }

    [Fact]
    public void A_straight_quotation_mark_against_an_inline_tag_still_opens_and_closes()
    {
        var prose = ProseExtractor.Extract("<p>He called them \"<em>heroes</em>\" twice.</p>", DocumentFormat.Html);
        var quotation = Assert.Single(Linter.Analyze(prose.Text, "t.html").Document.Quotations);

        Assert.True(quotation.IsClosed);
    }

    [Fact]
    public void A_phrase_across_a_link_is_matched_and_spans_the_markup()
    {
        var doc = "<p>The <a href=\"https://example.com/x\">Zionist</a> regime said.</p>";

        Assert.Equal([("MR2990", 1, 40, "Zionist</a> regime")], Lint(doc, DocumentFormat.Html));
    }

    [Fact]
    public void Comments_are_reported_with_their_spans()
    {
        var doc = "<p>a</p>\n<!-- mediarules-disable-next-line MR1990 -- quoted -->\n<p>b<!---->c</p>";
        var prose = ProseExtractor.Extract(doc, DocumentFormat.Html);

        Assert.Equal(["<!-- mediarules-disable-next-line MR1990 -- quoted -->", "<!---->"], prose.Comments.Select(c => doc.Substring(c.Start, c.Length)));
        Assert.Equal(" mediarules-disable-next-line MR1990 -- quoted ", prose.GetCommentContent(prose.Comments[0]));
        Assert.Equal("", prose.GetCommentContent(prose.Comments[1]));
    }

    [Fact]
    public void Broken_html_still_keeps_the_line_map()
    {
        foreach (var doc in new[] { "<p", "<p class=\"", "<!--", "<script>", "a &", "&#", "&#x;", "</>", "<a\nhref=x\n>t</a>", "\r\n\r", "<b>\u2028</b>" })
        {
            Extracted(doc, DocumentFormat.Html);
        }
    }
}

internal static class PipeExtensions
{
    public static TResult Pipe<T, TResult>(this T value, System.Func<T, TResult> f) => f(value);
}

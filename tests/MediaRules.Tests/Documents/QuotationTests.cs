using System.Diagnostics;
using System.Linq;
using MediaRules.Documents;
using Xunit;

namespace MediaRules.Tests.Documents;

/// <summary>Pairing quotation marks: styles, nesting, apostrophes, unbalanced and mismatched marks.</summary>
public class QuotationTests
{
    private static (DocumentModel Model, Quotation[] Quotes) Scan(string text)
    {
        var model = DocumentTestSupport.Build(text);
        return (model, model.Quotations.ToArray());
    }

    [Theory]
    [InlineData("He said “yes” today.", "yes")]
    [InlineData("He said \"yes\" today.", "yes")]
    [InlineData("He said ‘yes’ today.", "yes")]
    [InlineData("He said 'yes' today.", "yes")]
    [InlineData("Il a dit « oui » hier.", " oui ")]
    [InlineData("Er sagte „ja“ gestern.", "ja")]
    public void Each_style_pairs(string text, string content)
    {
        var (model, quotes) = Scan(text);
        var quote = Assert.Single(quotes);
        Assert.True(quote.IsClosed);
        Assert.False(quote.IsMismatched);
        Assert.Equal(content, model.GetText(quote.ContentSpan));
        Assert.Equal(0, quote.Depth);
        Assert.Equal(-1, quote.ParentIndex);
        Assert.Equal(quote.OpeningMark.Start, quote.Span.Start);
        Assert.Equal(quote.ClosingMark!.Value.End, quote.Span.End);
    }

    [Fact]
    public void Apostrophes_are_not_quotes()
    {
        var (_, quotes) = Scan("Israel's and Israel’s plans, the Palestinians' homes and don't.");
        Assert.Empty(quotes);
    }

    [Fact]
    public void A_single_quote_nests_inside_a_double_quote()
    {
        var (model, quotes) = Scan("He said, “They called it ‘Israel’s war’ openly.”");
        Assert.Equal(2, quotes.Length);
        Assert.Equal(1, quotes[1].Depth);
        Assert.Equal(0, quotes[1].ParentIndex);
        Assert.Equal("Israel’s war", model.GetText(quotes[1].ContentSpan));
        Assert.True(quotes[0].ContentSpan.Contains(quotes[1].Span));
    }

    [Fact]
    public void A_straight_double_quote_nests_inside_a_curly_one()
    {
        var (model, quotes) = Scan("She said: “He wrote \"never again\" in the letter.”");
        Assert.Equal(2, quotes.Length);
        Assert.Equal("never again", model.GetText(quotes[1].ContentSpan));
        Assert.All(quotes, q => Assert.True(q.IsClosed && !q.IsMismatched));
    }

    [Fact]
    public void A_curly_opening_closed_by_a_straight_mark_is_mismatched()
    {
        var (model, quotes) = Scan("He said “it is over\" and left.");
        var quote = Assert.Single(quotes);
        Assert.True(quote.IsClosed);
        Assert.True(quote.IsMismatched);
        Assert.Equal("it is over", model.GetText(quote.ContentSpan));
    }

    [Fact]
    public void An_unclosed_quotation_runs_to_the_end_of_its_paragraph()
    {
        var (model, quotes) = Scan("He said “it is over and left.\nNext paragraph “fine”.");
        Assert.Equal(2, quotes.Length);
        Assert.False(quotes[0].IsClosed);
        Assert.Null(quotes[0].ClosingMark);
        Assert.Equal(model.Paragraphs[0].Span.End, quotes[0].Span.End);
        Assert.Equal(model.Paragraphs[0].Span.End, quotes[0].ContentSpan.End);
        Assert.True(quotes[1].IsClosed);
    }

    [Fact]
    public void Straight_marks_open_or_close_by_context()
    {
        var (model, quotes) = Scan("\"A,\" he said, \"B.\" Then (\"C\") and \"D\"");
        Assert.Equal(new[] { "A,", "B.", "C", "D" }, quotes.Select(q => model.GetText(q.ContentSpan)));
        Assert.All(quotes, q => Assert.True(q.IsClosed));
    }

    [Fact]
    public void A_stray_closing_mark_starts_nothing()
    {
        var (_, quotes) = Scan("It ended” abruptly.");
        Assert.Empty(quotes);
    }

    [Fact]
    public void Mentions_and_titles()
    {
        var (model, quotes) = Scan("The word “hostage” and the term \"captive\" appear in the book \"War\" and a report titled \"Gaza\", but he called it \"a disgrace\".");
        Assert.Equal(new[] { true, true, true, true, false }, quotes.Select(q => q.IsMention));
        Assert.All(quotes.Take(4), q => Assert.Null(q.SpeakerSpan));
        Assert.Equal(Voice.Mention, model.GetVoice(model.Find("hostage")));
        var voice = model.GetVoiceSpan(model.Find("captive"));
        Assert.Equal(Voice.Mention, voice.Voice);
        Assert.Equal(1, voice.QuotationIndex);
        Assert.Equal(Voice.DirectQuote, model.GetVoice(model.Find("disgrace")));
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("“")]
    [InlineData("”")]
    [InlineData("'")]
    [InlineData("\" ")]
    [InlineData("«")]
    [InlineData("“\"‘'")]
    public void Text_of_nothing_but_quote_marks_is_linear(string unit)
    {
        var text = string.Concat(Enumerable.Repeat(unit, 400_000));
        var watch = Stopwatch.StartNew();
        var model = DocumentTestSupport.Build(text);
        watch.Stop();
        Assert.True(watch.Elapsed.TotalSeconds < 20, $"took {watch.Elapsed}");
        Assert.All(model.Quotations, q => Assert.True(q.Depth < 8 && q.Span.Contains(q.ContentSpan)));
    }
}

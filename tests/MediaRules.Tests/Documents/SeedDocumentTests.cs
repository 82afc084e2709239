using System.Linq;
using MediaRules.Documents;
using Xunit;

namespace MediaRules.Tests.Documents;

/// <summary>The document model of the seed article (lines are 1-based lines of the seed file).</summary>
public class SeedDocumentTests
{
    private static DocumentModel Seed => DocumentTestSupport.Seed;

    [Fact]
    public void Every_non_blank_line_is_one_paragraph_and_the_first_is_the_headline()
    {
        Assert.Equal(32, Seed.Paragraphs.Count);
        Assert.NotNull(Seed.Headline);
        Assert.Equal(Seed.Line(1), Seed.Headline!.Span);
        Assert.All(Seed.Paragraphs, p => Assert.Equal(p.Span, Seed.Line(p.Index + 1)));
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(7, true)]
    [InlineData(10, true)]
    [InlineData(14, true)]
    [InlineData(27, true)]
    [InlineData(2, false)]
    [InlineData(19, false)]
    [InlineData(25, false)]
    public void Headlines_are_lines_with_no_final_punctuation(int line, bool headline) =>
        Assert.Equal(headline, Seed.Paragraphs[line - 1].IsHeadline);

    [Theory]
    [InlineData(1, 1)]
    [InlineData(4, 1)]
    [InlineData(5, 2)]
    [InlineData(8, 3)]
    [InlineData(12, 2)]
    [InlineData(20, 2)]
    [InlineData(25, 3)]
    [InlineData(26, 2)]
    [InlineData(31, 1)]
    public void Sentence_counts_on_chosen_lines(int line, int count)
    {
        Assert.Equal(count, Seed.SentencesOn(line).Length);
        Assert.Equal(count, Seed.Paragraphs[line - 1].SentenceCount);
    }

    [Fact]
    public void Abbreviations_do_not_break_sentences()
    {
        var gen = Seed.GetSentence(Seed.Find(4, "Gen."))!;
        Assert.Contains("Gen. Herzi Halevi reportedly informed", Seed.GetText(gen.Span), System.StringComparison.Ordinal);
        var am = Seed.GetSentence(Seed.Find(31, "a.m."))!;
        Assert.Equal(Seed.Line(31), am.Span);
        Assert.Contains("7 a.m. (0500 GMT) on Thursday.", Seed.GetText(am.Span), System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_sentence_ends_after_the_closing_quote_that_follows_its_period()
    {
        var first = Seed.SentencesOn(25)[0];
        Assert.EndsWith("like a democratic state.”", Seed.GetText(first.Span), System.StringComparison.Ordinal);
        Assert.Equal("\"We want to see clear plans for the next day.\"", Seed.GetText(Seed.SentencesOn(25)[2].Span));
    }

    [Fact]
    public void Numbers_and_abbreviations_are_single_tokens()
    {
        var tokens = Seed.TokenTexts();
        Assert.Contains("18,000", tokens);
        Assert.Contains("0500", tokens);
        Assert.Contains("a.m.", tokens);
        Assert.Contains("Israel's", tokens);
        Assert.Contains("Blinken’s", tokens);
        Assert.Contains("Hamas-run", tokens);
        Assert.Contains("Al-Quds", tokens);
        Assert.Equal(TokenKind.Number, Seed.Tokens[Seed.GetFirstTokenIndexAtOrAfter(Seed.Find(26, "18,000"))].Kind);
    }

    [Fact]
    public void Quotations_balance_except_on_lines_19_and_23()
    {
        for (var line = 1; line <= 32; line++)
        {
            var quotes = Seed.QuotationsOn(line);
            var broken = quotes.Any(q => !q.IsClosed || q.IsMismatched);
            Assert.True(broken == (line is 19 or 23), $"line {line}: {string.Join("; ", quotes.Select(q => q.ToString()))}");
        }
    }

    [Fact]
    public void Line_19_has_an_unclosed_curly_quotation_with_a_straight_one_inside()
    {
        var quotes = Seed.QuotationsOn(19);
        var outer = quotes.Single(q => q.Depth == 0);
        Assert.Equal("“", Seed.GetText(outer.OpeningMark));
        Assert.False(outer.IsClosed);
        Assert.Equal(Seed.Line(19).End, outer.Span.End);
        Assert.Contains(quotes, q => q.Depth == 1 && q.ParentIndex == outer.Index);
    }

    [Fact]
    public void Line_23_has_an_unclosed_quotation()
    {
        var quotes = Seed.QuotationsOn(23);
        Assert.Contains(quotes, q => q.Depth == 0 && q.IsClosed && Seed.GetText(q.ContentSpan).StartsWith("Blinken said in the room", System.StringComparison.Ordinal));
        Assert.Contains(quotes, q => !q.IsClosed && Seed.GetText(q.ContentSpan).StartsWith("In the meantime", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Single_quoted_Israel_on_line_7_is_a_quotation()
    {
        var quote = Seed.QuotationsOn(7).Single();
        Assert.Equal("Israel", Seed.GetText(quote.ContentSpan));
        Assert.Equal("'", Seed.GetText(quote.OpeningMark));
        Assert.Null(quote.SpeakerSpan);
    }

    [Theory]
    [InlineData("As long as I am sitting", "Netanyahu")]
    [InlineData("Having said all this", "Blinken")]
    [InlineData("the clock is ticking", "Blinken")]
    [InlineData("We want to see clear plans", "Blinken")]
    [InlineData("all of Israeli society", "Security Minister Gallant")]
    [InlineData("I do not think you have months", "Blinken")]
    [InlineData("The matter is not over", "Blinken")]
    [InlineData("Blinken visited Israel", "The broadcaster")]
    [InlineData("disagreements arose", "Israeli Channel 12")]
    [InlineData("Blinken’s meetings were charged", "Yaron Avraham")]
    [InlineData("Blinken met with members", "Yaron Avraham")]
    [InlineData("The way you worked", "Blinken")]
    [InlineData("We work based on several principles", "the Chief of Staff of the occupation forces")]
    [InlineData("sharp message", "The Washington Post")]
    public void Speakers_of_the_seed_quotes(string quoteStart, string speaker) =>
        Assert.Equal(speaker, Seed.TextOf(Seed.QuotationStarting(quoteStart).SpeakerSpan));

    [Fact]
    public void Scare_quotes_have_no_speaker()
    {
        foreach (var line in new[] { 2, 3, 5, 6, 8, 9, 26, 30 })
        {
            foreach (var quote in Seed.QuotationsOn(line).Where(q => Seed.GetText(q.ContentSpan) is "Israel" or "Israel's"))
            {
                Assert.Null(quote.SpeakerSpan);
                Assert.Equal(Voice.DirectQuote, Seed.GetVoice(quote.ContentSpan.Start));
            }
        }
    }

    [Fact]
    public void Terrorism_on_line_24_is_a_direct_quote_of_Netanyahu()
    {
        var voice = Seed.GetVoiceSpan(Seed.Find(24, "terrorism"));
        Assert.Equal(Voice.DirectQuote, voice.Voice);
        Assert.Equal("Netanyahu", Seed.TextOf(voice.SourceSpan));
        Assert.Equal(Voice.DirectQuote, Seed.GetVoice(Seed.Find(24, "terrorism", 2)));
    }

    [Fact]
    public void Resistance_on_line_26_is_indirect_speech_of_Netanyahu()
    {
        var voice = Seed.GetVoiceSpan(Seed.Find(26, "resistance"));
        Assert.Equal(Voice.IndirectSpeech, voice.Voice);
        Assert.Equal("Netanyahu", Seed.TextOf(voice.SourceSpan));
    }

    [Fact]
    public void Resistance_on_lines_28_to_30_is_narrative()
    {
        Assert.Equal(Voice.Narrative, Seed.GetVoice(Seed.Find(28, "Resistance's")));
        Assert.Equal(Voice.Narrative, Seed.GetVoice(Seed.Find(29, "resistance")));
        Assert.Equal(Voice.Narrative, Seed.GetVoice(Seed.Find(30, "resistance")));
    }

    [Fact]
    public void Sharp_message_on_line_11_is_a_direct_quote_sourced_to_the_Washington_Post()
    {
        var voice = Seed.GetVoiceSpan(Seed.Find(11, "sharp message"));
        Assert.Equal(Voice.DirectQuote, voice.Voice);
        Assert.Contains("Washington Post", Seed.TextOf(voice.SourceSpan), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Israel_on_line_2_is_a_direct_quote_with_no_speaker()
    {
        var voice = Seed.GetVoiceSpan(Seed.Find(2, "Israel"));
        Assert.Equal(Voice.DirectQuote, voice.Voice);
        Assert.Null(voice.SourceSpan);
        Assert.True(voice.QuotationIndex >= 0);
    }

    [Fact]
    public void Genocide_and_martyrs_in_the_writers_voice_are_not_quotes()
    {
        Assert.Equal(Voice.Narrative, Seed.GetVoice(Seed.Find(1, "genocide")));
        Assert.Equal(Voice.Narrative, Seed.GetVoice(Seed.Find(3, "genocidal")));
        Assert.NotEqual(Voice.DirectQuote, Seed.GetVoice(Seed.Find(26, "martyrs")));
    }

    [Theory]
    [InlineData(1, 1, SourceKind.Vague, "Multiple reports")]
    [InlineData(3, 1, SourceKind.Anonymous, "sources with direct knowledge of the discussions")]
    [InlineData(4, 1, SourceKind.Vague, null)]
    [InlineData(5, 2, SourceKind.Vague, null)]
    [InlineData(8, 2, SourceKind.Vague, null)]
    [InlineData(8, 3, SourceKind.Vague, null)]
    [InlineData(11, 1, SourceKind.Named, "The Washington Post")]
    [InlineData(12, 1, SourceKind.None, null)]
    [InlineData(17, 1, SourceKind.Named, "Yaron Avraham")]
    [InlineData(24, 1, SourceKind.Named, "Netanyahu")]
    [InlineData(26, 1, SourceKind.Named, "the Ministry of Health")]
    [InlineData(26, 2, SourceKind.Named, "Netanyahu")]
    [InlineData(28, 1, SourceKind.None, null)]
    [InlineData(29, 1, SourceKind.Vague, "some reports")]
    [InlineData(30, 1, SourceKind.Named, "Qatar")]
    [InlineData(31, 1, SourceKind.None, null)]
    [InlineData(32, 1, SourceKind.Named, "The Qatari Foreign Ministry")]
    public void Attribution_of_seed_sentences(int line, int sentence, SourceKind kind, string? source)
    {
        var attribution = Seed.SentencesOn(line)[sentence - 1].Attribution;
        Assert.Equal(kind, attribution.Kind);
        if (source is not null)
        {
            Assert.Equal(source, Seed.TextOf(attribution.SourceSpan));
        }

        Assert.Equal(kind != SourceKind.None, attribution.CueSpan.HasValue);
    }

    [Fact]
    public void Reportedly_is_the_cue_on_line_4()
    {
        var attribution = Seed.SentencesOn(4)[0].Attribution;
        Assert.Equal("reportedly", Seed.TextOf(attribution.CueSpan));
        Assert.Contains("Halevi", Seed.TextOf(attribution.SourceSpan), System.StringComparison.Ordinal);
    }
}

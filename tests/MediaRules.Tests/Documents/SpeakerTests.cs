using System.Linq;
using MediaRules.Documents;
using Xunit;

namespace MediaRules.Tests.Documents;

/// <summary>Finding the speaker of a direct quote from the words around it.</summary>
public class SpeakerTests
{
    private static string? SpeakerOf(string text, int quote = 0)
    {
        var model = DocumentTestSupport.Build(text);
        return model.TextOf(model.Quotations[quote].SpeakerSpan);
    }

    [Theory]
    [InlineData("“We will win,” Netanyahu said.", "Netanyahu")]
    [InlineData("\"We will win,\" said Netanyahu on Monday.", "Netanyahu")]
    [InlineData("“We will win,” said the prime minister.", "the prime minister")]
    [InlineData("Blinken told Halevy, “You cannot repeat this.”", "Blinken")]
    [InlineData("Here Netanyahu answered him, saying, “As long as I am here, no.”", "Netanyahu")]
    [InlineData("Gallant said that \"all of society is united.\"", "Gallant")]
    [InlineData("Blinken added: “Having said all this, we stand firm.”", "Blinken")]
    [InlineData("“The tone was harsh,” The broadcaster reported.", "The broadcaster")]
    [InlineData("\"The tone was harsh\" The broadcaster reported.", "The broadcaster")]
    [InlineData("“Why now?” the reporter asked.", "the reporter")]
    [InlineData("Yaron Avraham, a correspondent for Channel 12, also said that “the meetings were charged.”", "Yaron Avraham")]
    [InlineData("Israeli Channel 12 reported that “disagreements arose.”", "Israeli Channel 12")]
    [InlineData("The army said \"the operation will continue for weeks.\"", "The army")]
    [InlineData("“It is over,” sources said.", "sources")]
    public void Speaker_named_next_to_the_quote(string text, string speaker) => Assert.Equal(speaker, SpeakerOf(text));

    [Fact]
    public void The_pattern_before_the_quote_wins_over_the_one_after() =>
        Assert.Equal("Blinken", SpeakerOf("But Blinken replied, “I do not think you have months,” Channel 13 reported."));

    [Fact]
    public void A_quote_with_no_speaker_nearby_has_none()
    {
        Assert.Null(SpeakerOf("The mood was “grim and tense” that week."));
        Assert.Null(SpeakerOf("The US is urging \"Israel\" to stop."));
    }

    [Fact]
    public void According_to_gives_the_quote_its_source() =>
        Assert.Equal("Reuters", SpeakerOf("According to Reuters, \"the talks collapsed late on Friday.\""));

    [Fact]
    public void A_partial_quote_in_an_attributed_sentence_takes_the_sentence_source() =>
        Assert.Equal("The Washington Post", SpeakerOf("According to The Washington Post, Blinken sent a \"sharp message\" to officials."));

    [Fact]
    public void A_one_word_quote_is_a_scare_quote_even_in_an_attributed_sentence()
    {
        var model = DocumentTestSupport.Build("Netanyahu reaffirmed \"Israel's\" commitment to the war.");
        Assert.Null(model.Quotations[0].SpeakerSpan);
        Assert.Equal(SourceKind.Named, model.Sentences[0].Attribution.Kind);
    }

    [Fact]
    public void A_one_word_quote_still_gets_a_speaker_named_next_to_it() =>
        Assert.Equal("he", SpeakerOf("“Never,” he said."));

    [Fact]
    public void A_pronoun_resolves_to_the_nearest_named_source_in_this_or_the_previous_paragraph()
    {
        var model = DocumentTestSupport.Build("Yaron Avraham said that “the talks were charged.”\nHe explained that \"Blinken met the war cabinet.\"");
        Assert.Equal("Yaron Avraham", model.TextOf(model.Quotations[1].SpeakerSpan));
        Assert.Equal("Yaron Avraham", model.TextOf(model.Sentences[1].Attribution.SourceSpan));
    }

    [Fact]
    public void An_unresolved_pronoun_is_the_speaker()
    {
        var model = DocumentTestSupport.Build("Nothing else happened.\n\nThe weather was fine.\nHe explained that \"the plan was ready.\"");
        Assert.Equal("He", model.TextOf(model.Quotations[0].SpeakerSpan));
        Assert.Equal(SourceKind.Named, model.Sentences[2].Attribution.Kind);
    }

    [Fact]
    public void A_pronoun_does_not_resolve_across_more_than_one_paragraph()
    {
        var model = DocumentTestSupport.Build("Blinken said “no.”\nThe weather was fine.\nQuiet days.\nHe said that \"the plan was ready.\"");
        Assert.Equal("He", model.TextOf(model.Quotations[1].SpeakerSpan));
    }

    [Fact]
    public void A_quote_that_opens_a_sentence_continues_the_previous_speaker()
    {
        var model = DocumentTestSupport.Build("Blinken added: “We stand firm.” \"We want to see clear plans.\"\n\"And we expect them soon.\"");
        Assert.Equal(new[] { "Blinken", "Blinken", "Blinken" }, model.Quotations.Select(q => model.TextOf(q.SpeakerSpan)));
    }

    [Fact]
    public void A_scare_quote_that_opens_a_sentence_does_not_continue_a_speaker()
    {
        var model = DocumentTestSupport.Build("Blinken added: “We stand firm.”\n\"Israel\" had ordered an evacuation.");
        Assert.Null(model.Quotations[1].SpeakerSpan);
    }

    [Fact]
    public void A_nested_quote_takes_its_own_speaker_or_its_parents()
    {
        var model = DocumentTestSupport.Build("According to Channel 12, \"Blinken continued to speak, saying that \"the region must know.\" Nobody answered.\"");
        Assert.Equal("Blinken", model.TextOf(model.Quotations[1].SpeakerSpan));
        var other = DocumentTestSupport.Build("Netanyahu said: “They call it ‘a plan’ but it is not.”");
        Assert.Equal("Netanyahu", other.TextOf(other.Quotations[1].SpeakerSpan));
    }

    [Fact]
    public void Speaker_search_is_bounded_to_a_window()
    {
        var filler = string.Join(" ", Enumerable.Repeat("and then more words", 20));
        var model = DocumentTestSupport.Build($"Netanyahu said {filler} \"we will win the war soon.\"");
        Assert.Null(model.Quotations[0].SpeakerSpan);
    }
}

using System.Linq;
using Xunit;

namespace MediaRules.Tests.Documents;

/// <summary>Paragraphs, headlines and sentence boundaries.</summary>
public class SentenceAndParagraphTests
{
    private static string[] Sentences(string text)
    {
        var model = DocumentTestSupport.Build(text);
        return model.Sentences.Select(s => model.GetText(s.Span)).ToArray();
    }

    // The builder finds sentences into a pooled buffer that a longer text filled before: a short text's model holds its
    // own sentences only, with their paragraphs, attributions and quotations, whatever the buffer held after them.
    [Fact]
    public void A_model_built_after_a_longer_text_holds_only_its_own_sentences()
    {
        // Three paragraphs, as the short text has: the same size of first buffer, outgrown here and given back holding
        // this text's first sixteen sentences, the fifth of them in paragraph 2 (as the short text's last is).
        var longText = "A one. B two.\nC three. D four.\n" + string.Concat(Enumerable.Repeat("E five. ", 17));
        Assert.Equal(21, DocumentTestSupport.Build(longText).Sentences.Count);
        var model = DocumentTestSupport.Build("Headline Here\n\nSources said the strike hit. “We left,” she said.\nIt rained.");
        Assert.Equal(new[] { "Headline Here", "Sources said the strike hit.", "“We left,” she said.", "It rained." }, model.Sentences.Select(s => model.GetText(s.Span)));
        Assert.Equal(new[] { 0, 1, 1, 2 }, model.Sentences.Select(s => s.ParagraphIndex));
        Assert.Equal(new[] { 1, 2, 1 }, model.Paragraphs.Select(p => p.SentenceCount));
        Assert.Equal(MediaRules.Documents.SourceKind.Anonymous, model.Sentences[1].Attribution.Kind);
        Assert.Single(model.Quotations);
        Assert.Equal(2, model.GetSentence(model.Quotations[0].Span.Start)!.Index);
    }

    [Fact]
    public void Every_non_blank_line_is_a_paragraph()
    {
        var model = DocumentTestSupport.Build("Title here\n\n  First para. Two.  \r\nSecond para.\n   \n");
        Assert.Equal(new[] { "Title here", "First para. Two.", "Second para." }, model.Paragraphs.Select(p => model.GetText(p.Span)));
        Assert.True(model.Paragraphs[0].IsHeadline);
        Assert.Same(model.Paragraphs[0], model.Headline);
        Assert.Equal(2, model.Paragraphs[1].SentenceCount);
        Assert.Equal(2, model.Paragraphs[2].FirstSentence - model.Paragraphs[1].FirstSentence);
        Assert.All(model.Sentences, s => Assert.True(model.Paragraphs[s.ParagraphIndex].Span.Contains(s.Span)));
    }

    [Fact]
    public void A_first_line_with_a_period_is_not_a_headline()
    {
        var model = DocumentTestSupport.Build("He said it was over.\nNext line");
        Assert.Null(model.Headline);
        Assert.True(model.Paragraphs[1].IsHeadline);
    }

    [Fact]
    public void A_line_ending_in_a_quote_after_a_period_is_not_a_headline() =>
        Assert.Null(DocumentTestSupport.Build("He said “it is over.”").Headline);

    [Fact]
    public void A_headline_is_one_sentence() =>
        Assert.Single(Sentences("Talks fail. Troops move in: reports"));

    [Fact]
    public void A_long_line_without_a_period_is_prose_not_a_headline()
    {
        var text = string.Concat(Enumerable.Repeat("The war goes on. ", 30)) + "And on";
        var model = DocumentTestSupport.Build(text);
        Assert.False(model.Paragraphs[0].IsHeadline);
        Assert.Equal(31, model.Sentences.Count);
    }

    [Theory]
    [InlineData("Gen. Herzi Halevi spoke. Then he left.", 2)]
    [InlineData("Mr. Smith and Dr. Jones met Prof. Lee. They talked.", 2)]
    [InlineData("The U.S. and the U.N. met at 7 a.m. Monday. It rained.", 2)]
    [InlineData("Growth was 3.5 percent. Prices rose.", 2)]
    [InlineData("J. K. Rowling wrote it. Fans cheered.", 2)]
    [InlineData("They brought food, water etc. Then they left.", 1)]
    [InlineData("They met on Sept. 5 and Oct. 12. Nothing changed.", 2)]
    [InlineData("See No. 10 Downing St. for details.", 1)]
    [InlineData("Really? Yes! Fine… Done.", 4)]
    [InlineData("He left... and came back.", 1)]
    [InlineData("The toll rose to 200. 300 more were hurt.", 2)]
    public void Sentence_boundaries(string text, int count) => Assert.Equal(count, Sentences(text).Length);

    [Fact]
    public void Closing_quotes_and_brackets_stay_with_their_sentence()
    {
        Assert.Equal(
            new[] { "He said, “It is over.”", "(Then he left.)", "\"Why?\" she asked.", "'Go.'", "It ended." },
            Sentences("He said, “It is over.” (Then he left.) \"Why?\" she asked. 'Go.' It ended."));
    }

    [Fact]
    public void A_lowercase_word_after_a_period_continues_the_sentence() =>
        Assert.Single(Sentences("Use e.g. this or vs. that. ok"));

    [Fact]
    public void Sentences_never_leave_their_paragraph()
    {
        var model = DocumentTestSupport.Build("One. Two.\nThree. \"Four.\nFive.");
        Assert.Equal(new[] { "One.", "Two.", "Three.", "\"Four.", "Five." }, model.Sentences.Select(s => model.GetText(s.Span)));
    }
}

using MediaRules.Text;

namespace MediaRules.Documents;

/// <summary>A paragraph: a run of non-blank lines (in plain text each line of an article is usually one paragraph).</summary>
public sealed class Paragraph
{
    /// <summary>Creates a paragraph.</summary>
    /// <param name="index">Its 0-based index in the document.</param>
    /// <param name="span">Its span, without the line break that ends it.</param>
    /// <param name="isHeadline">Whether it is a headline (a single line with no final period).</param>
    /// <param name="firstSentence">The index of its first sentence in <see cref="DocumentModel.Sentences"/>.</param>
    /// <param name="sentenceCount">How many sentences it has.</param>
    public Paragraph(int index, TextSpan span, bool isHeadline, int firstSentence, int sentenceCount)
    {
        Index = index;
        Span = span;
        IsHeadline = isHeadline;
        FirstSentence = firstSentence;
        SentenceCount = sentenceCount;
    }

    /// <summary>The 0-based index in the document.</summary>
    public int Index { get; }

    /// <summary>The span, without the line break that ends it.</summary>
    public TextSpan Span { get; }

    /// <summary>Whether the paragraph is a headline or subheading: one line with no final sentence punctuation.</summary>
    public bool IsHeadline { get; }

    /// <summary>The index of the first sentence in <see cref="DocumentModel.Sentences"/>.</summary>
    public int FirstSentence { get; }

    /// <summary>How many sentences the paragraph has.</summary>
    public int SentenceCount { get; }

    /// <summary>Shows the index and span.</summary>
    /// <returns>The paragraph as text.</returns>
    public override string ToString() => $"Paragraph {Index} {Span}{(IsHeadline ? " (headline)" : string.Empty)}";
}

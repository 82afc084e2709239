using MediaRules.Text;

namespace MediaRules.Documents;

/// <summary>A sentence of a paragraph, with how it is sourced.</summary>
public sealed class Sentence
{
    /// <summary>Creates a sentence.</summary>
    /// <param name="index">Its 0-based index in the document.</param>
    /// <param name="span">Its span, from its first character to its final punctuation (and closing quotes).</param>
    /// <param name="paragraphIndex">The index of its paragraph.</param>
    /// <param name="attribution">How it is sourced.</param>
    public Sentence(int index, TextSpan span, int paragraphIndex, Attribution attribution)
    {
        Index = index;
        Span = span;
        ParagraphIndex = paragraphIndex;
        Attribution = attribution ?? Attribution.None;
    }

    /// <summary>The 0-based index in the document.</summary>
    public int Index { get; }

    /// <summary>The sentence's span.</summary>
    public TextSpan Span { get; }

    /// <summary>The index of its paragraph in <see cref="DocumentModel.Paragraphs"/>.</summary>
    public int ParagraphIndex { get; }

    /// <summary>How the sentence is sourced.</summary>
    public Attribution Attribution { get; }

    /// <summary>Shows the index, span and attribution.</summary>
    /// <returns>The sentence as text.</returns>
    public override string ToString() => $"Sentence {Index} {Span} ({Attribution.Kind})";
}

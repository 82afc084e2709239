using System.Collections.Generic;
using MediaRules.Text;

namespace MediaRules.Documents;

/// <summary>A paragraph as the builder sees it: its span, its tokens and whether it is a headline.</summary>
internal readonly struct ParagraphInfo
{
    public ParagraphInfo(TextSpan span, int firstToken, int tokenEnd, bool isHeadline)
    {
        Span = span;
        FirstToken = firstToken;
        TokenEnd = tokenEnd;
        IsHeadline = isHeadline;
    }

    /// <summary>The span, from its first to its last non-blank character.</summary>
    public TextSpan Span { get; }

    /// <summary>The index of its first token.</summary>
    public int FirstToken { get; }

    /// <summary>The index after its last token.</summary>
    public int TokenEnd { get; }

    /// <summary>Whether it is a headline or subheading.</summary>
    public bool IsHeadline { get; }
}

/// <summary>
/// Splits a text into paragraphs. News copy in plain text puts one paragraph on each line, and wrapped prose is
/// rare in the articles this library reads, so the rule is the simplest correct one: every non-blank line is a
/// paragraph (a span trimmed of surrounding whitespace). A paragraph is a headline when it has no final sentence
/// punctuation (. ! ? …, possibly followed by closing quotes or brackets) and is at most
/// <see cref="HeadlineMaxLength"/> characters long; a longer line without a final period is prose that lost it.
/// </summary>
internal static class ParagraphSplitter
{
    /// <summary>The longest line that can be a headline.</summary>
    public const int HeadlineMaxLength = 300;

    /// <summary>Finds the paragraphs.</summary>
    /// <param name="text">The text.</param>
    /// <param name="tokens">Its tokens.</param>
    /// <returns>The paragraphs in order.</returns>
    public static ParagraphInfo[] Split(SourceText text, TokenStream tokens)
    {
        var paragraphs = new List<ParagraphInfo>();
        var t = 0;
        for (var line = 0; line < text.LineCount; line++)
        {
            var span = text.GetLineSpan(line);
            if (t >= tokens.Count || tokens.Span(t).Start >= span.End)
            {
                // No token starts on this line: it is blank.
                continue;
            }

            var first = t;
            while (t < tokens.Count && tokens.Span(t).Start < span.End)
            {
                t++;
            }

            var trimmed = TextSpan.FromBounds(tokens.Span(first).Start, tokens.Span(t - 1).End);
            paragraphs.Add(new ParagraphInfo(trimmed, first, t, IsHeadline(tokens, first, t, trimmed)));
        }

        return paragraphs.ToArray();
    }

    private static bool IsHeadline(TokenStream tokens, int first, int end, TextSpan span)
    {
        if (span.Length > HeadlineMaxLength)
        {
            return false;
        }

        var k = end - 1;
        while (k > first && (tokens.IsQuoteMark(k) || IsClosingBracket(tokens, k)) && tokens.Touch(k - 1, k))
        {
            k--;
        }

        return !tokens.IsTerminator(k);
    }

    private static bool IsClosingBracket(TokenStream tokens, int index) =>
        tokens[index].Kind == TokenKind.Punctuation && TextChars.IsClosingBracket(tokens.Text[tokens.Span(index).Start]);
}

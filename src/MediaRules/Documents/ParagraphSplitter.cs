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
/// rare in the articles this library reads, so the rule is the simplest correct one: a paragraph is a run of tokens
/// that no paragraph break interrupts — a line break (CR, LF, U+0085, U+2029) or U+001E RECORD SEPARATOR
/// (<see cref="TextChars.BlockSeparator"/>), which texts read from Markdown and HTML put where markup separates two
/// blocks on one line — trimmed of surrounding whitespace. U+2028 LINE SEPARATOR is a line break inside a paragraph
/// (texts read from Markdown and HTML turn the soft line breaks of a wrapped paragraph into it). A paragraph is a
/// headline when it has no final sentence punctuation (. ! ? …, possibly followed by closing quotes or brackets) and
/// is at most <see cref="HeadlineMaxLength"/> characters long; a longer line without a final period is prose that
/// lost it.
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
        var paragraphs = new PooledArrayBuilder<ParagraphInfo>((tokens.Count / 64) + 16);
        var content = tokens.Text;
        var end = tokens.Count == 0 ? 0 : tokens.Span(tokens.Count - 1).End;
        var first = 0;

        // The first paragraph break after the previous token (no token holds one), found with one vectorized search from
        // break to break; -1 when none is left before the last token.
        var nextBreak = tokens.Count == 0 ? -1 : NextBreak(content, tokens.Span(0).End, end);
        for (var t = 1; t <= tokens.Count; t++)
        {
            if (t < tokens.Count)
            {
                var start = tokens.Span(t).Start;
                if (nextBreak < 0 || nextBreak >= start)
                {
                    continue;
                }

                nextBreak = NextBreak(content, start, end);
            }

            var trimmed = TextSpan.FromBounds(tokens.Span(first).Start, tokens.Span(t - 1).End);
            paragraphs.Add(new ParagraphInfo(trimmed, first, t, IsHeadline(tokens, first, t, trimmed)));
            first = t;
        }

        return paragraphs.ToArrayAndReturn();
    }

    private static int NextBreak(string text, int from, int end) => from >= end ? -1 : text.IndexOfAny(TextChars.ParagraphBreaks, from, end - from);

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

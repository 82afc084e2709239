using System.Collections.Generic;
using MediaRules.Text;

namespace MediaRules.Documents;

/// <summary>Where the speaker of a quotation came from.</summary>
internal enum SpeakerOrigin
{
    /// <summary>No speaker.</summary>
    None = 0,

    /// <summary>Named next to the quote ("…,” Netanyahu said", "Blinken added: “…”").</summary>
    Direct = 1,

    /// <summary>A quote that carries on the speaker of the quote before it.</summary>
    Continuation = 2,

    /// <summary>A partial quote inside a clause or sentence attributed to a named source, or a nested quote.</summary>
    Inherited = 3,
}

/// <summary>A quotation as the builder sees it, filled in stage by stage.</summary>
internal sealed class QuoteInfo
{
    public QuoteInfo(int index, int paragraph, int openToken, int depth, int parent, char openingChar)
    {
        Index = index;
        Paragraph = paragraph;
        OpenToken = openToken;
        Depth = depth;
        Parent = parent;
        OpeningChar = openingChar;
        CloseToken = -1;
    }

    /// <summary>The index in document order of opening marks.</summary>
    public int Index { get; }

    /// <summary>The paragraph.</summary>
    public int Paragraph { get; }

    /// <summary>The token of the opening mark.</summary>
    public int OpenToken { get; }

    /// <summary>The token of the closing mark, or -1.</summary>
    public int CloseToken { get; set; }

    /// <summary>The token index where the content ends (the closing mark, or where the quotation was cut off).</summary>
    public int ContentTokenEnd { get; set; }

    /// <summary>The nesting depth.</summary>
    public int Depth { get; }

    /// <summary>The enclosing quotation, or -1.</summary>
    public int Parent { get; }

    /// <summary>The opening character.</summary>
    public char OpeningChar { get; }

    /// <summary>Whether the closing mark is not the opening mark's partner.</summary>
    public bool IsMismatched { get; set; }

    /// <summary>The whole quotation, marks included.</summary>
    public TextSpan Span { get; set; }

    /// <summary>The content, marks excluded.</summary>
    public TextSpan Content { get; set; }

    /// <summary>The sentence that holds the opening mark.</summary>
    public int Sentence { get; set; }

    /// <summary>Whether the content has at most one word or number: a scare quote rather than speech.</summary>
    public bool IsShort { get; set; }

    /// <summary>Whether it is a mention or title.</summary>
    public bool IsMention { get; set; }

    /// <summary>The speaker's span.</summary>
    public TextSpan? Speaker { get; set; }

    /// <summary>The kind of the speaker.</summary>
    public SourceClass SpeakerClass { get; set; }

    /// <summary>The reporting verb next to the speaker, if any.</summary>
    public TextSpan? Cue { get; set; }

    /// <summary>Where the speaker came from.</summary>
    public SpeakerOrigin Origin { get; set; }

    /// <summary>Whether the quotation closes.</summary>
    public bool IsClosed => CloseToken >= 0;
}

/// <summary>
/// Pairs quotation marks, paragraph by paragraph, in one pass with a stack of bounded depth. Curly marks and
/// guillemets show their direction; a straight mark opens after whitespace, the start or opening punctuation and
/// before a non-space, and closes after a non-space and before whitespace, punctuation or the end, and otherwise
/// closes an open quotation of its family or opens one. A closing mark closes the innermost open quotation of its
/// family; quotations opened inside it and still open end there, unclosed. A quotation that never closes runs to
/// the end of its paragraph. A closing mark of another style than the opening one (“ … ") is mismatched. A closing
/// mark with nothing to close is stray and starts no quotation. Openings beyond <see cref="MaxDepth"/> are ignored.
/// </summary>
internal static class QuotationScanner
{
    /// <summary>The deepest nesting kept.</summary>
    public const int MaxDepth = 8;

    /// <summary>Finds the quotations.</summary>
    /// <param name="tokens">The tokens.</param>
    /// <param name="paragraphs">The paragraphs.</param>
    /// <returns>The quotations in the order of their opening marks.</returns>
    public static QuoteInfo[] Scan(TokenStream tokens, ParagraphInfo[] paragraphs)
    {
        var quotes = new List<QuoteInfo>();
        var stack = new List<QuoteInfo>(MaxDepth);
        for (var p = 0; p < paragraphs.Length; p++)
        {
            var paragraph = paragraphs[p];
            stack.Clear();
            for (var t = paragraph.FirstToken; t < paragraph.TokenEnd; t++)
            {
                if (tokens.IsQuoteMark(t))
                {
                    Step(tokens, paragraph, p, t, stack, quotes);
                }
            }

            for (var k = stack.Count - 1; k >= 0; k--)
            {
                Finish(tokens, stack[k], -1, paragraph.TokenEnd, paragraph.Span.End);
            }
        }

        var result = quotes.ToArray();
        foreach (var quote in result)
        {
            quote.IsShort = CountWords(tokens, quote.OpenToken + 1, quote.ContentTokenEnd) <= 1;
        }

        return result;
    }

    private static void Step(TokenStream tokens, ParagraphInfo paragraph, int p, int t, List<QuoteInfo> stack, List<QuoteInfo> quotes)
    {
        var text = tokens.Text;
        var span = tokens.Span(t);
        var c = text[span.Start];
        var family = TextChars.GetQuoteFamily(c);
        var direction = TextChars.GetQuoteDirection(c);
        // The characters either side, reading through soft hyphens (markup padding in texts read from Markdown and HTML).
        var before = TextChars.SkipIgnorableBackward(text, span.Start - 1);
        var after = TextChars.SkipIgnorable(text, span.End);
        var prev = before >= paragraph.Span.Start ? text[before] : '\0';
        var next = after < paragraph.Span.End ? text[after] : '\0';
        var hasPrev = prev != '\0';
        var hasNext = next != '\0';
        var canOpen = hasNext && !char.IsWhiteSpace(next)
            && (!hasPrev || char.IsWhiteSpace(prev) || TextChars.IsOpeningBracket(prev) || TextChars.IsQuote(prev) || TextChars.IsDash(prev) || prev == '/');
        var canClose = hasPrev && !char.IsWhiteSpace(prev)
            && (!hasNext || char.IsWhiteSpace(next) || char.IsPunctuation(next) || char.IsSymbol(next) || TextChars.IsQuote(next));
        var open = FindOpen(stack, family, c);

        bool opens;
        switch (direction)
        {
            case QuoteDirection.Opening:
                opens = open < 0 || !TextChars.IsLowNinePartner(stack[open].OpeningChar, c);
                break;
            case QuoteDirection.Closing:
                if (open < 0)
                {
                    if (!(canOpen && !canClose))
                    {
                        return;
                    }

                    opens = true;
                }
                else
                {
                    opens = false;
                }

                break;
            default:
                if (canClose && !canOpen)
                {
                    if (open < 0)
                    {
                        return;
                    }

                    opens = false;
                }
                else if (canOpen && !canClose)
                {
                    opens = true;
                }
                else
                {
                    opens = open < 0;
                }

                break;
        }

        if (opens)
        {
            if (stack.Count >= MaxDepth)
            {
                return;
            }

            var parent = stack.Count > 0 ? stack[stack.Count - 1].Index : -1;
            var quote = new QuoteInfo(quotes.Count, p, t, stack.Count, parent, c);
            quotes.Add(quote);
            stack.Add(quote);
            return;
        }

        for (var k = stack.Count - 1; k > open; k--)
        {
            Finish(tokens, stack[k], -1, t, span.Start);
        }

        var closed = stack[open];
        stack.RemoveRange(open, stack.Count - open);
        closed.IsMismatched = TextChars.GetQuoteStyle(closed.OpeningChar) != TextChars.GetQuoteStyle(c) && !TextChars.IsLowNinePartner(closed.OpeningChar, c);
        Finish(tokens, closed, t, t, span.Start);
    }

    private static int FindOpen(List<QuoteInfo> stack, QuoteFamily family, char c)
    {
        for (var k = stack.Count - 1; k >= 0; k--)
        {
            if (TextChars.GetQuoteFamily(stack[k].OpeningChar) == family || TextChars.IsLowNinePartner(stack[k].OpeningChar, c))
            {
                return k;
            }
        }

        return -1;
    }

    private static void Finish(TokenStream tokens, QuoteInfo quote, int closeToken, int contentTokenEnd, int contentEnd)
    {
        var opening = tokens.Span(quote.OpenToken);
        quote.CloseToken = closeToken;
        quote.ContentTokenEnd = contentTokenEnd;
        quote.Content = TextSpan.FromBounds(opening.End, contentEnd);
        quote.Span = TextSpan.FromBounds(opening.Start, closeToken >= 0 ? tokens.Span(closeToken).End : contentEnd);
    }

    private static int CountWords(TokenStream tokens, int first, int end)
    {
        var count = 0;
        for (var i = first; i < end && count < 2; i++)
        {
            if (tokens.IsWord(i) || tokens.IsNumber(i))
            {
                count++;
            }
        }

        return count;
    }
}

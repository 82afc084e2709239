using MediaRules.Text;

namespace MediaRules.Documents;

/// <summary>A sentence as the builder sees it: its span, paragraph and tokens.</summary>
internal readonly struct SentenceInfo
{
    public SentenceInfo(TextSpan span, int paragraph, int firstToken, int tokenEnd)
    {
        Span = span;
        Paragraph = paragraph;
        FirstToken = firstToken;
        TokenEnd = tokenEnd;
    }

    /// <summary>The span.</summary>
    public TextSpan Span { get; }

    /// <summary>The index of its paragraph.</summary>
    public int Paragraph { get; }

    /// <summary>The index of its first token.</summary>
    public int FirstToken { get; }

    /// <summary>The index after its last token.</summary>
    public int TokenEnd { get; }
}

/// <summary>
/// Splits each paragraph into sentences in one pass over its tokens. A sentence ends at . ! ? … (or a run of
/// periods), together with any closing quotation marks and brackets that touch it, when whitespace and then an
/// uppercase or caseless letter, a digit, a quotation mark or an opening bracket follow. A period never ends a
/// sentence after an abbreviation (Gen. Mr. Jan. vs. etc.) or a capital initial (J. K. Rowling); letter-by-letter
/// abbreviations (U.S., a.m.) and decimals (3.5) are single tokens and hold no terminator at all. A headline is
/// one sentence.
/// </summary>
internal static class SentenceSplitter
{
    /// <summary>
    /// Finds the sentences of every paragraph: the first <paramref name="count"/> items of a buffer rented from
    /// <see cref="System.Buffers.ArrayPool{T}.Shared"/>, which the caller returns. The model reads them only while it is
    /// built; as an array of their own (a large object for a long text: a megabyte of news has some 6,700) they would
    /// be fresh memory for every text.
    /// </summary>
    /// <param name="tokens">The tokens.</param>
    /// <param name="paragraphs">The paragraphs.</param>
    /// <param name="count">Receives how many sentences there are.</param>
    /// <returns>The buffer, holding the sentences in order.</returns>
    public static SentenceInfo[] Split(TokenStream tokens, ParagraphInfo[] paragraphs, out int count)
    {
        var sentences = new PooledArrayBuilder<SentenceInfo>(paragraphs.Length * 4);
        for (var p = 0; p < paragraphs.Length; p++)
        {
            var paragraph = paragraphs[p];
            var start = paragraph.FirstToken;
            if (!paragraph.IsHeadline)
            {
                for (var i = paragraph.FirstToken; i < paragraph.TokenEnd; i++)
                {
                    if (!tokens.IsTerminator(i))
                    {
                        continue;
                    }

                    var last = ExtendOverClosers(tokens, i, paragraph.TokenEnd);
                    if (last + 1 < paragraph.TokenEnd && EndsSentence(tokens, i, last))
                    {
                        sentences.Add(new SentenceInfo(tokens.SpanOf(start, last), p, start, last + 1));
                        start = last + 1;
                    }

                    i = last;
                }
            }

            if (start < paragraph.TokenEnd)
            {
                sentences.Add(new SentenceInfo(tokens.SpanOf(start, paragraph.TokenEnd - 1), p, start, paragraph.TokenEnd));
            }
        }

        count = sentences.Count;
        return sentences.ToArray(pooled: true);
    }

    private static int ExtendOverClosers(TokenStream tokens, int i, int end)
    {
        var last = i;
        while (last + 1 < end && tokens.Touch(last, last + 1) && IsCloser(tokens, last + 1))
        {
            last++;
        }

        return last;
    }

    private static bool IsCloser(TokenStream tokens, int index) =>
        tokens.IsTerminator(index) || tokens.IsQuoteMark(index)
        || (tokens[index].Kind == TokenKind.Punctuation && TextChars.IsClosingBracket(tokens.Text[tokens.Span(index).Start]));

    private static bool EndsSentence(TokenStream tokens, int terminator, int last)
    {
        var text = tokens.Text;
        var next = last + 1;
        var terminatorChar = text[tokens.Span(terminator).Start];
        if (TextChars.IsSpacelessTerminator(terminatorChar))
        {
            return true;
        }

        if (tokens.Touch(last, next))
        {
            return false;
        }

        if (terminatorChar == '.' && tokens.Span(terminator).Length == 1 && terminator > 0 && tokens.IsWord(terminator - 1)
            && tokens.Touch(terminator - 1, terminator) && tokens.IsAbbreviationOrInitial(terminator - 1, next))
        {
            return false;
        }

        var nextStart = tokens.Span(next).Start;
        return tokens[next].Kind switch
        {
            TokenKind.Word => TextChars.IsSentenceInitialLetterAt(text, nextStart),
            TokenKind.Number => true,
            TokenKind.QuoteMark => true,
            _ => TextChars.IsOpeningBracket(text[nextStart]),
        };
    }
}

namespace MediaRules.Documents;

/// <summary>
/// Marks the quotations that are mentions rather than speech: a word talked about ("the word “hostage”", "the term
/// "X"") or the title of a work ("the book "X"", "a report titled "X"", "headlined: "X""). The cue is the word right
/// before the opening mark (a comma or colon may stand between). "called it "X"" is speech, not a mention.
/// </summary>
internal static class MentionDetector
{
    /// <summary>Sets <see cref="QuoteInfo.IsMention"/>.</summary>
    /// <param name="tokens">The tokens.</param>
    /// <param name="quotes">The quotations.</param>
    /// <param name="paragraphs">The paragraphs.</param>
    public static void Mark(TokenStream tokens, QuoteInfo[] quotes, ParagraphInfo[] paragraphs)
    {
        foreach (var quote in quotes)
        {
            var lowest = quote.Parent >= 0 ? quotes[quote.Parent].OpenToken + 1 : paragraphs[quote.Paragraph].FirstToken;
            var k = quote.OpenToken - 1;
            if (k >= lowest && (tokens.IsPunctuation(k, ',') || tokens.IsPunctuation(k, ':')))
            {
                k--;
            }

            quote.IsMention = k >= lowest && tokens.WordIn(k, Lexicon.MentionCues);
        }
    }
}

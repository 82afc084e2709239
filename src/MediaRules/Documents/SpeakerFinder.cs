using System;

namespace MediaRules.Documents;

/// <summary>
/// Finds the speaker that the text names right next to a quotation, looking only at a bounded window of tokens
/// in the quotation's sentence (or, for a nested quotation, inside its parent):
/// <list type="bullet">
/// <item>before it: <c>Blinken added: “…”</c>, <c>Blinken told Halevy, “…”</c>, <c>X said that "…"</c>,
/// <c>Netanyahu answered him, saying, “…”</c>, and <c>X said "…"</c> for a quote of two words or more;</item>
/// <item>after it: <c>“…,” Netanyahu said</c>, <c>"…," said Netanyahu</c>, <c>"…" The broadcaster reported</c>.</item>
/// </list>
/// The pattern before the quote wins ("Blinken replied, “…,” Channel 13 reported": Blinken speaks, Channel 13
/// reports). Pronouns are kept as found; <see cref="AttributionAnalyzer"/> resolves them.
/// </summary>
internal static class SpeakerFinder
{
    /// <summary>How many tokens before the opening mark the search may look at.</summary>
    public const int WindowBefore = 30;

    /// <summary>How many tokens after the closing mark the search may look at.</summary>
    public const int WindowAfter = 14;

    private const int MaxObjectWords = 5;

    /// <summary>Sets the direct speaker of every quotation that is not a mention.</summary>
    /// <param name="tokens">The tokens.</param>
    /// <param name="quotes">The quotations.</param>
    /// <param name="sentences">The sentences.</param>
    /// <param name="paragraphs">The paragraphs.</param>
    public static void FindDirect(TokenStream tokens, QuoteInfo[] quotes, SentenceInfo[] sentences, ParagraphInfo[] paragraphs)
    {
        foreach (var quote in quotes)
        {
            if (quote.IsMention)
            {
                continue;
            }

            var parent = quote.Parent >= 0 ? quotes[quote.Parent] : null;
            var lowest = Math.Max(sentences[quote.Sentence].FirstToken, quote.OpenToken - WindowBefore);
            var highest = parent is not null ? parent.ContentTokenEnd : paragraphs[quote.Paragraph].TokenEnd;
            if (parent is not null)
            {
                lowest = Math.Max(lowest, parent.OpenToken + 1);
            }

            var subject = FindBefore(tokens, quote, lowest, out var verb);
            if (!subject.Found && quote.IsClosed)
            {
                subject = FindAfter(tokens, quote, Math.Min(highest, quote.CloseToken + 1 + WindowAfter), out verb);
            }

            if (subject.Found)
            {
                quote.Speaker = subject.Span;
                quote.SpeakerClass = subject.Class;
                quote.Cue = tokens.Span(verb);
                quote.Origin = SpeakerOrigin.Direct;
            }
        }
    }

    private static SourcePhrase FindBefore(TokenStream tokens, QuoteInfo quote, int lowest, out int verb)
    {
        verb = -1;
        var k = quote.OpenToken - 1;
        var separated = false;
        if (k >= lowest && (tokens.IsPunctuation(k, ',') || tokens.IsPunctuation(k, ':') || tokens.IsClauseSeparator(k)))
        {
            separated = true;
            k--;
        }

        var that = false;
        if (k >= lowest && tokens.WordIs(k, "that"))
        {
            that = true;
            k--;
        }

        if (quote.IsShort && !separated)
        {
            return SourcePhrase.None;
        }

        for (var attempt = 0; attempt < 3 && k >= lowest; attempt++)
        {
            var v = FindVerbBack(tokens, k, lowest, separated || that ? MaxObjectWords : 0);
            if (v < 0)
            {
                return SourcePhrase.None;
            }

            var traits = tokens.GetVerbTraits(v);
            if ((traits & VerbTraits.Participle) != 0)
            {
                // "…, saying, “…”": the speaker is the subject of the verb before the participle.
                k = v - 1;
                if (k >= lowest && tokens.IsPunctuation(k, ','))
                {
                    k--;
                }

                separated = true;
                continue;
            }

            var subject = SourceFinder.FindSubjectBefore(tokens, v, lowest, out _);
            if (subject.Found)
            {
                verb = v;
            }

            return subject;
        }

        return SourcePhrase.None;
    }

    private static int FindVerbBack(TokenStream tokens, int from, int lowest, int maxObjects)
    {
        for (var d = 0; d <= maxObjects; d++)
        {
            var k = from - d;
            if (k < lowest)
            {
                return -1;
            }

            if (tokens.GetVerbTraits(k) != VerbTraits.None)
            {
                return k;
            }

            if (!(tokens.IsWord(k) || tokens.IsNumber(k) || tokens.IsAbbreviationPeriod(k)) || (tokens.WordIn(k, Lexicon.SubjectBoundaries) && !tokens.WordIs(k, "to")))
            {
                return -1;
            }
        }

        return -1;
    }

    private static SourcePhrase FindAfter(TokenStream tokens, QuoteInfo quote, int end, out int verb)
    {
        verb = -1;
        var close = quote.CloseToken;
        var k = close + 1;
        var punctuated = close - 1 > quote.OpenToken && tokens.Touch(close - 1, close)
            && (tokens.IsClauseSeparator(close - 1) || tokens.IsPunctuation(close - 1, '?') || tokens.IsPunctuation(close - 1, '!') || tokens.IsPunctuation(close - 1, '\u2026'));
        if (k < end && tokens.IsPunctuation(k, ','))
        {
            punctuated = true;
            k++;
        }

        if (k >= end)
        {
            return SourcePhrase.None;
        }

        if (punctuated && (tokens.GetVerbTraits(k) & VerbTraits.Finite) != 0)
        {
            // "…," said Netanyahu.
            var after = SourceFinder.FindPhraseAfter(tokens, k + 1, end);
            if (after.Found)
            {
                verb = k;
                return after;
            }
        }

        if (quote.IsShort && !punctuated)
        {
            return SourcePhrase.None;
        }

        return SourceFinder.FindSubjectThenVerb(tokens, k, end, out verb);
    }
}

using MediaRules.Text;

namespace MediaRules.Documents;

/// <summary>What a phrase that stands where a source stands turns out to be.</summary>
internal enum SourceClass
{
    /// <summary>Not a source ("the conflict continues").</summary>
    NotASource = 0,

    /// <summary>A named person, body or outlet, or a role that identifies one ("the broadcaster").</summary>
    Named = 1,

    /// <summary>A source that is not named ("sources with direct knowledge", "a senior official").</summary>
    Anonymous = 2,

    /// <summary>A vague source ("critics", "some reports").</summary>
    Vague = 3,

    /// <summary>A subject pronoun (he, she, they, it) to resolve.</summary>
    Pronoun = 4,
}

/// <summary>A source phrase: its tokens, its span and its class.</summary>
internal readonly struct SourcePhrase
{
    public SourcePhrase(int firstToken, int tokenEnd, TextSpan span, SourceClass sourceClass)
    {
        FirstToken = firstToken;
        TokenEnd = tokenEnd;
        Span = span;
        Class = sourceClass;
    }

    /// <summary>No phrase.</summary>
    public static SourcePhrase None => default;

    /// <summary>The first token.</summary>
    public int FirstToken { get; }

    /// <summary>The token after the last.</summary>
    public int TokenEnd { get; }

    /// <summary>The span.</summary>
    public TextSpan Span { get; }

    /// <summary>The class.</summary>
    public SourceClass Class { get; }

    /// <summary>Whether a source was found.</summary>
    public bool Found => Class != SourceClass.NotASource;
}

/// <summary>
/// Reads the noun phrase that names a source next to a reporting verb or after "according to", within a bounded
/// number of tokens, and classifies it: a pronoun; anonymous or vague by its head noun ("sources with direct
/// knowledge", "some reports"); named when it holds a capitalized word that is not a function word, or when its
/// head is a source noun ("the broadcaster"); otherwise not a source.
/// </summary>
internal static class SourceFinder
{
    /// <summary>The most words a source phrase may have.</summary>
    public const int MaxWords = 10;

    private const int MaxModifiers = 4;
    private const int MaxAppositive = 16;

    /// <summary>The subject of a reporting verb, read back from the verb.</summary>
    /// <param name="tokens">The tokens.</param>
    /// <param name="verb">The verb's token.</param>
    /// <param name="lowest">The first token the subject may use.</param>
    /// <param name="vagueAdverb">The token of an adverb such as "reportedly" between subject and verb, or -1.</param>
    /// <returns>The subject, or <see cref="SourcePhrase.None"/> (also for a passive verb).</returns>
    public static SourcePhrase FindSubjectBefore(TokenStream tokens, int verb, int lowest, out int vagueAdverb)
    {
        vagueAdverb = -1;
        var progressive = (tokens.GetVerbTraits(verb) & VerbTraits.Participle) != 0;
        var j = verb - 1;
        for (var skipped = 0; j >= lowest && skipped < MaxModifiers && tokens.IsWord(j); skipped++)
        {
            if (tokens.WordIn(j, Lexicon.BeAuxiliaries))
            {
                if (!progressive)
                {
                    return SourcePhrase.None;
                }
            }
            else if (tokens.WordIn(j, Lexicon.VagueAdverbs))
            {
                vagueAdverb = j;
            }
            else if (!tokens.WordIn(j, Lexicon.VerbModifiers) && !IsLyAdverb(tokens, j))
            {
                break;
            }

            j--;
        }

        if (j < lowest)
        {
            return SourcePhrase.None;
        }

        if (tokens.IsPunctuation(j, ','))
        {
            // An appositive: "Yaron Avraham, political affairs correspondent for Channel 12, also said".
            var k = j - 1;
            var limit = System.Math.Max(lowest, j - MaxAppositive);
            while (k >= limit && !tokens.IsPunctuation(k, ','))
            {
                if (tokens.IsQuoteMark(k) || tokens.IsTerminator(k))
                {
                    return SourcePhrase.None;
                }

                k--;
            }

            if (k < limit || k - 1 < lowest)
            {
                return SourcePhrase.None;
            }

            j = k - 1;
        }

        return ReadBackward(tokens, j, lowest);
    }

    /// <summary>A source phrase read forward from a token ("according to [the Ministry of Health] in …").</summary>
    /// <param name="tokens">The tokens.</param>
    /// <param name="start">The first token.</param>
    /// <param name="end">The token index the phrase must end by.</param>
    /// <param name="anyNoun">
    /// Whether any noun phrase names a source, as after "according to" ("the indictment"), except the few that name
    /// none ("according to plan").
    /// </param>
    /// <returns>The phrase, or <see cref="SourcePhrase.None"/>.</returns>
    public static SourcePhrase FindPhraseAfter(TokenStream tokens, int start, int end, bool anyNoun = false)
    {
        var k = start;
        var words = 0;
        var last = -1;
        while (k < end && words < MaxWords)
        {
            if (tokens.IsWord(k))
            {
                if (k > start && tokens.WordIn(k, Lexicon.AfterStops))
                {
                    break;
                }

                words++;
                last = k;
                k++;
            }
            else if (tokens.IsNumber(k) && words > 0)
            {
                last = k;
                k++;
            }
            else if (tokens.IsAbbreviationPeriod(k) && k + 1 < end && tokens.IsCapitalizedWord(k + 1))
            {
                k++;
            }
            else
            {
                break;
            }
        }

        if (last < 0)
        {
            return SourcePhrase.None;
        }

        var phrase = Make(tokens, start, last + 1);
        if (phrase.Found || !anyNoun || tokens.WordIn(last, Lexicon.NotSources) || tokens.WordIn(last, Lexicon.FunctionWords))
        {
            return phrase;
        }

        return new SourcePhrase(start, last + 1, tokens.SpanOf(start, last), SourceClass.Named);
    }

    /// <summary>
    /// A subject followed by a reporting verb, read forward from a token ("…,” [The broadcaster] reported."). The verb
    /// must not introduce something new: it must not be followed by "that", a colon or a quotation mark.
    /// </summary>
    /// <param name="tokens">The tokens.</param>
    /// <param name="start">The first token.</param>
    /// <param name="end">The token index the phrase and verb must end by.</param>
    /// <param name="verb">The verb's token when found.</param>
    /// <returns>The subject, or <see cref="SourcePhrase.None"/>.</returns>
    public static SourcePhrase FindSubjectThenVerb(TokenStream tokens, int start, int end, out int verb)
    {
        verb = -1;
        var k = start;
        for (var words = 0; k < end && words <= MaxWords; k++)
        {
            var traits = tokens.GetVerbTraits(k);
            if ((traits & VerbTraits.Finite) != 0 && words > 0)
            {
                break;
            }

            if (tokens.IsWord(k))
            {
                if (tokens.WordIn(k, Lexicon.SubjectBoundaries) && !tokens.WordIn(k, Lexicon.VerbModifiers))
                {
                    return SourcePhrase.None;
                }

                words++;
            }
            else if (!tokens.IsNumber(k) && !tokens.IsAbbreviationPeriod(k))
            {
                return SourcePhrase.None;
            }
        }

        if (k >= end || (tokens.GetVerbTraits(k) & VerbTraits.Finite) == 0)
        {
            return SourcePhrase.None;
        }

        var after = k + 1;
        if (after < end && (tokens.WordIs(after, "that") || tokens.IsPunctuation(after, ':') || tokens.IsQuoteMark(after)))
        {
            return SourcePhrase.None;
        }

        var subject = FindSubjectBefore(tokens, k, start, out _);
        if (!subject.Found)
        {
            return SourcePhrase.None;
        }

        verb = k;
        return subject;
    }

    /// <summary>Classifies the phrase of tokens [first, end).</summary>
    /// <param name="tokens">The tokens.</param>
    /// <param name="first">The first token.</param>
    /// <param name="end">The token after the last.</param>
    /// <returns>The class.</returns>
    public static SourceClass Classify(TokenStream tokens, int first, int end)
    {
        if (end - first == 1 && tokens.WordIn(first, Lexicon.SubjectPronouns))
        {
            return SourceClass.Pronoun;
        }

        var head = -1;
        for (var k = first; k < end; k++)
        {
            if (k > first && tokens.WordIn(k, Lexicon.HeadBoundaries))
            {
                break;
            }

            if (tokens.IsWord(k) || tokens.IsNumber(k))
            {
                head = k;
            }
        }

        if (head < 0)
        {
            return SourceClass.NotASource;
        }

        if (tokens.WordIn(head, Lexicon.AnonymousHeads))
        {
            return SourceClass.Anonymous;
        }

        if (tokens.WordIn(head, Lexicon.VagueHeads))
        {
            return SourceClass.Vague;
        }

        for (var k = first; k < end; k++)
        {
            if (tokens.IsCapitalizedWord(k) && !tokens.WordIn(k, Lexicon.FunctionWords) && !tokens.WordIn(k, Lexicon.LeadingTrim))
            {
                return SourceClass.Named;
            }
        }

        return tokens.WordIn(head, Lexicon.SourceNouns) ? SourceClass.Named : SourceClass.NotASource;
    }

    private static SourcePhrase ReadBackward(TokenStream tokens, int last, int lowest)
    {
        if (!tokens.IsWord(last) && !tokens.IsNumber(last))
        {
            return SourcePhrase.None;
        }

        if (tokens.WordIn(last, Lexicon.FunctionWords) || tokens.WordIn(last, Lexicon.SubjectBoundaries))
        {
            return SourcePhrase.None;
        }

        var k = last;
        var words = 0;
        while (k >= lowest && words < MaxWords)
        {
            if (tokens.IsWord(k))
            {
                if (tokens.WordIn(k, Lexicon.SubjectBoundaries))
                {
                    break;
                }

                words++;
            }
            else if (!tokens.IsNumber(k) && !tokens.IsAbbreviationPeriod(k))
            {
                break;
            }

            k--;
        }

        var first = k + 1;
        while (first <= last && (tokens.WordIn(first, Lexicon.LeadingTrim) || tokens.IsAbbreviationPeriod(first) || IsLyAdverb(tokens, first)))
        {
            first++;
        }

        return first > last ? SourcePhrase.None : Make(tokens, first, last + 1);
    }

    private static SourcePhrase Make(TokenStream tokens, int first, int end)
    {
        var sourceClass = Classify(tokens, first, end);
        return sourceClass == SourceClass.NotASource
            ? SourcePhrase.None
            : new SourcePhrase(first, end, tokens.SpanOf(first, end - 1), sourceClass);
    }

    private static bool IsLyAdverb(TokenStream tokens, int index)
    {
        if (!tokens.IsLowercaseWord(index))
        {
            return false;
        }

        var chars = tokens.Chars(index);
        return chars.Length > 4 && chars[chars.Length - 2] == 'l' && chars[chars.Length - 1] == 'y' && !Lexicon.LyNouns.Contains(chars);
    }
}

using System;
using System.Collections.Generic;
using MediaRules.Text;

namespace MediaRules.Documents;

/// <summary>One attribution cue of a sentence: who (if anyone) is the source, the attributing words, and the clause they cover.</summary>
internal struct Cue
{
    /// <summary>The class of the source (for a phrase with no source words, the kind the phrase signals).</summary>
    public SourceClass Class { get; set; }

    /// <summary>The span naming the source, if any.</summary>
    public TextSpan? Source { get; set; }

    /// <summary>The attributing words ("said", "according to", "reportedly"; for "X reportedly said", "reportedly").</summary>
    public TextSpan CueSpan { get; set; }

    /// <summary>Whether an adverb such as "reportedly" turns a named clause vague.</summary>
    public bool VagueModifier { get; set; }

    /// <summary>The start of the clause the cue attributes, or -1.</summary>
    public int ClauseStart { get; set; }

    /// <summary>The end of the clause the cue attributes.</summary>
    public int ClauseEnd { get; set; }

    /// <summary>Whether the cue closes the sentence (", officials said.") and so attributes what comes before it.</summary>
    public bool Trailing { get; set; }

    /// <summary>The quotation whose speaker this cue is, or -1.</summary>
    public int Quote { get; set; }

    /// <summary>The order in which the cue was found (breaks ties when sorting).</summary>
    public int Order { get; set; }

    /// <summary>The position the cue sorts by: its source, else its words.</summary>
    public readonly int Position => Source?.Start ?? CueSpan.Start;

    /// <summary>The length of the source span (0 when none): at one position the fuller source sorts first.</summary>
    public readonly int SourceLength => Source?.Length ?? 0;

    /// <summary>The kind of source the cue gives the sentence.</summary>
    public readonly SourceKind Kind => VagueModifier && Class != SourceClass.NotASource ? SourceKind.Vague : Class switch
    {
        SourceClass.Named or SourceClass.Pronoun => SourceKind.Named,
        SourceClass.Anonymous => SourceKind.Anonymous,
        SourceClass.Vague => SourceKind.Vague,
        _ => SourceKind.None,
    };
}

/// <summary>
/// Finds the attribution cues of one sentence, outside its quotations, in one pass: "according to X" and
/// "(as) reported by X" / "citing X"; the anonymous and vague phrases of <see cref="Lexicon"/>; and a reporting
/// verb with its subject ("Halevi argued that …", "Netanyahu reaffirmed …", "…, officials said."). Verbs that report
/// speech only next to a quote ("added", "continued", "replied") count only before "that", a colon or a quote, or at
/// the end of the sentence. An -ing form counts only in a progressive ("is urging").
/// </summary>
internal static class CueFinder
{
    private const int MaxTrailingWords = 6;
    private const int MaxHeadDistance = 3;

    /// <summary>Adds the cues of a sentence to <paramref name="cues"/>.</summary>
    /// <param name="tokens">The tokens.</param>
    /// <param name="sentence">The sentence.</param>
    /// <param name="quotes">The quotations, to skip their content.</param>
    /// <param name="cues">Where the cues go.</param>
    public static void Find(TokenStream tokens, SentenceInfo sentence, QuoteLookup quotes, List<Cue> cues)
    {
        var end = sentence.TokenEnd;
        for (var i = sentence.FirstToken; i < end; i++)
        {
            if (tokens.IsWord(i))
            {
                i = FindAt(tokens, sentence, quotes, cues, i);
            }
        }
    }

    /// <summary>
    /// <see cref="Find(TokenStream, SentenceInfo, QuoteLookup, List{Cue})"/>, looking only at the tokens the tokenizer
    /// marked (see <see cref="Tokenizer"/>'s cue starts): every other word is in none of the word lists a cue starts with.
    /// </summary>
    /// <param name="tokens">The tokens.</param>
    /// <param name="sentence">The sentence.</param>
    /// <param name="quotes">The quotations.</param>
    /// <param name="cues">Receives the cues.</param>
    /// <param name="starts">The marked tokens, ascending.</param>
    /// <param name="cursor">The first marked token not before the sentence, or before it: kept from one sentence to the next.</param>
    public static void Find(TokenStream tokens, SentenceInfo sentence, QuoteLookup quotes, List<Cue> cues, ReadOnlySpan<int> starts, ref int cursor)
    {
        var end = sentence.TokenEnd;
        var c = cursor;
        while (c < starts.Length && starts[c] < sentence.FirstToken)
        {
            c++;
        }

        var next = sentence.FirstToken;
        for (; c < starts.Length && starts[c] < end; c++)
        {
            if (starts[c] >= next)
            {
                next = FindAt(tokens, sentence, quotes, cues, starts[c]) + 1;
            }
        }

        cursor = c;
    }

    // The cue that starts at word i, if any; returns the last token it took (i when none).
    private static int FindAt(TokenStream tokens, SentenceInfo sentence, QuoteLookup quotes, List<Cue> cues, int i)
    {
        var end = sentence.TokenEnd;

        // One hash of the word serves all four word lists it is looked up in; one bit of their union's filter
        // rules out most words before any of them is read.
        var hash = tokens.WordHash(i);
        if (!Lexicon.CueStarts.MayContain(hash) || quotes.IsInsideContent(tokens.Span(i).Start))
        {
            return i;
        }

        var phrase = Lexicon.AnonymousPhrases.Match(tokens, i, end, hash) ?? Lexicon.VaguePhrases.Match(tokens, i, end, hash);
        if (phrase is not null)
        {
            var last = i + phrase.Words.Length - 1;
            TextSpan? source = phrase.SourceFirst >= 0 ? tokens.SpanOf(i + phrase.SourceFirst, i + phrase.SourceEnd - 1) : null;
            if (source is null && phrase.Kind == SourceKind.Anonymous)
            {
                source = FindAnonymousHead(tokens, sentence, i, last);
            }

            cues.Add(new Cue
            {
                Class = phrase.Kind == SourceKind.Anonymous ? SourceClass.Anonymous : SourceClass.Vague,
                Source = source,
                CueSpan = tokens.SpanOf(i, last),
                ClauseStart = -1,
                Quote = -1,
            });
            return last;
        }

        phrase = Lexicon.SourceIntroducers.Match(tokens, i, end, hash);
        if (phrase is not null)
        {
            var after = i + phrase.Words.Length;
            var source = SourceFinder.FindPhraseAfter(tokens, after, end, anyNoun: true);
            if (source.Found)
            {
                cues.Add(Introduced(tokens, sentence, i, after, source, phrase.Words[0] == "according"));
                return source.TokenEnd - 1;
            }
        }

        var traits = tokens.GetVerbTraits(i, hash);
        if (traits != VerbTraits.None && TryVerb(tokens, sentence, i, traits, out var cue))
        {
            cues.Add(cue);
        }

        return i;
    }

    /// <summary>
    /// For a phrase that qualifies a source after it ("a senior official [who asked not to be named]"), the span from
    /// the source's determiner to the end of the phrase, when an anonymous head noun stands a few words before it.
    /// </summary>
    private static TextSpan? FindAnonymousHead(TokenStream tokens, SentenceInfo sentence, int first, int last)
    {
        var limit = first - MaxHeadDistance < sentence.FirstToken ? sentence.FirstToken : first - MaxHeadDistance;
        for (var k = first - 1; k >= limit && tokens.IsWord(k); k--)
        {
            if (!tokens.WordIn(k, Lexicon.AnonymousHeads))
            {
                continue;
            }

            var start = k;
            while (start - 1 >= sentence.FirstToken && start > k - MaxHeadDistance && tokens.IsWord(start - 1)
                && !tokens.WordIn(start - 1, Lexicon.SubjectBoundaries) && tokens.GetVerbTraits(start - 1) == VerbTraits.None)
            {
                start--;
                if (tokens.WordIn(start, Lexicon.FunctionWords))
                {
                    break;
                }
            }

            return tokens.SpanOf(start, last);
        }

        return null;
    }

    private static Cue Introduced(TokenStream tokens, SentenceInfo sentence, int first, int after, SourcePhrase source, bool according)
    {
        var cue = new Cue
        {
            Class = source.Class,
            Source = source.Span,
            CueSpan = tokens.SpanOf(first, after - 1),
            ClauseStart = -1,
            Quote = -1,
        };
        if (!according)
        {
            return cue;
        }

        if (EndsSentence(tokens, source.TokenEnd, sentence.TokenEnd))
        {
            // "…, according to the ministry."
            var separator = first - 1;
            cue.Trailing = true;
            cue.ClauseStart = sentence.Span.Start;
            cue.ClauseEnd = separator >= sentence.FirstToken && tokens.IsClauseSeparator(separator) ? tokens.Span(separator).Start : tokens.Span(first).Start;
        }
        else
        {
            // "According to the ministry, …" and "the toll, according to the ministry, has …": the rest of the sentence.
            cue.ClauseStart = source.Span.End;
            cue.ClauseEnd = sentence.Span.End;
        }

        return cue;
    }

    private static bool TryVerb(TokenStream tokens, SentenceInfo sentence, int verb, VerbTraits traits, out Cue cue)
    {
        cue = default;
        if ((traits & VerbTraits.Participle) != 0 && !(verb - 1 >= sentence.FirstToken && tokens.WordIn(verb - 1, Lexicon.BeAuxiliaries)))
        {
            return false;
        }

        var end = sentence.TokenEnd;
        var next = verb + 1;
        var atEnd = EndsSentence(tokens, next, end);
        if ((traits & VerbTraits.QuoteOnly) != 0 && !atEnd && !IntroducesQuote(tokens, next, end))
        {
            return false;
        }

        var subject = SourceFinder.FindSubjectBefore(tokens, verb, sentence.FirstToken, out var vagueAdverb);
        if (!subject.Found)
        {
            return false;
        }

        cue = new Cue
        {
            Class = subject.Class,
            Source = subject.Span,
            CueSpan = tokens.Span(vagueAdverb >= 0 ? vagueAdverb : verb),
            VagueModifier = vagueAdverb >= 0,
            Quote = -1,
            ClauseStart = tokens.Span(verb).End,
            ClauseEnd = sentence.Span.End,
        };

        var before = subject.FirstToken - 1;
        if (before >= sentence.FirstToken && (tokens.IsClauseSeparator(before) || tokens.IsQuoteMark(before)) && IsShortTail(tokens, next, end))
        {
            // "…, officials said on Thursday." attributes what comes before.
            var separator = tokens.IsQuoteMark(before) && before - 1 >= sentence.FirstToken && tokens.IsClauseSeparator(before - 1) ? before - 1 : before;
            cue.Trailing = true;
            cue.ClauseStart = sentence.Span.Start;
            cue.ClauseEnd = tokens.Span(separator).Start;
        }

        return true;
    }

    private static bool IntroducesQuote(TokenStream tokens, int next, int end) =>
        next < end && (tokens.WordIs(next, "that") || tokens.IsPunctuation(next, ':') || tokens.IsQuoteMark(next)
            || (tokens.IsPunctuation(next, ',') && next + 1 < end && tokens.IsQuoteMark(next + 1)));

    private static bool EndsSentence(TokenStream tokens, int next, int end)
    {
        for (var k = next; k < end; k++)
        {
            if (!tokens.IsTerminator(k) && !tokens.IsQuoteMark(k) && !tokens.IsPunctuation(k, ')'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsShortTail(TokenStream tokens, int next, int end)
    {
        var words = 0;
        for (var k = next; k < end; k++)
        {
            if (tokens.IsTerminator(k))
            {
                continue;
            }

            if (tokens.WordIs(k, "that") || tokens.IsPunctuation(k, ':') || tokens.IsQuoteMark(k) || ++words > MaxTrailingWords)
            {
                return false;
            }
        }

        return true;
    }
}

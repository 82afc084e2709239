using System;
using System.Collections.Generic;
using MediaRules.Text;

namespace MediaRules.Documents;

/// <summary>A clause in indirect speech: its range and the named source it is attributed to.</summary>
internal readonly struct IndirectClause
{
    public IndirectClause(int start, int end, TextSpan source)
    {
        Start = start;
        End = end;
        Source = source;
    }

    /// <summary>The first position.</summary>
    public int Start { get; }

    /// <summary>The position after the last.</summary>
    public int End { get; }

    /// <summary>The named source.</summary>
    public TextSpan Source { get; }
}

/// <summary>
/// Decides, sentence by sentence in document order, how each sentence is sourced and which of its clauses are
/// indirect speech, and completes the speakers of its quotations:
/// <list type="number">
/// <item>gathers the sentence's cues (<see cref="CueFinder"/>) and the direct speakers of its outer quotations;</item>
/// <item>resolves pronoun sources with <see cref="PronounResolver"/>;</item>
/// <item>lets a quotation of two words or more that opens a sentence with no speaker of its own carry on the speaker
/// of the quote before it in the paragraph, or of the last quote of the paragraph before;</item>
/// <item>picks the sentence's attribution: Named &gt; Anonymous &gt; Vague &gt; None, the first cue of that kind;</item>
/// <item>marks indirect speech: for a named source, the rest of the sentence after its verb or after
/// "according to X", up to the next source; or, when the cue closes the sentence (", X said."), what comes before it;</item>
/// <item>gives a speakerless quotation of two words or more the source of the indirect clause it sits in, else the
/// sentence's named source; and a nested quotation its parent's speaker.</item>
/// </list>
/// A one-word quotation ("Israel") gets a speaker only from a pattern next to it: it reads as a scare quote.
/// </summary>
internal sealed class AttributionAnalyzer
{
    private readonly TokenStream _tokens;
    private readonly SentenceInfo[] _sentences;
    private readonly QuoteInfo[] _quotes;
    private readonly QuoteLookup _lookup;
    private readonly PronounResolver _resolver = new();
    private readonly List<Cue> _cues = new();
    private readonly List<IndirectClause> _sentenceClauses = new();

    // Every sentence's clauses, in order: pooled while the analysis runs (a long text's list is a large object).
    private PooledArrayBuilder<IndirectClause> _allClauses;
    private QuoteInfo? _lastSpoken;
    private Cue? _continued;

    // The tokens where a cue may start (null: every word), and the first not yet passed.
    private int[]? _cueStarts;
    private int _cueCount;
    private int _cueCursor;

    private AttributionAnalyzer(TokenStream tokens, SentenceInfo[] sentences, QuoteInfo[] quotes)
    {
        _tokens = tokens;
        _sentences = sentences;
        _quotes = quotes;
        _lookup = new QuoteLookup(quotes);
    }

    /// <summary>Analyzes every sentence.</summary>
    /// <param name="tokens">The tokens.</param>
    /// <param name="sentences">The sentences: the first <paramref name="sentenceCount"/> items.</param>
    /// <param name="sentenceCount">How many sentences there are.</param>
    /// <param name="quotes">The quotations, with their direct speakers; completed in place.</param>
    /// <param name="cueStarts">The tokens where a cue may start as the tokenizer marked them (the first
    /// <paramref name="cueCount"/>), or null to look at every word.</param>
    /// <param name="cueCount">How many marks there are.</param>
    /// <param name="clauses">Receives the indirect-speech clauses, sorted and not overlapping.</param>
    /// <returns>The attribution of each sentence.</returns>
    public static Attribution[] Analyze(TokenStream tokens, SentenceInfo[] sentences, int sentenceCount, QuoteInfo[] quotes, int[]? cueStarts, int cueCount, out IndirectClause[] clauses)
    {
        var analyzer = new AttributionAnalyzer(tokens, sentences, quotes);
        analyzer._cueStarts = cueStarts;
        analyzer._cueCount = cueCount;
        var attributions = new Attribution[sentenceCount];
        analyzer._allClauses = new PooledArrayBuilder<IndirectClause>(sentenceCount / 4);
        var q = 0;
        for (var s = 0; s < sentenceCount; s++)
        {
            var first = q;
            while (q < quotes.Length && quotes[q].Sentence == s)
            {
                q++;
            }

            attributions[s] = analyzer.AnalyzeSentence(s, first, q);
        }

        clauses = analyzer._allClauses.ToArrayAndReturn();
        return attributions;
    }

    private Attribution AnalyzeSentence(int s, int firstQuote, int quoteEnd)
    {
        var sentence = _sentences[s];
        _cues.Clear();
        if (_cueStarts is not null)
        {
            CueFinder.Find(_tokens, sentence, _lookup, _cues, new ReadOnlySpan<int>(_cueStarts, 0, _cueCount), ref _cueCursor);
        }
        else
        {
            CueFinder.Find(_tokens, sentence, _lookup, _cues);
        }
        for (var i = firstQuote; i < quoteEnd; i++)
        {
            var quote = _quotes[i];
            if (quote.Depth == 0 && quote.Origin == SpeakerOrigin.Direct)
            {
                _cues.Add(new Cue { Class = quote.SpeakerClass, Source = quote.Speaker, CueSpan = quote.Cue!.Value, ClauseStart = -1, Quote = i });
            }
        }

        for (var i = 0; i < _cues.Count; i++)
        {
            var cue = _cues[i];
            cue.Order = i;
            _cues[i] = cue;
        }

        _cues.Sort(static (a, b) =>
            a.Position != b.Position ? a.Position.CompareTo(b.Position)
            : a.SourceLength != b.SourceLength ? b.SourceLength.CompareTo(a.SourceLength)
            : a.Order.CompareTo(b.Order));
        ResolvePronouns(sentence.Paragraph);
        ContinueSpeakers(sentence, firstQuote, quoteEnd);
        var attribution = Choose();
        BuildClauses(sentence);
        InheritSpeakers(firstQuote, quoteEnd, attribution);
        return attribution;
    }

    private void ResolvePronouns(int paragraph)
    {
        for (var i = 0; i < _cues.Count; i++)
        {
            var cue = _cues[i];
            if (cue.Source is not { } source)
            {
                continue;
            }

            if (cue.Class == SourceClass.Pronoun)
            {
                _resolver.Resolve(source, paragraph, out var resolved, out var resolvedClass);
                cue.Source = resolved;
                cue.Class = resolvedClass;
                _cues[i] = cue;
            }
            else
            {
                _resolver.Observe(source, cue.Class, paragraph);
            }

            if (cue.Quote >= 0)
            {
                _quotes[cue.Quote].Speaker = cue.Source;
                _quotes[cue.Quote].SpeakerClass = cue.Class;
            }
        }
    }

    private void ContinueSpeakers(SentenceInfo sentence, int firstQuote, int quoteEnd)
    {
        _continued = null;
        for (var i = firstQuote; i < quoteEnd; i++)
        {
            var quote = _quotes[i];
            if (quote.Depth > 0 || quote.IsMention)
            {
                continue;
            }

            if (quote.Origin == SpeakerOrigin.None && !quote.IsShort && _lastSpoken is { } last && OpensSentence(sentence, quote)
                && (last.Paragraph == quote.Paragraph || (last.Paragraph == quote.Paragraph - 1 && IsFirstQuoteOfParagraph(quote))))
            {
                quote.Speaker = last.Speaker;
                quote.SpeakerClass = last.SpeakerClass;
                quote.Cue = last.Cue;
                quote.Origin = SpeakerOrigin.Continuation;
                _continued ??= new Cue { Class = quote.SpeakerClass, Source = quote.Speaker, CueSpan = quote.Cue ?? quote.Speaker!.Value, ClauseStart = -1, Quote = i };
            }

            if (quote.Origin != SpeakerOrigin.None)
            {
                _lastSpoken = quote;
            }
        }
    }

    private bool OpensSentence(SentenceInfo sentence, QuoteInfo quote) =>
        quote.OpenToken == sentence.FirstToken || (_tokens.IsQuoteMark(quote.OpenToken - 1) && quote.OpenToken - 1 >= sentence.FirstToken);

    private bool IsFirstQuoteOfParagraph(QuoteInfo quote) => quote.Index == 0 || _quotes[quote.Index - 1].Paragraph != quote.Paragraph;

    private Attribution Choose()
    {
        var best = -1;
        var bestRank = int.MaxValue;
        for (var i = 0; i < _cues.Count; i++)
        {
            var rank = Rank(_cues[i].Kind);
            if (rank < bestRank)
            {
                best = i;
                bestRank = rank;
            }
        }

        var cue = best >= 0 ? _cues[best] : default;
        if (_continued is { } continued && Rank(continued.Kind) < bestRank)
        {
            cue = continued;
            best = int.MaxValue;
        }

        if (best < 0 || cue.Kind == SourceKind.None)
        {
            return Attribution.None;
        }

        return new Attribution(cue.Kind, cue.Source, cue.CueSpan);
    }

    private static int Rank(SourceKind kind) => kind switch
    {
        SourceKind.Named => 0,
        SourceKind.Anonymous => 1,
        SourceKind.Vague => 2,
        _ => 3,
    };

    private void BuildClauses(SentenceInfo sentence)
    {
        _sentenceClauses.Clear();
        var lastEnd = sentence.Span.Start;
        var next = 0;
        for (var i = 0; i < _cues.Count; i++)
        {
            var cue = _cues[i];
            if (cue.ClauseStart < 0 || cue.Trailing || !IsNamedClause(cue))
            {
                continue;
            }

            // The clause runs to the next source after its start.
            var end = cue.ClauseEnd;
            if (next <= i)
            {
                next = i + 1;
            }

            while (next < _cues.Count && _cues[next].Position <= cue.ClauseStart)
            {
                next++;
            }

            if (next < _cues.Count && _cues[next].Position < end)
            {
                end = _cues[next].Position;
            }

            var start = cue.ClauseStart < lastEnd ? lastEnd : cue.ClauseStart;
            if (start < end)
            {
                _sentenceClauses.Add(new IndirectClause(start, end, cue.Source!.Value));
                lastEnd = end;
            }
        }

        if (_sentenceClauses.Count == 0)
        {
            foreach (var cue in _cues)
            {
                if (cue.Trailing && IsNamedClause(cue) && cue.ClauseStart < cue.ClauseEnd)
                {
                    _sentenceClauses.Add(new IndirectClause(cue.ClauseStart, cue.ClauseEnd, cue.Source!.Value));
                    break;
                }
            }
        }

        foreach (var clause in _sentenceClauses)
        {
            _allClauses.Add(clause);
        }
    }

    private static bool IsNamedClause(Cue cue) => cue.Source.HasValue && cue.Class is SourceClass.Named or SourceClass.Pronoun;

    private void InheritSpeakers(int firstQuote, int quoteEnd, Attribution attribution)
    {
        var clause = 0;
        for (var i = firstQuote; i < quoteEnd; i++)
        {
            var quote = _quotes[i];
            if (quote.Origin != SpeakerOrigin.None || quote.IsMention)
            {
                continue;
            }

            if (quote.Depth > 0)
            {
                var parent = _quotes[quote.Parent];
                if (parent.Speaker.HasValue)
                {
                    Inherit(quote, parent.Speaker.Value, parent.SpeakerClass);
                }

                continue;
            }

            if (quote.IsShort)
            {
                continue;
            }

            // Quotations and clauses both come in order, so one pointer walks the clauses.
            var position = quote.Span.Start;
            while (clause < _sentenceClauses.Count && _sentenceClauses[clause].End <= position)
            {
                clause++;
            }

            var inherited = false;
            if (clause < _sentenceClauses.Count && _sentenceClauses[clause].Start <= position)
            {
                Inherit(quote, _sentenceClauses[clause].Source, SourceClass.Named);
                inherited = true;
            }

            if (!inherited && attribution.Kind == SourceKind.Named && attribution.SourceSpan is { } source)
            {
                Inherit(quote, source, SourceClass.Named);
            }
        }
    }

    private static void Inherit(QuoteInfo quote, TextSpan speaker, SourceClass speakerClass)
    {
        quote.Speaker = speaker;
        quote.SpeakerClass = speakerClass;
        quote.Origin = SpeakerOrigin.Inherited;
    }
}

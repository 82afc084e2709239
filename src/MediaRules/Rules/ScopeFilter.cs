using System;
using System.Collections.Generic;
using System.Linq;
using MediaRules.Diagnostics;
using MediaRules.Documents;
using MediaRules.Matching;
using MediaRules.Text;

namespace MediaRules.Rules;

/// <summary>A <see cref="RuleScope"/> compiled for fast checks: which voices, which sourcing, which exceptions.</summary>
internal sealed class ScopeFilter
{
    private readonly bool[] _voices = new bool[Enum.GetValues(typeof(VoiceFilter)).Length];
    private readonly bool[] _sources;
    private readonly bool _anySource;
    private readonly string[] _exceptions;
    private readonly string[] _unlessSentenceContains;
    private readonly PhrasePrefilter? _phrases;
    private readonly Dictionary<VoiceFilter, DiagnosticSeverity> _severityByVoice;
    private readonly (DiagnosticSeverity Severity, string[] Phrases)[] _severityIfSentenceContains;

    // Whether a sentence may hold any of the severity groups' phrases, in one pass (null: no groups, or no prefilter).
    private readonly PhrasePrefilter? _severityPhrases;
    private readonly bool _adjacentReach;

    // Whether admitting a match needs its voice (not when every voice is admitted alike), and its sentence.
    private readonly bool _needsVoice;
    private readonly bool _needsSentence;

    public ScopeFilter(RuleScope scope)
    {
        foreach (var voice in scope.Voices)
        {
            _voices[(int)voice] = true;
        }

        _sources = new bool[Enum.GetValues(typeof(SourceKind)).Length];
        foreach (var kind in scope.Attribution)
        {
            _sources[(int)kind] = true;
        }

        _anySource = scope.Attribution.Count == 0;
        _exceptions = scope.Exceptions.ToArray();
        _unlessSentenceContains = scope.UnlessSentenceContains.ToArray();
        _phrases = PhrasePrefilter.Create(_exceptions.Concat(_unlessSentenceContains).ToArray());
        _severityByVoice = new Dictionary<VoiceFilter, DiagnosticSeverity>(scope.SeverityByVoice.Count);
        foreach (var pair in scope.SeverityByVoice)
        {
            _severityByVoice[pair.Key] = pair.Value;
        }

        _severityIfSentenceContains = scope.SeverityIfSentenceContains.Select(p => (p.Key, p.Value.ToArray())).ToArray();
        _severityPhrases = PhrasePrefilter.Create(_severityIfSentenceContains.SelectMany(g => g.Phrases).ToArray());
        _adjacentReach = scope.AttributionReach == AttributionReach.Adjacent;
        _needsVoice = !_voices[(int)VoiceFilter.Any] || _severityByVoice.Count > 0;
        _needsSentence = !_anySource || _exceptions.Length > 0 || _unlessSentenceContains.Length > 0 || _severityIfSentenceContains.Length > 0;

        // Without attribution and speakers, the model still tells quotations and mentions from the writer's text but
        // makes every indirect clause narrative and every quotation unattributed: a scope that tells those apart, or
        // asks how a sentence is sourced, needs the full model.
        NeedsSourcing = !_anySource
            || (!_voices[(int)VoiceFilter.Any]
                && (_voices[(int)VoiceFilter.Narrative] != _voices[(int)VoiceFilter.IndirectSpeech]
                    || (_voices[(int)VoiceFilter.UnattributedQuote] && !_voices[(int)VoiceFilter.DirectQuote])))
            || _severityByVoice.Keys.Any(v => v is VoiceFilter.Narrative or VoiceFilter.IndirectSpeech or VoiceFilter.DirectQuote or VoiceFilter.UnattributedQuote);
    }

    /// <summary>Whether admitting a report needs how sentences are sourced or who speaks (see <see cref="ISourcingFreeRule"/>).</summary>
    public bool NeedsSourcing { get; }

    /// <summary>Whether a match at <paramref name="span"/> is in scope, and with what severity.</summary>
    public bool Admits(DocumentModel document, TextSpan span, DiagnosticSeverity defaultSeverity, out DiagnosticSeverity severity, Memo? memo = null)
    {
        severity = defaultSeverity;
        var specific = VoiceFilter.Any;
        if (_needsVoice)
        {
            var voiceSpan = memo is null ? document.GetVoiceSpan(span.Start) : document.GetVoiceSpan(span.Start, ref memo.VoiceHint);
            specific = voiceSpan.Voice switch
            {
                Voice.IndirectSpeech => VoiceFilter.IndirectSpeech,
                Voice.Mention => VoiceFilter.Mention,
                Voice.DirectQuote when voiceSpan.SourceSpan is null => VoiceFilter.UnattributedQuote,
                Voice.DirectQuote => VoiceFilter.DirectQuote,
                _ => VoiceFilter.Narrative,
            };

            var admitted = _voices[(int)VoiceFilter.Any] || _voices[(int)specific]
                || (specific == VoiceFilter.UnattributedQuote && _voices[(int)VoiceFilter.DirectQuote]);
            if (!admitted)
            {
                return false;
            }

            if (_severityByVoice.Count > 0
                && (_severityByVoice.TryGetValue(specific, out var bySpecific)
                    || (specific == VoiceFilter.UnattributedQuote && _severityByVoice.TryGetValue(VoiceFilter.DirectQuote, out bySpecific))))
            {
                severity = bySpecific;
            }
        }

        if (!_needsSentence)
        {
            return severity != DiagnosticSeverity.None;
        }

        var sentence = memo is null ? document.GetSentence(span.Start) : document.GetSentence(span.Start, ref memo.SentenceHint);
        if (!_anySource && !SourcingAdmits(document, sentence))
        {
            return false;
        }

        if (_exceptions.Length > 0 || _unlessSentenceContains.Length > 0)
        {
            var context = sentence?.Span ?? document.GetParagraph(span.Start)?.Span ?? span;
            if (IsExcepted(document, sentence, context, span, memo))
            {
                return false;
            }
        }

        if (_severityIfSentenceContains.Length > 0)
        {
            var context = sentence?.Span ?? span;
            var chosen = sentence is null || memo is null ? -2 : memo.Severity(sentence.Index);
            if (chosen == -2)
            {
                chosen = -1;
                var chars = document.Text.AsSpan(context);
                if (_severityPhrases is null || _severityPhrases.MayContainAny(chars))
                {
                    // The groups are asked one by one only where one pass says a phrase may be there.
                    for (var i = 0; i < _severityIfSentenceContains.Length && chosen < 0; i++)
                    {
                        chosen = ContainsAny(chars, _severityIfSentenceContains[i].Phrases) ? i : -1;
                    }
                }

                if (sentence is not null)
                {
                    memo?.SetSeverity(sentence.Index, chosen);
                }
            }

            if (chosen >= 0)
            {
                severity = _severityIfSentenceContains[chosen].Severity;
            }
        }

        return severity != DiagnosticSeverity.None;
    }

    // The sentence's sourcing must be one the rule names; with adjacent reach, a named, anonymous or vague source
    // in the neighbouring sentences of the same paragraph stands for the sentence's own when it has none.
    private bool SourcingAdmits(DocumentModel document, Sentence? sentence)
    {
        var kind = sentence?.Attribution.Kind ?? SourceKind.None;
        if (_adjacentReach && sentence is not null)
        {
            for (var neighbour = sentence.Index - 1; neighbour <= sentence.Index + 1; neighbour += 2)
            {
                if (neighbour >= 0 && neighbour < document.Sentences.Count
                    && document.Sentences[neighbour].ParagraphIndex == sentence.ParagraphIndex
                    && Strength(document.Sentences[neighbour].Attribution.Kind) > Strength(kind))
                {
                    kind = document.Sentences[neighbour].Attribution.Kind;
                }
            }
        }

        return _sources[(int)kind];
    }

    private static bool ContainsAny(System.ReadOnlySpan<char> chars, string[] phrases)
    {
        foreach (var phrase in phrases)
        {
            if (TextSearch.ContainsPhrase(chars, phrase))
            {
                return true;
            }
        }

        return false;
    }

    private static int Strength(SourceKind kind) => kind switch
    {
        SourceKind.Named => 3,
        SourceKind.Anonymous => 2,
        SourceKind.Vague => 1,
        _ => 0,
    };

    // What a context (a sentence) holds is searched once per document: whether it contains an "unless" phrase, and where
    // the exception phrases occur in it. Many matches share a sentence.
    private bool IsExcepted(DocumentModel document, Sentence? sentence, TextSpan context, TextSpan match, Memo? memo)
    {
        TextSpan[]? occurrences;
        if (sentence is null || memo is null)
        {
            occurrences = Search(document.Text, context);
        }
        else
        {
            if (context.Start >= memo.NoPhraseFrom)
            {
                return false;
            }

            occurrences = memo.Exceptions(sentence.Index);
            if (occurrences is null)
            {
                // A rule that checks most sentences (a name in nearly every one) looks once whether the rest of the
                // document holds any of its phrases at all: one pass over the text, where most documents hold none.
                if (++memo.Searches >= Memo.SearchesBeforeRest && !memo.RestSearched && memo.Searches * 2 > sentence.Index
                    && _phrases is not null && document.Paragraphs.Count > 0)
                {
                    memo.RestSearched = true;
                    var rest = TextSpan.FromBounds(context.Start, Math.Max(context.Start, document.Paragraphs[document.Paragraphs.Count - 1].Span.End));
                    if (!_phrases.MayContainAny(document.Text.AsSpan(rest)))
                    {
                        memo.NoPhraseFrom = context.Start;
                        return false;
                    }
                }

                occurrences = Search(document.Text, context) ?? Memo.Unless;
                memo.SetExceptions(sentence.Index, occurrences);
            }

            if (ReferenceEquals(occurrences, Memo.Unless))
            {
                occurrences = null;
            }
        }

        if (occurrences is null)
        {
            return true; // an "unless" phrase
        }

        foreach (var occurrence in occurrences)
        {
            if (occurrence.OverlapsWith(match))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The exception phrases' occurrences in a context, or null when it holds an "unless" phrase.</summary>
    private TextSpan[]? Search(SourceText text, TextSpan context)
    {
        var chars = text.AsSpan(context);
        if (_phrases is not null && !_phrases.MayContainAny(chars))
        {
            return Array.Empty<TextSpan>(); // none of the phrases: one vectorized pass instead of one search each
        }

        foreach (var phrase in _unlessSentenceContains)
        {
            if (TextSearch.ContainsPhrase(chars, phrase))
            {
                return null;
            }
        }

        List<TextSpan>? found = null;
        foreach (var phrase in _exceptions)
        {
            for (var at = TextSearch.IndexOfPhrase(chars, phrase); at >= 0; at = TextSearch.IndexOfPhrase(chars, phrase, at + 1))
            {
                (found ??= new List<TextSpan>()).Add(new TextSpan(context.Start + at, phrase.Length));
            }
        }

        return found?.ToArray() ?? Array.Empty<TextSpan>();
    }

    /// <summary>
    /// What one rule's scope checks found in each sentence of one document (see <see cref="IsExcepted"/>): many matches
    /// share a sentence, so each sentence is searched once. Used from one thread while a rule runs; the linter hands
    /// the same memo to each rule of a document in turn, <see cref="Reset"/> between them, so that its per-sentence
    /// arrays (large for a long text) are allocated once per document, on first use, and cleared only where written.
    /// </summary>
    internal sealed class Memo
    {
        /// <summary>Stands for a sentence that holds an "unless" phrase.</summary>
        public static readonly TextSpan[] Unless = new TextSpan[1];

        private readonly int _sentences;
        private readonly List<int> _written = new();
        private TextSpan[]?[]? _exceptions;
        private int[]? _severity;

        /// <summary>Where the last voice span and sentence were found: rules mostly ask in document order.</summary>
        internal int VoiceHint;

        /// <summary>See <see cref="VoiceHint"/>.</summary>
        internal int SentenceHint;

        /// <summary>How many sentences the rule searched for its exception phrases so far.</summary>
        internal int Searches;

        /// <summary>Whether the rest of the document was searched at once (see <see cref="NoPhraseFrom"/>).</summary>
        internal bool RestSearched;

        /// <summary>From where on the document holds none of the rule's exception phrases (<see cref="int.MaxValue"/>: unknown).</summary>
        internal int NoPhraseFrom = int.MaxValue;

        /// <summary>
        /// The sentences searched one by one before the rest of the document may be searched at once: when the rule has
        /// searched at least half of the sentences it went past.
        /// </summary>
        internal const int SearchesBeforeRest = 64;

        public Memo(int sentences) => _sentences = sentences;

        /// <summary>A sentence's exception phrases' occurrences, <see cref="Unless"/>, or null until searched.</summary>
        public TextSpan[]? Exceptions(int sentence) => _exceptions?[sentence];

        public void SetExceptions(int sentence, TextSpan[] occurrences)
        {
            (_exceptions ??= new TextSpan[]?[_sentences])[sentence] = occurrences;
            _written.Add(sentence);
        }

        /// <summary>The index of the phrase group a sentence holds, -1 for none, or -2 until searched.</summary>
        public int Severity(int sentence) => _severity is null ? -2 : _severity[sentence] - 2;

        public void SetSeverity(int sentence, int chosen)
        {
            (_severity ??= new int[_sentences])[sentence] = chosen + 2;
            _written.Add(sentence);
        }

        /// <summary>Forgets what was found, for the next rule.</summary>
        public void Reset()
        {
            Searches = 0;
            RestSearched = false;
            NoPhraseFrom = int.MaxValue;
            foreach (var sentence in _written)
            {
                if (_exceptions is not null)
                {
                    _exceptions[sentence] = null;
                }

                if (_severity is not null)
                {
                    _severity[sentence] = 0;
                }
            }

            _written.Clear();
        }
    }
}

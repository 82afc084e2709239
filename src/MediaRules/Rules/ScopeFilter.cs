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
    private readonly Dictionary<VoiceFilter, DiagnosticSeverity> _severityByVoice;
    private readonly (DiagnosticSeverity Severity, string[] Phrases)[] _severityIfSentenceContains;
    private readonly bool _adjacentReach;

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
        _severityByVoice = new Dictionary<VoiceFilter, DiagnosticSeverity>(scope.SeverityByVoice.Count);
        foreach (var pair in scope.SeverityByVoice)
        {
            _severityByVoice[pair.Key] = pair.Value;
        }

        _severityIfSentenceContains = scope.SeverityIfSentenceContains.Select(p => (p.Key, p.Value.ToArray())).ToArray();
        _adjacentReach = scope.AttributionReach == AttributionReach.Adjacent;
    }

    /// <summary>Whether a match at <paramref name="span"/> is in scope, and with what severity.</summary>
    public bool Admits(DocumentModel document, TextSpan span, DiagnosticSeverity defaultSeverity, out DiagnosticSeverity severity)
    {
        severity = defaultSeverity;
        var voiceSpan = document.GetVoiceSpan(span.Start);
        var specific = voiceSpan.Voice switch
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

        var sentence = document.GetSentence(span.Start);
        if (!_anySource && !SourcingAdmits(document, sentence))
        {
            return false;
        }

        if (_exceptions.Length > 0 || _unlessSentenceContains.Length > 0)
        {
            var context = sentence?.Span ?? document.GetParagraph(span.Start)?.Span ?? span;
            if (IsExcepted(document.Text, context, span))
            {
                return false;
            }
        }

        if (_severityByVoice.Count > 0
            && (_severityByVoice.TryGetValue(specific, out var bySpecific)
                || (specific == VoiceFilter.UnattributedQuote && _severityByVoice.TryGetValue(VoiceFilter.DirectQuote, out bySpecific))))
        {
            severity = bySpecific;
        }

        if (_severityIfSentenceContains.Length > 0)
        {
            var context = sentence?.Span ?? span;
            foreach (var (replacement, phrases) in _severityIfSentenceContains)
            {
                if (ContainsAny(document.Text.AsSpan(context), phrases))
                {
                    severity = replacement;
                    break;
                }
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
            foreach (var neighbour in new[] { sentence.Index - 1, sentence.Index + 1 })
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

    private bool IsExcepted(SourceText text, TextSpan context, TextSpan match)
    {
        var chars = text.AsSpan(context);
        foreach (var phrase in _unlessSentenceContains)
        {
            if (TextSearch.ContainsPhrase(chars, phrase))
            {
                return true;
            }
        }

        foreach (var phrase in _exceptions)
        {
            for (var at = TextSearch.IndexOfPhrase(chars, phrase); at >= 0; at = TextSearch.IndexOfPhrase(chars, phrase, at + 1))
            {
                if (new TextSpan(context.Start + at, phrase.Length).OverlapsWith(match))
                {
                    return true;
                }
            }
        }

        return false;
    }
}

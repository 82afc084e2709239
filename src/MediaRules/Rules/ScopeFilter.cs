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
        if (!_anySource && !_sources[(int)(sentence?.Attribution.Kind ?? SourceKind.None)])
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

        return severity != DiagnosticSeverity.None;
    }

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

using System;
using System.Collections.Generic;
using MediaRules.Diagnostics;
using MediaRules.Documents;

namespace MediaRules.Rules;

/// <summary>
/// A rule as a pack file declares it, before its kind compiles it. The engine reads the common keys (id, title,
/// severity, message, scope, examples); a kind reads the keys of its own (terms, patterns, options).
/// </summary>
public sealed class RuleDefinition
{
    /// <summary>The rule id, <c>MR</c> + four digits; the first digit is the category.</summary>
    public string Id { get; init; } = string.Empty;

    /// <summary>A short title.</summary>
    public string Title { get; init; } = string.Empty;

    /// <summary>The name of the rule kind that compiles this rule (<c>term</c>, <c>pattern</c>, or a host's own).</summary>
    public string Kind { get; init; } = string.Empty;

    /// <summary>The severity when no configuration changes it.</summary>
    public DiagnosticSeverity Severity { get; init; } = DiagnosticSeverity.Warning;

    /// <summary>The message; <c>{match}</c> is replaced by the matched text and <c>{suggestion}</c> by the first suggestion.</summary>
    public string Message { get; init; } = string.Empty;

    /// <summary>A longer explanation: what the rule flags and why.</summary>
    public string? Description { get; init; }

    /// <summary>A link to the rule's explanation or to the guidance it rests on.</summary>
    public string? Help { get; init; }

    /// <summary>The published guidance the rule rests on (for example "AP Stylebook: anonymous sources").</summary>
    public IReadOnlyList<string> References { get; init; } = Array.Empty<string>();

    /// <summary>The words and phrases the rule looks for (kinds that match terms).</summary>
    public IReadOnlyList<TermDefinition> Terms { get; init; } = Array.Empty<TermDefinition>();

    /// <summary>The regular expressions the rule looks for (kinds that match patterns).</summary>
    public IReadOnlyList<string> Patterns { get; init; } = Array.Empty<string>();

    /// <summary>Whether terms and patterns match case-sensitively (default: no).</summary>
    public bool CaseSensitive { get; init; }

    /// <summary>Whether a term's last word also matches its plural and possessive forms (default: yes).</summary>
    public bool Inflect { get; init; } = true;

    /// <summary>Replacements offered for every match (the first becomes the fix), unless a term has its own.</summary>
    public IReadOnlyList<string> Suggestions { get; init; } = Array.Empty<string>();

    /// <summary>Where in the text the rule applies.</summary>
    public RuleScope Scope { get; init; } = RuleScope.Default;

    /// <summary>Text that must be flagged and text that must pass: the rule's own tests.</summary>
    public RuleExamples Examples { get; init; } = RuleExamples.Empty;

    /// <summary>Options of the rule's kind that the common keys do not cover (the <c>options:</c> map).</summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Where the rule was declared: a file path or a source name.</summary>
    public string Source { get; init; } = string.Empty;

    /// <summary>The 1-based line where the rule was declared.</summary>
    public int Line { get; init; }

    /// <summary>The 1-based column where the rule was declared.</summary>
    public int Column { get; init; }

    /// <summary>The category, from the first digit of the id.</summary>
    public string Category => DiagnosticCategory.IsValidRuleId(Id) ? DiagnosticCategory.FromRuleId(Id) ?? string.Empty : string.Empty;

    /// <summary>The descriptor of the diagnostics this rule reports.</summary>
    /// <returns>A descriptor built from the definition.</returns>
    public DiagnosticDescriptor ToDescriptor() =>
        new(Id, Title, Message, Category, Severity, Help, Description, References);
}

/// <summary>A term: a word or phrase to look for, with the replacements it suggests.</summary>
public sealed class TermDefinition
{
    /// <summary>Creates a term.</summary>
    /// <param name="text">The word or phrase.</param>
    /// <param name="suggestions">Its replacements; the first becomes the fix.</param>
    public TermDefinition(string text, IReadOnlyList<string>? suggestions = null)
    {
        Text = text ?? throw new ArgumentNullException(nameof(text));
        Suggestions = suggestions ?? Array.Empty<string>();
    }

    /// <summary>The word or phrase.</summary>
    public string Text { get; }

    /// <summary>Its replacements.</summary>
    public IReadOnlyList<string> Suggestions { get; }

    /// <summary>Shows the term.</summary>
    /// <returns>The term.</returns>
    public override string ToString() => Text;
}

/// <summary>Examples a rule carries: text that must be flagged and text that must pass.</summary>
public sealed class RuleExamples
{
    /// <summary>Creates the examples.</summary>
    /// <param name="flag">Texts the rule must flag. Spans marked <c>{|like this|}</c> must be exactly the reported spans.</param>
    /// <param name="pass">Texts the rule must not flag.</param>
    public RuleExamples(IReadOnlyList<string> flag, IReadOnlyList<string> pass)
    {
        Flag = flag ?? throw new ArgumentNullException(nameof(flag));
        Pass = pass ?? throw new ArgumentNullException(nameof(pass));
    }

    /// <summary>No examples.</summary>
    public static RuleExamples Empty { get; } = new(Array.Empty<string>(), Array.Empty<string>());

    /// <summary>Texts the rule must flag.</summary>
    public IReadOnlyList<string> Flag { get; }

    /// <summary>Texts the rule must not flag.</summary>
    public IReadOnlyList<string> Pass { get; }
}

/// <summary>
/// Where a rule applies: the voices it reads, how the sentence must be sourced, the exceptions that stop it, and
/// the severities that replace the rule's in some contexts. The engine applies the scope to every report of every
/// kind, so a host's own kind honours it too.
/// </summary>
public sealed class RuleScope
{
    /// <summary>The default scope: the writer's voice and indirect speech, any sourcing, no exceptions.</summary>
    public static RuleScope Default { get; } = new();

    /// <summary>The voices the rule applies to (<c>voices</c>; default: narrative and indirect speech).</summary>
    public IReadOnlyList<VoiceFilter> Voices { get; init; } = new[] { VoiceFilter.Narrative, VoiceFilter.IndirectSpeech };

    /// <summary>The sourcing of the sentence the rule applies to (<c>attribution</c>); empty means any.</summary>
    public IReadOnlyList<SourceKind> Attribution { get; init; } = Array.Empty<SourceKind>();

    /// <summary>
    /// Whether <see cref="Attribution"/> reads only the sentence itself (<c>sentence</c>, the default) or also the
    /// sentences just before and after it in the same paragraph (<c>adjacent</c>): a source named next door counts.
    /// </summary>
    public AttributionReach AttributionReach { get; init; } = AttributionReach.Sentence;

    /// <summary>Phrases that stop a match they overlap (<c>exceptions</c>).</summary>
    public IReadOnlyList<string> Exceptions { get; init; } = Array.Empty<string>();

    /// <summary>Phrases that stop every match in a sentence that contains them (<c>unless-sentence-contains</c>).</summary>
    public IReadOnlyList<string> UnlessSentenceContains { get; init; } = Array.Empty<string>();

    /// <summary>Severities that replace the rule's in some voices (<c>severity-by-voice</c>).</summary>
    public IReadOnlyDictionary<VoiceFilter, DiagnosticSeverity> SeverityByVoice { get; init; } = new Dictionary<VoiceFilter, DiagnosticSeverity>();

    /// <summary>
    /// Severities that replace the rule's in a sentence containing one of the phrases
    /// (<c>severity-if-sentence-contains</c>; for example an anonymous source whose anonymity is explained).
    /// </summary>
    public IReadOnlyDictionary<DiagnosticSeverity, IReadOnlyList<string>> SeverityIfSentenceContains { get; init; } =
        new Dictionary<DiagnosticSeverity, IReadOnlyList<string>>();
}

/// <summary>How far a rule's <see cref="RuleScope.Attribution"/> condition looks for a source.</summary>
public enum AttributionReach
{
    /// <summary>The sentence of the match only.</summary>
    Sentence = 0,

    /// <summary>The sentence of the match and the sentences just before and after it in its paragraph.</summary>
    Adjacent = 1,
}

/// <summary>The voices a rule can name in its scope.</summary>
public enum VoiceFilter
{
    /// <summary>The writer's own voice (<c>narrative</c>).</summary>
    Narrative = 0,

    /// <summary>A clause attributed by a reporting verb (<c>indirect-speech</c>).</summary>
    IndirectSpeech = 1,

    /// <summary>Any direct quote (<c>direct-quote</c>).</summary>
    DirectQuote = 2,

    /// <summary>A direct quote whose speaker the text does not name (<c>unattributed-quote</c>).</summary>
    UnattributedQuote = 3,

    /// <summary>A word talked about, or a title (<c>mention</c>).</summary>
    Mention = 4,

    /// <summary>Every voice (<c>any</c>).</summary>
    Any = 5,
}

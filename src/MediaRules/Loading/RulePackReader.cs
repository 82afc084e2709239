using System;
using System.Collections.Generic;
using System.Linq;
using MediaRules.Analysis;
using MediaRules.Diagnostics;
using MediaRules.Documents;
using MediaRules.Rules;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MediaRules.Loading;

/// <summary>
/// Reads a rule pack (YAML) into rule definitions. Strict: an unknown key, a value of the wrong shape, a bad id
/// or severity is an error with the file, line and column. Aliases are refused, so an alias bomb cannot expand.
/// </summary>
internal static class RulePackReader
{
    private static readonly HashSet<string> PackKeys = new(StringComparer.Ordinal) { "pack", "description", "rules" };

    private static readonly HashSet<string> RuleKeys = new(StringComparer.Ordinal)
    {
        "id", "title", "kind", "severity", "message", "description", "help", "references", "terms", "patterns",
        "case-sensitive", "inflect", "suggestions", "voices", "attribution", "attribution-reach", "exceptions",
        "unless-sentence-contains", "severity-by-voice", "severity-if-sentence-contains", "examples", "options",
    };

    public static List<ParsedRule> Read(string yaml, string source, List<RuleLoadError> errors)
    {
        var rules = new List<ParsedRule>();
        var root = YamlSource.Parse(yaml, source, "rule pack", errors);
        if (root is null)
        {
            return rules;
        }

        if (root is not YamlMappingNode pack)
        {
            errors.Add(ErrorAt(source, root.Start, "a rule pack is a mapping with a 'rules' list"));
            return rules;
        }

        YamlSequenceNode? list = null;
        foreach (var entry in pack.Children)
        {
            var key = KeyOf(entry.Key, source, errors);
            if (key is null)
            {
                continue;
            }

            if (!PackKeys.Contains(key))
            {
                errors.Add(ErrorAt(source, entry.Key.Start, $"unknown key '{key}' in a rule pack (known: {string.Join(", ", PackKeys.OrderBy(k => k, StringComparer.Ordinal))})"));
            }
            else if (key == "rules")
            {
                list = entry.Value as YamlSequenceNode;
                if (list is null)
                {
                    errors.Add(ErrorAt(source, entry.Value.Start, "'rules' must be a list of rules"));
                }
            }
            else if (entry.Value is not YamlScalarNode)
            {
                errors.Add(ErrorAt(source, entry.Value.Start, $"'{key}' must be a string"));
            }
        }

        if (list is null)
        {
            if (!errors.Any(e => e.Source == source))
            {
                errors.Add(ErrorAt(source, pack.Start, "a rule pack needs a 'rules' list"));
            }

            return rules;
        }

        foreach (var item in list.Children)
        {
            var rule = ReadRule(item, source, errors);
            if (rule is not null)
            {
                rules.Add(rule);
            }
        }

        return rules;
    }

    private static ParsedRule? ReadRule(YamlNode node, string source, List<RuleLoadError> errors)
    {
        if (node is not YamlMappingNode map)
        {
            errors.Add(ErrorAt(source, node.Start, "a rule is a mapping (id, title, kind, …)"));
            return null;
        }

        var positions = new Dictionary<string, (Mark Key, List<Mark> Items)>(StringComparer.Ordinal);
        var values = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var errorCount = errors.Count;
        foreach (var entry in map.Children)
        {
            var key = KeyOf(entry.Key, source, errors);
            if (key is null)
            {
                continue;
            }

            if (!RuleKeys.Contains(key))
            {
                errors.Add(ErrorAt(source, entry.Key.Start, $"unknown key '{key}' in a rule (known: {string.Join(", ", RuleKeys.OrderBy(k => k, StringComparer.Ordinal))})"));
                continue;
            }

            values[key] = entry.Value;
            positions[key] = (entry.Key.Start, entry.Value is YamlSequenceNode seq ? seq.Children.Select(c => c.Start).ToList() : new List<Mark>());
        }

        var reader = new RuleReader(source, map.Start, values, errors);
        var id = reader.RequiredString("id");
        if (id is not null && !DiagnosticCategory.IsValidRuleId(id))
        {
            reader.Fail("id", $"'{id}' is not a rule id: MR followed by four digits, the first digit the category (1 attribution, 2 terminology, 3 consistency, 4 quotation)");
        }
        else if (id is not null && DiagnosticCategory.FromRuleId(id) is not (DiagnosticCategory.Attribution or DiagnosticCategory.Terminology or DiagnosticCategory.Consistency or DiagnosticCategory.Quotation))
        {
            reader.Fail("id", $"'{id}' is not in a rule category: the first digit must be 1 (attribution), 2 (terminology), 3 (consistency) or 4 (quotation); MR9xxx is the engine's");
        }

        var definition = new RuleDefinition
        {
            Id = id ?? string.Empty,
            Title = reader.RequiredString("title") ?? string.Empty,
            Kind = reader.RequiredString("kind") ?? string.Empty,
            Severity = reader.Severity("severity") ?? DiagnosticSeverity.Warning,
            Message = reader.RequiredString("message") ?? string.Empty,
            Description = reader.OptionalString("description"),
            Help = reader.OptionalString("help"),
            References = reader.StringList("references"),
            Terms = reader.Terms("terms"),
            Patterns = reader.StringList("patterns"),
            CaseSensitive = reader.Boolean("case-sensitive") ?? false,
            Inflect = reader.Boolean("inflect") ?? true,
            Suggestions = reader.StringList("suggestions"),
            Scope = new RuleScope
            {
                Voices = (IReadOnlyList<VoiceFilter>?)reader.Voices("voices") ?? RuleScope.Default.Voices,
                Attribution = reader.SourceKinds("attribution"),
                AttributionReach = reader.Reach("attribution-reach"),
                Exceptions = reader.StringList("exceptions"),
                UnlessSentenceContains = reader.StringList("unless-sentence-contains"),
                SeverityByVoice = reader.SeverityByVoice("severity-by-voice"),
                SeverityIfSentenceContains = reader.SeverityIfSentenceContains("severity-if-sentence-contains"),
            },
            Examples = reader.Examples("examples"),
            Options = reader.Options("options"),
            Source = source,
            Line = (int)map.Start.Line,
            Column = (int)map.Start.Column,
        };

        return errors.Count == errorCount ? new ParsedRule(definition, positions) : null;
    }

    private static string? KeyOf(YamlNode key, string source, List<RuleLoadError> errors)
    {
        if (key is YamlScalarNode { Value: { } value })
        {
            return value;
        }

        errors.Add(ErrorAt(source, key.Start, "keys must be plain strings"));
        return null;
    }

    internal static RuleLoadError ErrorAt(string source, Mark mark, string message) => YamlSource.ErrorAt(source, mark, message);

    /// <summary>Reads the values of one rule mapping, recording an error for each bad value.</summary>
    private sealed class RuleReader
    {
        private readonly string _source;
        private readonly Mark _ruleStart;
        private readonly Dictionary<string, YamlNode> _values;
        private readonly List<RuleLoadError> _errors;

        public RuleReader(string source, Mark ruleStart, Dictionary<string, YamlNode> values, List<RuleLoadError> errors)
        {
            _source = source;
            _ruleStart = ruleStart;
            _values = values;
            _errors = errors;
        }

        public void Fail(string key, string message) =>
            _errors.Add(ErrorAt(_source, _values.TryGetValue(key, out var node) ? node.Start : _ruleStart, message));

        private void Fail(YamlNode node, string message) => _errors.Add(ErrorAt(_source, node.Start, message));

        public string? RequiredString(string key)
        {
            if (!_values.ContainsKey(key))
            {
                _errors.Add(ErrorAt(_source, _ruleStart, $"a rule needs '{key}'"));
                return null;
            }

            var value = OptionalString(key);
            if (value is not null && value.Trim().Length == 0)
            {
                Fail(key, $"'{key}' must not be empty");
                return null;
            }

            return value;
        }

        public string? OptionalString(string key)
        {
            if (!_values.TryGetValue(key, out var node))
            {
                return null;
            }

            if (node is YamlScalarNode { Value: { } value })
            {
                return value;
            }

            Fail(node, $"'{key}' must be a string");
            return null;
        }

        public bool? Boolean(string key)
        {
            var text = OptionalString(key);
            switch (text)
            {
                case null:
                    return null;
                case "true":
                    return true;
                case "false":
                    return false;
                default:
                    Fail(key, $"'{key}' must be true or false, not '{text}'");
                    return null;
            }
        }

        public DiagnosticSeverity? Severity(string key)
        {
            var text = OptionalString(key);
            if (text is null)
            {
                return null;
            }

            if (SeverityNames.TryParse(text, out var severity))
            {
                return severity;
            }

            Fail(key, $"'{text}' is not a severity (error, warning, suggestion, silent, none)");
            return null;
        }

        public IReadOnlyList<string> StringList(string key) =>
            _values.TryGetValue(key, out var node) ? Strings(node, key) : Array.Empty<string>();

        private List<string> Strings(YamlNode node, string key)
        {
            var result = new List<string>();
            if (node is not YamlSequenceNode seq)
            {
                Fail(node, $"'{key}' must be a list");
                return result;
            }

            foreach (var item in seq.Children)
            {
                if (item is YamlScalarNode { Value: { Length: > 0 } value })
                {
                    result.Add(value);
                }
                else
                {
                    Fail(item, $"every item of '{key}' must be a non-empty string");
                }
            }

            return result;
        }

        public IReadOnlyList<TermDefinition> Terms(string key)
        {
            if (!_values.TryGetValue(key, out var node))
            {
                return Array.Empty<TermDefinition>();
            }

            var result = new List<TermDefinition>();
            if (node is not YamlSequenceNode seq)
            {
                Fail(node, $"'{key}' must be a list of terms");
                return result;
            }

            foreach (var item in seq.Children)
            {
                switch (item)
                {
                    case YamlScalarNode { Value: { } text } when text.Trim().Length > 0:
                        result.Add(new TermDefinition(text.Trim()));
                        break;
                    case YamlMappingNode map:
                        string? term = null;
                        IReadOnlyList<string> suggest = Array.Empty<string>();
                        foreach (var entry in map.Children)
                        {
                            var name = (entry.Key as YamlScalarNode)?.Value;
                            if (name == "term" && entry.Value is YamlScalarNode { Value: { } t } && t.Trim().Length > 0)
                            {
                                term = t.Trim();
                            }
                            else if (name == "suggest")
                            {
                                suggest = Strings(entry.Value, "suggest");
                            }
                            else
                            {
                                Fail(entry.Key, $"unknown key '{name}' in a term (a term is a string, or 'term' with 'suggest')");
                            }
                        }

                        if (term is null)
                        {
                            Fail(map, "a term mapping needs a non-empty 'term'");
                        }
                        else
                        {
                            result.Add(new TermDefinition(term, suggest));
                        }

                        break;
                    default:
                        Fail(item, $"every item of '{key}' must be a term (a string, or 'term' with 'suggest')");
                        break;
                }
            }

            return result;
        }

        public List<VoiceFilter>? Voices(string key)
        {
            if (!_values.TryGetValue(key, out var node))
            {
                return null;
            }

            var result = new List<VoiceFilter>();
            foreach (var name in Strings(node, key))
            {
                if (VoiceNames.TryParse(name, out var voice))
                {
                    result.Add(voice);
                }
                else
                {
                    Fail(key, $"'{name}' is not a voice ({string.Join(", ", VoiceNames.All)})");
                }
            }

            return result;
        }

        public IReadOnlyList<SourceKind> SourceKinds(string key)
        {
            if (!_values.TryGetValue(key, out var node))
            {
                return Array.Empty<SourceKind>();
            }

            var result = new List<SourceKind>();
            foreach (var name in Strings(node, key))
            {
                switch (name)
                {
                    case "none": result.Add(SourceKind.None); break;
                    case "named": result.Add(SourceKind.Named); break;
                    case "anonymous": result.Add(SourceKind.Anonymous); break;
                    case "vague": result.Add(SourceKind.Vague); break;
                    default: Fail(key, $"'{name}' is not a kind of sourcing (none, named, anonymous, vague)"); break;
                }
            }

            return result;
        }

        public Dictionary<VoiceFilter, DiagnosticSeverity> SeverityByVoice(string key)
        {
            var result = new Dictionary<VoiceFilter, DiagnosticSeverity>();
            if (!_values.TryGetValue(key, out var node))
            {
                return result;
            }

            if (node is not YamlMappingNode map)
            {
                Fail(node, $"'{key}' must map voices to severities");
                return result;
            }

            foreach (var entry in map.Children)
            {
                var voice = (entry.Key as YamlScalarNode)?.Value;
                var severity = (entry.Value as YamlScalarNode)?.Value;
                if (voice is null || !VoiceNames.TryParse(voice, out var v))
                {
                    Fail(entry.Key, $"'{voice}' is not a voice ({string.Join(", ", VoiceNames.All)})");
                }
                else if (severity is null || !SeverityNames.TryParse(severity, out var s))
                {
                    Fail(entry.Value, $"'{severity}' is not a severity (error, warning, suggestion, silent, none)");
                }
                else
                {
                    result[v] = s;
                }
            }

            return result;
        }

        public AttributionReach Reach(string key)
        {
            switch (OptionalString(key))
            {
                case null:
                case "sentence":
                    return AttributionReach.Sentence;
                case "adjacent":
                    return AttributionReach.Adjacent;
                case var other:
                    Fail(key, $"'{other}' is not an attribution reach (sentence, adjacent)");
                    return AttributionReach.Sentence;
            }
        }

        public Dictionary<DiagnosticSeverity, IReadOnlyList<string>> SeverityIfSentenceContains(string key)
        {
            var result = new Dictionary<DiagnosticSeverity, IReadOnlyList<string>>();
            if (!_values.TryGetValue(key, out var node))
            {
                return result;
            }

            if (node is not YamlMappingNode map)
            {
                Fail(node, $"'{key}' must map severities to lists of phrases");
                return result;
            }

            foreach (var entry in map.Children)
            {
                var severity = (entry.Key as YamlScalarNode)?.Value;
                if (severity is null || !SeverityNames.TryParse(severity, out var s))
                {
                    Fail(entry.Key, $"'{severity}' is not a severity (error, warning, suggestion, silent, none)");
                }
                else
                {
                    result[s] = Strings(entry.Value, key);
                }
            }

            return result;
        }

        public RuleExamples Examples(string key)
        {
            if (!_values.TryGetValue(key, out var node))
            {
                return RuleExamples.Empty;
            }

            if (node is not YamlMappingNode map)
            {
                Fail(node, $"'{key}' must have 'flag' and/or 'pass' lists");
                return RuleExamples.Empty;
            }

            IReadOnlyList<string> flag = Array.Empty<string>(), pass = Array.Empty<string>();
            foreach (var entry in map.Children)
            {
                switch ((entry.Key as YamlScalarNode)?.Value)
                {
                    case "flag": flag = Strings(entry.Value, "flag"); break;
                    case "pass": pass = Strings(entry.Value, "pass"); break;
                    default: Fail(entry.Key, "examples have only 'flag' and 'pass'"); break;
                }
            }

            return new RuleExamples(flag, pass);
        }

        public Dictionary<string, string> Options(string key)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            if (!_values.TryGetValue(key, out var node))
            {
                return result;
            }

            if (node is not YamlMappingNode map)
            {
                Fail(node, $"'{key}' must be a mapping of names to strings");
                return result;
            }

            foreach (var entry in map.Children)
            {
                if (entry.Key is YamlScalarNode { Value: { } name } && entry.Value is YamlScalarNode { Value: { } value })
                {
                    result[name] = value;
                }
                else
                {
                    Fail(entry.Key, $"every option of '{key}' maps a name to a string");
                }
            }

            return result;
        }
    }
}

/// <summary>The YAML names of severities (.editorconfig's words).</summary>
internal static class SeverityNames
{
    public static bool TryParse(string text, out DiagnosticSeverity severity)
    {
        switch (text)
        {
            case "error": severity = DiagnosticSeverity.Error; return true;
            case "warning": severity = DiagnosticSeverity.Warning; return true;
            case "suggestion": severity = DiagnosticSeverity.Suggestion; return true;
            case "silent": severity = DiagnosticSeverity.Silent; return true;
            case "none": severity = DiagnosticSeverity.None; return true;
            default: severity = default; return false;
        }
    }

    public static string ToName(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Suggestion => "suggestion",
        DiagnosticSeverity.Silent => "silent",
        _ => "none",
    };
}

/// <summary>The YAML names of voice filters.</summary>
internal static class VoiceNames
{
    public static readonly string[] All = { "narrative", "indirect-speech", "direct-quote", "unattributed-quote", "mention", "any" };

    public static bool TryParse(string text, out VoiceFilter voice)
    {
        var index = Array.IndexOf(All, text);
        voice = index switch
        {
            0 => VoiceFilter.Narrative,
            1 => VoiceFilter.IndirectSpeech,
            2 => VoiceFilter.DirectQuote,
            3 => VoiceFilter.UnattributedQuote,
            4 => VoiceFilter.Mention,
            _ => VoiceFilter.Any,
        };
        return index >= 0;
    }
}

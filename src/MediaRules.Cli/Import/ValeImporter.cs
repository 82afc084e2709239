using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using YamlDotNet.RepresentationModel;

namespace MediaRules.Cli.Import;

/// <summary>
/// Converts Vale rules of <c>extends: substitution</c> (<c>swap</c>) and <c>extends: existence</c> (<c>tokens</c>,
/// <c>raw</c>) into MediaRules rules; any other <c>extends</c> is reported as not converted.
/// </summary>
internal static class ValeImporter
{
    private static readonly HashSet<string> CommonKeys = new(StringComparer.Ordinal)
    {
        "extends", "message", "level", "ignorecase", "nonword", "link", "description", "exceptions", "scope", "code",
    };

    private static readonly HashSet<string> WholeTextScopes = new(StringComparer.Ordinal) { "text", "sentence", "paragraph", "raw", "summary" };

    public static void Import(string file, List<ImportedRule> rules, ImportLog log)
    {
        var root = YamlInput.Load(file);
        var name = Path.GetFileNameWithoutExtension(file);
        var origin = PatternCheck.Position(file, root.Start);
        var extends = YamlInput.Scalar(YamlInput.Get(root, "extends"));
        if (extends is not ("substitution" or "existence"))
        {
            log.Skip(origin, name, extends is null ? "no 'extends': not converted" : $"'extends: {extends}' has no MediaRules equivalent (only substitution and existence are converted): not converted");
            return;
        }

        var known = new HashSet<string>(CommonKeys, StringComparer.Ordinal);
        known.UnionWith(extends == "substitution" ? ["swap"] : ["tokens", "raw", "append"]);
        foreach (var key in YamlInput.Keys(root).Where(k => !known.Contains(k)))
        {
            log.Skip(origin, name, $"key '{key}' is not converted (ignored)");
        }

        var scopes = YamlInput.Strings(YamlInput.Get(root, "scope")) ?? [];
        foreach (var scope in scopes.Where(s => !WholeTextScopes.Contains(s)))
        {
            log.Skip(origin, name, $"scope '{scope}' is not converted: the rule applies to all prose");
        }

        var level = YamlInput.Scalar(YamlInput.Get(root, "level")) ?? "warning";
        if (level is not ("error" or "warning" or "suggestion"))
        {
            log.Skip(origin, name, $"level '{level}' is unknown: imported as warning");
            level = "warning";
        }

        var caseSensitive = !YamlInput.IsTrue(YamlInput.Get(root, "ignorecase"));
        var nonword = YamlInput.IsTrue(YamlInput.Get(root, "nonword"));
        var message = YamlInput.Scalar(YamlInput.Get(root, "message"));
        var help = YamlInput.Scalar(YamlInput.Get(root, "link"));
        var description = YamlInput.Scalar(YamlInput.Get(root, "description"));
        var exceptions = YamlInput.Strings(YamlInput.Get(root, "exceptions")) ?? [];

        ImportedRule NewRule(string kind, string title, string format) => new()
        {
            Name = name, Origin = origin, Kind = kind, Severity = level, Title = title, Message = format, Help = help,
            Description = description ?? $"Imported from the Vale rule {Path.GetFileName(file)} (extends: {extends}).",
            CaseSensitive = caseSensitive, Inflect = false,
        };

        var produced = new List<ImportedRule>();
        if (extends == "substitution")
        {
            // Vale fills the first %s with the replacement and the second with the text it found.
            var format = message is null ? "Use '{suggestion}' rather than '{match}'." : Placeholders(message, "{suggestion}", "{match}");
            if (YamlInput.Get(root, "swap") is not YamlMappingNode swap)
            {
                log.Skip(origin, name, "'swap' is missing or not a mapping: not converted");
                return;
            }

            var terms = NewRule("term", $"{name} (Vale substitution)", format);
            foreach (var entry in swap.Children)
            {
                var key = YamlInput.Scalar(entry.Key) ?? string.Empty;
                var value = YamlInput.Scalar(entry.Value);
                var entryOrigin = PatternCheck.Position(file, entry.Key.Start);
                if (value is null || key.Length == 0)
                {
                    log.Skip(entryOrigin, $"{name}: {key}", "a swap entry needs a string key and a string replacement: not converted");
                    continue;
                }

                var suggestions = value.Split('|').Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
                if (!nonword && PatternCheck.IsPlainTerm(key))
                {
                    terms.Terms.Add((key, suggestions));
                    continue;
                }

                var regex = nonword ? $"(?:{key})" : $@"\b(?:{key})\b";
                var problem = PatternCheck.Problem(regex, caseSensitive);
                if (problem is not null)
                {
                    log.Skip(entryOrigin, $"{name}: {key}", $"the pattern is not converted: {problem}");
                    continue;
                }

                var rule = NewRule("pattern", $"{name}: {key} (Vale substitution)", format);
                var single = suggestions.Count == 1 && PatternCheck.IsPlainTerm(suggestions[0]);
                rule.Patterns.Add(single ? PatternCheck.ExcludingExpected(regex, suggestions[0]) : regex);
                rule.Suggestions.AddRange(suggestions);
                rule.Exceptions.AddRange(exceptions);
                produced.Add(rule);
            }

            if (terms.Terms.Count > 0)
            {
                terms.Exceptions.AddRange(exceptions);
                produced.Insert(0, terms);
            }
        }
        else
        {
            var format = message is null ? "Avoid '{match}'." : Placeholders(message, "{match}", "{match}");
            var tokens = YamlInput.Strings(YamlInput.Get(root, "tokens"));
            var raw = YamlInput.Strings(YamlInput.Get(root, "raw"));
            if (tokens is null || raw is null)
            {
                log.Skip(origin, name, "'tokens' and 'raw' must be lists of strings: not converted");
                return;
            }

            var good = new List<string>();
            foreach (var token in tokens.Where(t => t.Length > 0))
            {
                var problem = PatternCheck.Problem(token, caseSensitive);
                if (problem is null)
                {
                    good.Add(token);
                }
                else
                {
                    log.Skip(origin, $"{name}: {token}", $"the token is not converted: {problem}");
                }
            }

            var regex = string.Empty;
            if (good.Count > 0)
            {
                var joined = string.Join("|", good);
                regex = nonword ? $"(?:{joined})" : $@"\b(?:{joined})\b";
            }

            var rawText = string.Concat(raw);
            regex = YamlInput.IsTrue(YamlInput.Get(root, "append")) ? regex + rawText : rawText + regex;
            var whole = regex.Length == 0 ? "nothing to match" : PatternCheck.Problem(regex, caseSensitive);
            if (whole is not null)
            {
                log.Skip(origin, name, $"the rule's pattern is not converted: {whole}");
                return;
            }

            var rule = NewRule("pattern", $"{name} (Vale existence)", format);
            rule.Patterns.Add(regex);
            rule.Exceptions.AddRange(exceptions);
            produced.Add(rule);
        }

        if (produced.Count == 0)
        {
            log.Skip(origin, name, "nothing could be converted");
        }

        foreach (var rule in produced)
        {
            rules.Add(rule);
            log.Converted.Add($"{origin}: Vale '{rule.Title}' → {rule.Kind} rule");
        }
    }

    /// <summary>Replaces Vale's first and second <c>%s</c> (and <c>%%</c>).</summary>
    private static string Placeholders(string message, string first, string second)
    {
        var text = new System.Text.StringBuilder();
        var count = 0;
        for (var i = 0; i < message.Length; i++)
        {
            if (message[i] == '%' && i + 1 < message.Length && message[i + 1] == 's')
            {
                text.Append(count++ == 0 ? first : second);
                i++;
            }
            else if (message[i] == '%' && i + 1 < message.Length && message[i + 1] == '%')
            {
                text.Append('%');
                i++;
            }
            else
            {
                text.Append(message[i]);
            }
        }

        return text.ToString();
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace MediaRules.Cli.Import;

/// <summary>
/// Converts a textlint-rule-prh dictionary (<c>version</c>, <c>imports</c>, <c>rules</c> with <c>expected</c>,
/// <c>pattern</c>/<c>patterns</c>, <c>specs</c>, <c>prh</c>, <c>options.wordBoundary</c>) into MediaRules rules.
/// </summary>
internal static class PrhImporter
{
    private static readonly HashSet<string> RuleKeys = new(StringComparer.Ordinal) { "expected", "pattern", "patterns", "specs", "prh", "options", "regexpMustEmpty" };

    private static readonly Regex RegexLiteral = new("^/(?<body>.*)/(?<flags>[a-z]*)$", RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static readonly Regex Substitution = new(@"\$(\d|&|<)", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public static void Import(string file, List<ImportedRule> rules, ImportLog log) => Import(file, rules, log, new HashSet<string>(StringComparer.Ordinal));

    private static void Import(string file, List<ImportedRule> rules, ImportLog log, HashSet<string> visited)
    {
        if (!visited.Add(Path.GetFullPath(file)))
        {
            return;
        }

        var root = YamlInput.Load(file);
        foreach (var key in YamlInput.Keys(root))
        {
            if (key is not ("version" or "imports" or "rules"))
            {
                log.Skip(PatternCheck.Position(file, root.Start), file, $"top-level key '{key}' is not a prh key; ignored");
            }
        }

        var imports = YamlInput.Get(root, "imports");
        foreach (var item in imports is YamlSequenceNode seq ? seq.Children : imports is null ? [] : [imports])
        {
            var path = item is YamlMappingNode importMap ? YamlInput.Scalar(YamlInput.Get(importMap, "path")) : YamlInput.Scalar(item);
            if (string.IsNullOrEmpty(path))
            {
                throw new ImportException($"{PatternCheck.Position(file, item.Start)}: an import is a path or a mapping with 'path'");
            }

            if (item is YamlMappingNode options && YamlInput.Keys(options).Any(k => k != "path"))
            {
                log.Skip(PatternCheck.Position(file, item.Start), path, "import options other than 'path' (" + string.Join(", ", YamlInput.Keys(options).Where(k => k != "path")) + ") are not converted; every rule of the import is imported");
            }

            Import(Path.Combine(Path.GetDirectoryName(file) ?? ".", path), rules, log, visited);
        }

        var list = YamlInput.Get(root, "rules");
        if (list is null)
        {
            return;
        }

        if (list is not YamlSequenceNode ruleList)
        {
            throw new ImportException($"{PatternCheck.Position(file, list.Start)}: 'rules' must be a list");
        }

        foreach (var node in ruleList.Children)
        {
            if (node is not YamlMappingNode map)
            {
                throw new ImportException($"{PatternCheck.Position(file, node.Start)}: a prh rule is a mapping with 'expected'");
            }

            var rule = Convert(file, map, log);
            if (rule is not null)
            {
                rules.Add(rule);
                log.Converted.Add($"{rule.Origin}: prh '{rule.Name}' → {rule.Kind} rule");
            }
        }
    }

    private static ImportedRule? Convert(string file, YamlMappingNode map, ImportLog log)
    {
        var origin = PatternCheck.Position(file, map.Start);
        var expected = YamlInput.Scalar(YamlInput.Get(map, "expected"));
        var single = YamlInput.Strings(YamlInput.Get(map, "pattern"));
        var many = YamlInput.Strings(YamlInput.Get(map, "patterns"));
        var name = expected ?? single?.FirstOrDefault() ?? many?.FirstOrDefault() ?? "(unnamed)";
        if (expected is null)
        {
            log.Skip(origin, name, "no 'expected': not converted");
            return null;
        }

        if (single is null || many is null)
        {
            log.Skip(origin, name, "'pattern'/'patterns' must be strings: not converted");
            return null;
        }

        if (YamlInput.Get(map, "regexpMustEmpty") is not null)
        {
            log.Skip(origin, name, "'regexpMustEmpty' (a capture group that must be empty) has no MediaRules equivalent: not converted");
            return null;
        }

        foreach (var key in YamlInput.Keys(map).Where(k => !RuleKeys.Contains(k)))
        {
            log.Skip(origin, name, $"key '{key}' is not converted (ignored)");
        }

        var wordBoundary = false;
        if (YamlInput.Get(map, "options") is YamlMappingNode options)
        {
            wordBoundary = YamlInput.IsTrue(YamlInput.Get(options, "wordBoundary"));
            foreach (var key in YamlInput.Keys(options).Where(k => k != "wordBoundary"))
            {
                log.Skip(origin, name, $"option '{key}' is not converted (ignored)");
            }
        }

        var patterns = single.Concat(many).ToList();
        var hasFix = !Substitution.IsMatch(expected);
        if (!hasFix)
        {
            log.Skip(origin, name, "'expected' uses capture substitutions ($1…), which cannot be a fixed replacement: converted without a fix");
        }

        var description = YamlInput.Scalar(YamlInput.Get(map, "prh"));
        var message = hasFix ? "Use '{suggestion}' rather than '{match}'." : $"Use '{expected}' rather than '{{match}}'.";
        if (!string.IsNullOrWhiteSpace(description))
        {
            message += " " + description.Trim();
        }

        ImportedRule rule;
        if (patterns.Count > 0 && patterns.All(p => !RegexLiteral.IsMatch(p)) && !wordBoundary && hasFix && patterns.All(PatternCheck.IsPlainTerm))
        {
            // Plain strings: prh matches them literally and case-sensitively.
            rule = new ImportedRule
            {
                Name = expected, Origin = origin, Title = $"Use '{expected}' (prh)", Kind = "term", Message = message,
                Description = description ?? $"Imported from the prh dictionary {Path.GetFileName(file)}: {string.Join(", ", patterns)} → {expected}.",
                CaseSensitive = true, Inflect = false,
            };
            foreach (var term in patterns.Distinct(StringComparer.Ordinal).Where(p => p != expected))
            {
                rule.Terms.Add((term, [expected]));
            }

            if (rule.Terms.Count == 0)
            {
                log.Skip(origin, name, "every pattern is the expected form itself: nothing to flag, not converted");
                return null;
            }
        }
        else
        {
            rule = new ImportedRule
            {
                Name = expected, Origin = origin, Title = $"Use '{expected}' (prh)", Kind = "pattern", Message = message,
                Description = description ?? $"Imported from the prh dictionary {Path.GetFileName(file)}: {string.Join(", ", patterns.DefaultIfEmpty(expected))} → {expected}.",
                CaseSensitive = true,
            };
            if (patterns.Count == 0)
            {
                // prh without a pattern flags the expected form written in any other case.
                patterns.Add("/" + Regex.Escape(expected) + "/i");
            }

            foreach (var source in patterns)
            {
                var regex = ToRegex(source, wordBoundary, out var problem);
                problem ??= regex is null ? null : PatternCheck.Problem(regex, caseSensitive: true);
                if (regex is null || problem is not null)
                {
                    log.Skip(origin, name, $"pattern '{source}' not converted: {problem}");
                    continue;
                }

                rule.Patterns.Add(hasFix ? PatternCheck.ExcludingExpected(regex, expected) : regex);
            }

            if (rule.Patterns.Count == 0)
            {
                log.Skip(origin, name, "no pattern could be converted: rule not converted");
                return null;
            }

            if (hasFix)
            {
                rule.Suggestions.Add(expected);
            }
        }

        if (YamlInput.Get(map, "specs") is YamlSequenceNode specs)
        {
            foreach (var spec in specs.Children.OfType<YamlMappingNode>())
            {
                var from = YamlInput.Scalar(YamlInput.Get(spec, "from"));
                var to = YamlInput.Scalar(YamlInput.Get(spec, "to"));
                if (!string.IsNullOrEmpty(from) && from != to)
                {
                    rule.Flag.Add(from);
                }

                if (!string.IsNullOrEmpty(to))
                {
                    rule.Pass.Add(to);
                }
            }
        }

        return rule;
    }

    /// <summary>A prh pattern as a .NET regex: a <c>/…/flags</c> literal keeps its body, a plain string is escaped.</summary>
    private static string? ToRegex(string source, bool wordBoundary, out string? problem)
    {
        problem = null;
        string body;
        var prefix = string.Empty;
        var literal = RegexLiteral.Match(source);
        if (literal.Success)
        {
            body = literal.Groups["body"].Value;
            foreach (var flag in literal.Groups["flags"].Value)
            {
                switch (flag)
                {
                    case 'i': prefix += "i"; break;
                    case 'm': prefix += "m"; break;
                    case 's': prefix += "s"; break;
                    case 'g' or 'u' or 'y': break;
                    default:
                        problem = $"the regex flag '{flag}' has no .NET equivalent";
                        return null;
                }
            }
        }
        else
        {
            body = Regex.Escape(source);
        }

        var regex = prefix.Length > 0 ? $"(?{prefix}:{body})" : $"(?:{body})";
        return wordBoundary ? $@"\b{regex}\b" : regex;
    }
}

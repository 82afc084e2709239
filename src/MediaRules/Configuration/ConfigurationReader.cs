using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MediaRules.Analysis;
using MediaRules.Diagnostics;
using MediaRules.Loading;
using YamlDotNet.RepresentationModel;

namespace MediaRules.Configuration;

/// <summary>Reads <c>.mediarules.yaml</c> strictly: an unknown key or a bad value is an error with its line and column.</summary>
internal static class ConfigurationReader
{
    private static readonly string[] TopKeys = { "packs", "severity", "accept", "minimum-severity", "sections" };
    private static readonly string[] SectionKeys = { "files", "severity", "accept", "minimum-severity" };
    private static readonly string[] Categories =
    {
        DiagnosticCategory.Attribution, DiagnosticCategory.Terminology, DiagnosticCategory.Consistency, DiagnosticCategory.Quotation,
    };

    public static LintConfiguration Read(string yaml, string path)
    {
        var errors = new List<RuleLoadError>();
        var root = YamlSource.Parse(yaml, path, "configuration file", errors);
        if (root is null)
        {
            // An empty file is a valid, empty configuration; anything else recorded an error.
            if (errors.Count == 1 && errors[0].Message.EndsWith("is empty", StringComparison.Ordinal))
            {
                return new LintConfiguration(path, new[] { LintConfiguration.DefaultPacks }, ConfigurationSection.Empty, Array.Empty<ConfigurationSection>());
            }

            throw new RuleLoadException(errors);
        }

        if (root is not YamlMappingNode map)
        {
            throw new RuleLoadException(new[] { YamlSource.ErrorAt(path, root.Start, "a configuration file is a mapping (packs, severity, accept, minimum-severity, sections)") });
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? string.Empty;
        IReadOnlyList<string> packs = new[] { LintConfiguration.DefaultPacks };
        var sections = new List<ConfigurationSection>();
        var settings = ReadSection(map, path, errors, TopKeys, isTop: true, (key, value) =>
        {
            switch (key)
            {
                case "packs":
                    packs = Strings(value, key, path, errors)
                        .Select(p => p == LintConfiguration.DefaultPacks ? p : Path.GetFullPath(Path.Combine(folder, p)))
                        .ToList();
                    break;
                case "sections":
                    if (value is not YamlSequenceNode list)
                    {
                        errors.Add(YamlSource.ErrorAt(path, value.Start, "'sections' must be a list of sections, each with 'files'"));
                        break;
                    }

                    foreach (var item in list.Children)
                    {
                        if (item is not YamlMappingNode sectionMap)
                        {
                            errors.Add(YamlSource.ErrorAt(path, item.Start, "a section is a mapping with 'files' and settings"));
                            continue;
                        }

                        var section = ReadSection(sectionMap, path, errors, SectionKeys, isTop: false, null);
                        if (section.Files is null)
                        {
                            errors.Add(YamlSource.ErrorAt(path, sectionMap.Start, "a section needs 'files' (a glob such as opinion/**/*.md)"));
                        }

                        sections.Add(section);
                    }

                    break;
            }
        });

        if (errors.Count > 0)
        {
            throw new RuleLoadException(errors);
        }

        return new LintConfiguration(path, packs, settings, sections);
    }

    private static ConfigurationSection ReadSection(YamlMappingNode map, string path, List<RuleLoadError> errors, string[] allowed, bool isTop, Action<string, YamlNode>? other)
    {
        string? files = null;
        var severities = new Dictionary<string, DiagnosticSeverity>(StringComparer.Ordinal);
        IReadOnlyList<string> accept = Array.Empty<string>();
        DiagnosticSeverity? minimum = null;
        foreach (var entry in map.Children)
        {
            var key = (entry.Key as YamlScalarNode)?.Value;
            if (key is null || Array.IndexOf(allowed, key) < 0)
            {
                errors.Add(YamlSource.ErrorAt(path, entry.Key.Start, $"unknown key '{key}' in {(isTop ? "a configuration file" : "a section")} (known: {string.Join(", ", allowed)})"));
                continue;
            }

            switch (key)
            {
                case "files":
                    files = Scalar(entry.Value, key, path, errors);
                    break;
                case "accept":
                    accept = Strings(entry.Value, key, path, errors);
                    break;
                case "minimum-severity":
                    minimum = Severity(entry.Value, path, errors);
                    break;
                case "severity":
                    ReadSeverities(entry.Value, path, errors, severities);
                    break;
                default:
                    other?.Invoke(key, entry.Value);
                    break;
            }
        }

        return new ConfigurationSection(files, severities, accept, minimum);
    }

    private static void ReadSeverities(YamlNode node, string path, List<RuleLoadError> errors, Dictionary<string, DiagnosticSeverity> severities)
    {
        if (node is not YamlMappingNode map)
        {
            errors.Add(YamlSource.ErrorAt(path, node.Start, "'severity' maps rule ids (MR1003) or categories (terminology) to severities"));
            return;
        }

        foreach (var entry in map.Children)
        {
            var target = (entry.Key as YamlScalarNode)?.Value;
            if (target is null || (!DiagnosticCategory.IsValidRuleId(target) && Array.IndexOf(Categories, target) < 0))
            {
                errors.Add(YamlSource.ErrorAt(path, entry.Key.Start, $"'{target}' is neither a rule id (MR + four digits) nor a category ({string.Join(", ", Categories)})"));
                continue;
            }

            if (Severity(entry.Value, path, errors) is { } severity)
            {
                severities[target] = severity;
            }
        }
    }

    private static DiagnosticSeverity? Severity(YamlNode node, string path, List<RuleLoadError> errors)
    {
        var text = (node as YamlScalarNode)?.Value;
        if (text is not null && SeverityNames.TryParse(text, out var severity))
        {
            return severity;
        }

        errors.Add(YamlSource.ErrorAt(path, node.Start, $"'{text}' is not a severity (error, warning, suggestion, silent, none)"));
        return null;
    }

    private static string? Scalar(YamlNode node, string key, string path, List<RuleLoadError> errors)
    {
        if (node is YamlScalarNode { Value: { Length: > 0 } value })
        {
            return value;
        }

        errors.Add(YamlSource.ErrorAt(path, node.Start, $"'{key}' must be a non-empty string"));
        return null;
    }

    private static List<string> Strings(YamlNode node, string key, string path, List<RuleLoadError> errors)
    {
        var result = new List<string>();
        if (node is not YamlSequenceNode list)
        {
            errors.Add(YamlSource.ErrorAt(path, node.Start, $"'{key}' must be a list"));
            return result;
        }

        foreach (var item in list.Children)
        {
            if (Scalar(item, key, path, errors) is { } value)
            {
                result.Add(value);
            }
        }

        return result;
    }
}

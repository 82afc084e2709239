using System.Collections.Generic;
using MediaRules.Analysis;
using MediaRules.Rules;
using YamlDotNet.Core;

namespace MediaRules.Loading;

/// <summary>A rule read from a pack, with where each of its keys (and list items) was written, for errors.</summary>
internal sealed class ParsedRule
{
    public ParsedRule(RuleDefinition definition, Dictionary<string, (Mark Key, List<Mark> Items)>? positions)
    {
        Definition = definition;
        Positions = positions;
    }

    public RuleDefinition Definition { get; }

    public Dictionary<string, (Mark Key, List<Mark> Items)>? Positions { get; }

    /// <summary>An error pointing at a key of the rule (or one item of a list), or at the rule itself.</summary>
    public RuleLoadError ErrorAt(string? key, int? index, string message)
    {
        var line = Definition.Line;
        var column = Definition.Column;
        if (key is not null && Positions is not null && Positions.TryGetValue(key, out var at))
        {
            var mark = index is int i && i >= 0 && i < at.Items.Count ? at.Items[i] : at.Key;
            line = (int)mark.Line;
            column = (int)mark.Column;
        }

        return new RuleLoadError(Definition.Source, line, column, $"rule {Definition.Id}: {message}");
    }
}

using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace MediaRules.Cli.Import;

/// <summary>Writes imported rules as a MediaRules pack; every string is double-quoted and escaped.</summary>
internal static class PackWriter
{
    public static string Write(string packName, string description, IReadOnlyList<ImportedRule> rules, int firstId)
    {
        var text = new StringBuilder();
        text.Append("# Written by `mediarules rules import`. Check it, then load it with --rules.\n");
        text.Append("pack: ").Append(Quote(packName)).Append('\n');
        text.Append("description: ").Append(Quote(description)).Append('\n');
        text.Append(rules.Count == 0 ? "rules: []\n" : "rules:\n");
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            text.Append("  # ").Append(OneLine(rule.Origin)).Append(": ").Append(OneLine(rule.Name)).Append('\n');
            text.Append("  - id: MR").Append((firstId + i).ToString("D4", CultureInfo.InvariantCulture)).Append('\n');
            Key(text, "title", rule.Title);
            Key(text, "kind", rule.Kind);
            Key(text, "severity", rule.Severity);
            Key(text, "message", rule.Message);
            if (rule.Description is not null)
            {
                Key(text, "description", rule.Description);
            }

            if (rule.Help is not null)
            {
                Key(text, "help", rule.Help);
            }

            text.Append("    case-sensitive: ").Append(rule.CaseSensitive ? "true" : "false").Append('\n');
            if (rule.Kind == "term")
            {
                text.Append("    inflect: ").Append(rule.Inflect ? "true" : "false").Append('\n');
                text.Append("    terms:\n");
                foreach (var (term, suggest) in rule.Terms)
                {
                    text.Append("      - term: ").Append(Quote(term)).Append('\n');
                    if (suggest.Count > 0)
                    {
                        text.Append("        suggest: ").Append(List(suggest)).Append('\n');
                    }
                }
            }
            else
            {
                text.Append("    patterns:\n");
                foreach (var pattern in rule.Patterns)
                {
                    text.Append("      - ").Append(Quote(pattern)).Append('\n');
                }

                if (rule.Suggestions.Count > 0)
                {
                    Key(text, "suggestions", rule.Suggestions);
                }
            }

            if (rule.Exceptions.Count > 0)
            {
                Key(text, "exceptions", rule.Exceptions);
            }

            if (rule.Flag.Count > 0 || rule.Pass.Count > 0)
            {
                text.Append("    examples:\n");
                if (rule.Flag.Count > 0)
                {
                    text.Append("      flag: ").Append(List(rule.Flag)).Append('\n');
                }

                if (rule.Pass.Count > 0)
                {
                    text.Append("      pass: ").Append(List(rule.Pass)).Append('\n');
                }
            }
        }

        return text.ToString();
    }

    private static void Key(StringBuilder text, string key, string value) => text.Append("    ").Append(key).Append(": ").Append(Quote(value)).Append('\n');

    private static void Key(StringBuilder text, string key, IEnumerable<string> values) => text.Append("    ").Append(key).Append(": ").Append(List(values)).Append('\n');

    private static string List(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(Quote)) + "]";

    private static string OneLine(string text) => text.Replace('\n', ' ').Replace('\r', ' ');

    /// <summary>A YAML double-quoted scalar.</summary>
    internal static string Quote(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF')
                    {
                        text.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        return text.Append('"').ToString();
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using MediaRules.Analysis;
using MediaRules.Text;

namespace MediaRules.Tests;

/// <summary>Shared helpers: the default linter (built once), the seed article, and span markup.</summary>
internal static class TestSupport
{
    private static readonly Lazy<Linter> DefaultLinter = new(Linter.CreateDefault);

    public static Linter Default => DefaultLinter.Value;

    /// <summary>Every pattern of the default packs' pattern rules, in order.</summary>
    public static string[] DefaultPatterns => Default.Rules.Where(r => r.Kind == "pattern").SelectMany(r => r.Patterns).ToArray();

    public static string SeedPath => Path.Combine(AppContext.BaseDirectory, "seeds", "000_31195212ecc3b151.txt");

    public static string SeedText => File.ReadAllText(SeedPath);

    public static string RulesDirectory => Path.Combine(AppContext.BaseDirectory, "rules");

    /// <summary>Removes <c>{|…|}</c> markers from a text and returns the spans they marked.</summary>
    public static (string Text, List<TextSpan> Spans) ParseMarkup(string markup)
    {
        var text = new StringBuilder(markup.Length);
        var spans = new List<TextSpan>();
        var open = -1;
        for (var i = 0; i < markup.Length; i++)
        {
            if (i + 1 < markup.Length && markup[i] == '{' && markup[i + 1] == '|')
            {
                open = text.Length;
                i++;
            }
            else if (i + 1 < markup.Length && markup[i] == '|' && markup[i + 1] == '}' && open >= 0)
            {
                spans.Add(TextSpan.FromBounds(open, text.Length));
                open = -1;
                i++;
            }
            else
            {
                text.Append(markup[i]);
            }
        }

        return (text.ToString(), spans);
    }
}

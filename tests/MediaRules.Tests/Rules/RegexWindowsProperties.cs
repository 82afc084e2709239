using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MediaRules.Matching;
using Xunit;

namespace MediaRules.Tests.Rules;

/// <summary>
/// A pattern read over the windows around its literals (<see cref="RegexWindows"/>) finds exactly the matches it finds
/// over the whole paragraph.
/// </summary>
public class RegexWindowsProperties
{
    private static readonly string[] DefaultPatterns = TestSupport.DefaultPatterns;

    // Shapes the default patterns do not all have: bounded and unbounded prefixes and suffixes, classes, '.', a literal
    // inside a one-branch group, literals that overlap.
    private static readonly string[] OtherPatterns =
    {
        @"\b(the|armed)\s+(?<match>resistance)\b",
        @"\bthe\s+(?<match>aggression)\s+and\s+(\w+\s+)?(invasion|war)",
        @"[,""”]\s*(he|she|[A-Z][\w-]+)\s+(?<match>claimed|admitted)\b",
        @"\d{1,3}\s?(metres|miles)\b",
        @"[a-c]{0,4}-?(?<match>point)s?",
        @"foo[^x]*bar",
        @"x.{2,5}?needle\b",
        @"(ab|cd)?(?:(?<match>kiev))(an)?",
        @"\w+ (?<match>said|says|saying)",
        @"(an|ana)?(banana|nana)[a-z]{0,2}",
        "[\u00C0-\u212Ax]{0,3}(?<match>kelvin)",
        @"(\s*,){2}(?<match>toll)\s*\)?",
    };

    private static readonly string[] Fragments =
    {
        " ", "  ", "\t", "\u00A0", "the", "The", "armed", "resistance", "Resistance", "aggression", "and", "war", "invasion",
        "claimed", "CLAIMED", "admitted", "he", "She", "Smith-Jones", "said", "says", "12", "3", "metres", "miles", "point",
        "points", "abc", "-", "foo", "bar", "x", "needle", "kiev", "Kiev", "an", "ab", "cd", "banana", "nana", "ana", "kelvin",
        "\u212Aelvin", "\u212A", "ſ", "İ", "é", "toll", ",", ".", "\"", "”", ")", "(", "resistance,", "x-", "\n",
    };

    // The backtracking engine, whose reading of a pattern the linear-time one follows, except where it drops a match
    // after an optional element near where its search starts ("[a-c]{0,4}-?point" over "a- point x bpoint" finds only "bpoint": dotnet/runtime#130176);
    // the windows' claim is about the pattern, so the property checks it against the engine without that fault.
    private static readonly Regex[] Compiled = DefaultPatterns.Concat(OtherPatterns)
        .Select(p => new Regex(p, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase, TimeSpan.FromSeconds(10))).ToArray();

    [Fact]
    public void The_default_patterns_with_a_literal_after_a_prefix_get_windows()
    {
        // The two patterns whose literal follows a list of words, which the engine otherwise reads from every word on.
        var windowed = DefaultPatterns.Count(p => RegexPrefilter.Create(p, true) is { } f && RegexWindows.Create(p, true, f.Literals) is not null);
        Assert.True(windowed * 2 >= DefaultPatterns.Length, $"{windowed} of {DefaultPatterns.Length}");
        var resistance = DefaultPatterns.First(p => p.Contains("Hezbollah)\\s+(?<match>resistance)", StringComparison.Ordinal));
        var windows = new List<(int Start, int End)>();
        const string Paragraph = "Aid reached Gaza on Monday. Officials in the north said the Palestinian resistance had agreed.";
        Assert.True(Windows(resistance, Paragraph, windows));
        // From the first character back that the words before the literal cannot hold ("f": "Of|ficials"), to one past it.
        var window = Assert.Single(windows);
        Assert.Equal((Paragraph.IndexOf("ficials", StringComparison.Ordinal) + 1, Paragraph.IndexOf(" had", StringComparison.Ordinal) + 1), window);
    }

    [Fact]
    public void Constructs_the_reading_does_not_follow_give_no_windows()
    {
        Assert.Null(RegexWindows.Create(@"^the\s+resistance", true, new[] { "resistance" })); // an anchor
        Assert.Null(RegexWindows.Create(@"the\s+resistance|war", true, new[] { "resistance" })); // alternation at the top
        Assert.Null(RegexWindows.Create(@"(?i)the\s+resistance", true, new[] { "resistance" })); // inline options
        Assert.Null(RegexWindows.Create(@"the\s+(resistance)?", true, new[] { "resistance" })); // an optional literal
        Assert.Null(RegexWindows.Create(@"(\w)\1resistance", true, new[] { "resistance" })); // a backreference
        Assert.Null(RegexWindows.Create(@"the\s+resistance", true, new[] { "war" })); // literals the pattern does not have
    }

    [Fact]
    public void A_paragraph_with_a_character_case_folding_may_equate_with_a_letter_is_read_whole()
    {
        // "\u212A" (Kelvin sign) matches "k" case-insensitively; the ordinal search finds no literal there.
        Assert.False(Windows(@"(ab|cd)?(?:(?<match>kiev))(an)?", "the \u212Aiev road and the kiev one", new List<(int Start, int End)>()));
    }

    [Property(MaxTest = 400)]
    public Property Windows_find_the_matches_of_the_whole_paragraph() =>
        Prop.ForAll(Gen.ArrayOf(Gen.Elements(Fragments)).Select(parts => string.Concat(parts.Select((p, i) => i % 3 == 2 ? p : p + " "))).ToArbitrary(), text =>
        {
            var patterns = DefaultPatterns.Concat(OtherPatterns).ToArray();
            var windows = new List<(int Start, int End)>();
            for (var i = 0; i < patterns.Length; i++)
            {
                if (!Windows(patterns[i], text, windows))
                {
                    continue;
                }

                var whole = Compiled[i].EnumerateMatches(text).ToList();
                var windowed = new List<(int, int)>();
                foreach (var (start, end) in windows)
                {
                    foreach (var match in Compiled[i].EnumerateMatches(text.AsSpan(0, end), start))
                    {
                        windowed.Add((match.Index, match.Length));
                    }
                }

                if (!whole.SequenceEqual(windowed))
                {
                    return false.Label($"{patterns[i]}: whole {string.Join(" ", whole)}, windowed {string.Join(" ", windowed)}, windows {string.Join(" ", windows)}");
                }
            }

            return true.ToProperty();
        });

    [Property(MaxTest = 1000)]
    public Property Reading_any_pattern_never_throws() =>
        Prop.ForAll(
            Gen.ArrayOf(Gen.Elements("(", ")", "(?:", "(?<m>", "(?'m'", "(?=", "[", "]", "[^", "\\", "\\b", "\\w", "\\p{L}", "\\u00e9", "-", "|", "*", "+", "?", "{", "}", "{2}", "{1,3}", "{2,}", ",", "a", "abc", "resistance", "é", "\u212A", "^", "$", ".", " ")).Select(string.Concat).ToArbitrary(),
            pattern =>
            {
                // Whatever a rule file holds (the engine rejects invalid patterns later, at load): no windows, or windows.
                _ = RegexWindows.Create(pattern, true, new[] { "resistance" });
                _ = RegexWindows.Create(pattern, false, new[] { "abc" });
                return true;
            });

    [Fact]
    public void The_property_sees_windows_that_leave_text_out()
    {
        // Not vacuous: on ordinary text, most patterns with windows read less than the paragraph.
        const string Text = "Reports said the armed resistance claimed that 12 miles of road, the aggression and war, had ended. Smith-Jones said the kiev plan was set.";
        var windows = new List<(int Start, int End)>();
        var narrowed = OtherPatterns.Count(p => Windows(p, Text, windows) && windows.Sum(w => w.End - w.Start) < Text.Length / 2);
        Assert.True(narrowed >= 5, $"{narrowed}");
    }

    private static bool Windows(string pattern, string text, List<(int Start, int End)> windows)
    {
        if (RegexPrefilter.Create(pattern, true) is not { } prefilter || RegexWindows.Create(pattern, true, prefilter.Literals) is not { } plan)
        {
            windows.Clear();
            return false;
        }

        var positions = new List<int>();
        prefilter.FindCandidates(text, new MediaRules.Text.TextSpan(0, text.Length), positions.Add);
        positions.Sort();
        return plan.TryFind(text.AsSpan(), 0, positions.ToArray(), windows);
    }
}

/// <summary>Matches found over windows, as a list (a regex's span enumerator is a ref struct).</summary>
internal static class ValueMatchLists
{
    public static List<(int Index, int Length)> ToList(this Regex.ValueMatchEnumerator matches)
    {
        var list = new List<(int Index, int Length)>();
        foreach (var match in matches)
        {
            list.Add((match.Index, match.Length));
        }

        return list;
    }
}

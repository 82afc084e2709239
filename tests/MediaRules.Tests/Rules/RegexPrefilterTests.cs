using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MediaRules.Matching;
using Xunit;

namespace MediaRules.Tests.Rules;

/// <summary>A pattern's prefilter only ever skips text the pattern cannot match.</summary>
public class RegexPrefilterTests
{
    private static readonly string[] DefaultPatterns = TestSupport.DefaultPatterns;

    private static readonly string[] Fragments =
    {
        " ", "  ", "the", "The", "claimed", "CLAIMED", "insisted that", "that", "he", "at least", "40", "1,200", "people",
        "were", "killed", "KILLED", "death toll", "has risen to", "3,000", "resistance", "Hamas", "fighters", "aggression",
        "Israeli", "against", "Gaza", "eliminated", "neutralised", "commanders", "\u212Ailled", "\u017Faid", "claımed",
        "İnsisted", "dozens of", "civilians", ",", ".", "-", "\u00AD", "\u2028",
    };

    [Fact]
    public void Literals_are_read_off_common_shapes()
    {
        Assert.Equal(new[] { "resistance" }, RegexPrefilter.Create(@"\bthe\s+(?<match>resistance)\b", true)!.Literals);
        Assert.Equal(new[] { "claimed", "admitted" }, RegexPrefilter.Create(@"\b(?<match>claimed|admitted)\s+that\b", true)!.Literals); // the longer requirement
        Assert.Equal(new[] { "claimed", "admitted" }, RegexPrefilter.Create(@"\b(?<match>claimed|admitted)\s+(it|he)\b", true)!.Literals);
        Assert.Equal(new[] { "death toll" }, RegexPrefilter.Create(@"\b(?<match>death toll\s+(has\s+)?risen)", true)!.Literals.Take(1));
        Assert.Null(RegexPrefilter.Create(@"\b[A-Z]{2,5}\b", true)); // nothing literal
        Assert.Null(RegexPrefilter.Create(@"(?i)abc|x", true)); // inline options and a short branch: not read
        Assert.Null(RegexPrefilter.Create(@"abc|\d+", true)); // a branch that requires nothing
        Assert.Equal(new[] { "ggression" }, RegexPrefilter.Create(@"\b(?<match>[Aa]ggression)\s+(on|against)", true)!.Literals); // a class ends a literal run
    }

    [Fact]
    public void Most_default_patterns_get_a_prefilter()
    {
        var filtered = DefaultPatterns.Count(p => RegexPrefilter.Create(p, true) is not null);
        Assert.True(filtered * 2 >= DefaultPatterns.Length, $"{filtered} of {DefaultPatterns.Length}");
    }

    [Property(MaxTest = 300)]
    public Property A_text_the_pattern_matches_always_holds_a_candidate() =>
        Prop.ForAll(Gen.ArrayOf(Gen.Elements(Fragments)).Select(parts => string.Join(" ", parts)).ToArbitrary(), text =>
            DefaultPatterns.All(pattern =>
            {
                var prefilter = RegexPrefilter.Create(pattern, true);
                if (prefilter is null)
                {
                    return true;
                }

                var regex = new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase);
                var candidates = new List<int>();
                prefilter.FindCandidates(text, new MediaRules.Text.TextSpan(0, text.Length), candidates.Add);
                return regex.Matches(text).All(m => candidates.Any(c => c >= m.Index && c < m.Index + m.Length));
            }));

    [Fact]
    public void Candidates_are_searched_in_the_range_only_and_given_at_their_places_in_the_text()
    {
        // A stretch's model searches its own lines: the occurrences outside the range are not candidates.
        var prefilter = RegexPrefilter.Create("\\b(?<match>claimed|insisted)\\s+that\\b", true)!;
        const string Text = "He claimed that.\nShe insisted that.\nThey claimed that.\n";
        var second = Text.IndexOf("She", System.StringComparison.Ordinal);
        var third = Text.IndexOf("They", System.StringComparison.Ordinal);
        var candidates = new List<int>();
        prefilter.FindCandidates(Text, MediaRules.Text.TextSpan.FromBounds(second, third), candidates.Add);
        Assert.NotEmpty(candidates);
        Assert.All(candidates, c => Assert.InRange(c, second, third - 1));
        Assert.Contains(candidates, c => Text.Substring(c).StartsWith("insisted that", System.StringComparison.Ordinal) || Text.Substring(c).StartsWith("that", System.StringComparison.Ordinal));
    }

    [Property(MaxTest = 200)]
    public Property Case_traps_found_once_give_the_candidates_a_search_of_its_own_gives() =>
        Prop.ForAll(
            Gen.ArrayOf(Gen.Elements(Fragments)).Select(parts => string.Join(" ", parts)).ToArbitrary(),
            Gen.Choose(0, 100).ToArbitrary(),
            Gen.Choose(0, 100).ToArbitrary(),
            (text, a, b) =>
            {
                // A model finds the traps of all its paragraphs once; each prefilter keeps those in its own range.
                var from = text.Length * System.Math.Min(a, b) / 100;
                var to = text.Length * System.Math.Max(a, b) / 100;
                var range = MediaRules.Text.TextSpan.FromBounds(from, to);
                var traps = RegexPrefilter.FindCaseTraps(text, new MediaRules.Text.TextSpan(0, text.Length));
                return DefaultPatterns.All(pattern =>
                {
                    var prefilter = RegexPrefilter.Create(pattern, true);
                    if (prefilter is null)
                    {
                        return true;
                    }

                    var own = new List<int>();
                    var shared = new List<int>();
                    prefilter.FindCandidates(text, range, own.Add);
                    prefilter.FindCandidates(text, range, shared.Add, traps);
                    return own.SequenceEqual(shared);
                });
            });

    [Fact]
    public void A_model_finds_the_case_traps_of_its_paragraphs()
    {
        const string Text = "The \u212Aelvin scale.\nA \u017Fign of \u0130stanbul.\n";
        var model = MediaRules.Documents.DocumentModel.Create(MediaRules.Text.SourceText.From(Text));
        Assert.Equal(new[] { Text.IndexOf('\u212A'), Text.IndexOf('\u017F'), Text.IndexOf('\u0130') }, model.RegexCaseTraps);
        Assert.Same(model.RegexCaseTraps, model.RegexCaseTraps);
    }

    [Property(MaxTest = 200)]
    public Property A_rule_s_prefilters_searched_at_once_find_what_each_finds_alone() =>
        Prop.ForAll(Gen.ArrayOf(Gen.Elements(Fragments)).Select(parts => string.Join(" ", parts)).ToArbitrary(), text =>
        {
            var range = new MediaRules.Text.TextSpan(0, text.Length);
            var sets = TestSupport.Default.Rules.Where(r => r.Kind == "pattern")
                .Select(r => r.Patterns.Select(p => RegexPrefilter.Create(p, !r.CaseSensitive)).OfType<RegexPrefilter>().ToArray())
                .Append(new[] { RegexPrefilter.Create("claimed that", true)!, RegexPrefilter.Create("killed", false)! }); // case alike or not
            foreach (var prefilters in sets)
            {
                var set = new RegexPrefilterSet(prefilters);
                var together = set.FindCandidates(text, range, null);
                for (var i = 0; i < set.Prefilters.Count; i++)
                {
                    var alone = new List<int>();
                    set.Prefilters[i].FindCandidates(text, range, alone.Add);
                    alone.Sort();
                    if (!alone.SequenceEqual(together[i]))
                    {
                        return false.Label($"{string.Join("|", set.Prefilters[i].Literals)}: alone {string.Join(" ", alone)}, together {string.Join(" ", together[i])}");
                    }
                }
            }

            return true.ToProperty();
        });
}

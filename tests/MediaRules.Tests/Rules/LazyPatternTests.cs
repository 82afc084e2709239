using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using MediaRules.Analysis;
using MediaRules.Rules;
using MediaRules.Rules.Kinds;
using MediaRules.Text;
using Xunit;

namespace MediaRules.Tests.Rules;

/// <summary>
/// A pattern rule checks its patterns when the pack loads but builds each linear-time regex only when a paragraph first
/// needs it; the results are those of the regex built up front, from any number of threads.
/// </summary>
public class LazyPatternTests
{
    // Each test uses patterns of its own (a unique literal), so the process-wide regex cache shares nothing between them.
    private static string Unique() => "q" + Guid.NewGuid().ToString("N").Substring(0, 8);

    private static string Pack(string id, params string[] patterns) =>
        $"""
        rules:
          - id: {id}
            title: Test pattern
            kind: pattern
            message: "'{"{match}"}'"
            patterns:
        {string.Join("\n", patterns.Select(p => $"      - '{p.Replace("'", "''", StringComparison.Ordinal)}'"))}
        """;

    private static bool IsBuilt(string pattern, bool caseSensitive = false) =>
        PatternRuleKind.CompileLazily(pattern, caseSensitive, 0).IsValueCreated;

    [Fact]
    public void Building_a_linter_builds_no_regex_and_a_text_without_candidates_never_does()
    {
        var word = Unique();
        var pattern = $@"\b(?<match>{word})\s+(said|told)\b";
        var linter = new LinterBuilder().AddRules(Pack("MR2990", pattern), "lazy.yaml").Build();
        Assert.False(IsBuilt(pattern));

        var none = linter.Analyze(SourceText.From("Nothing here is what the pattern needs.\n\nNor here, said the minister."));
        Assert.Empty(none.Diagnostics);
        Assert.False(IsBuilt(pattern));

        var some = linter.Analyze(SourceText.From($"First paragraph.\n\nThen {word} said so."));
        var diagnostic = Assert.Single(some.Diagnostics);
        Assert.Equal(word, some.Text.ToString(diagnostic.Location.SourceSpan));
        Assert.True(IsBuilt(pattern));
    }

    [Theory]
    [InlineData(@"(\w+)\s+\1")] // a backreference
    [InlineData(@"(?<=the\s)resistance")] // a lookbehind
    [InlineData(@"(?!x)resistance")] // a negative lookahead
    [InlineData(@"(?>resist)ance")] // an atomic group
    [InlineData(@"((resistance){100}){100}")] // over the engine's size limit
    [InlineData(@"(resistance")] // a syntax error
    [InlineData(@"resistance[")] // a syntax error
    public void A_bad_pattern_is_reported_at_load_with_its_position_even_if_no_text_would_reach_it(string bad)
    {
        var yaml = Pack("MR2991", @"\bfine\b", bad);
        var ex = Assert.Throws<RuleLoadException>(() => new LinterBuilder().AddRules(yaml, "bad.yaml").Build());
        var error = Assert.Single(ex.Errors);
        Assert.Equal("bad.yaml", error.Source);
        Assert.Equal(8, error.Line);
        Assert.Equal(9, error.Column);
        Assert.Contains("MR9002", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_load_time_errors_are_those_of_the_linear_time_engine()
    {
        foreach (var bad in new[] { @"(\w+)\s+\1", @"(?<=a)b", @"(abc", @"a{2,1}", @"((ab){100}){100}" })
        {
            var expected = Assert.ThrowsAny<Exception>(() => new Regex(bad, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase | RegexOptions.NonBacktracking));
            var actual = Assert.Throws<RuleDefinitionException>(() => PatternRuleKind.CompileLazily(bad, false, 3));
            Assert.Equal(3, actual.Index);
            Assert.EndsWith(expected.Message, actual.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(@"(\w+)\s+\1")]
    [InlineData(@"(?<a>x)\k<a>")]
    [InlineData(@"(?=x)y")]
    [InlineData(@"(?!x)y")]
    [InlineData(@"(?<=x)y")]
    [InlineData(@"(?<!x)y")]
    [InlineData(@"(?>x+)y")]
    [InlineData(@"(?(x)y|z)")]
    [InlineData(@"(?<a>x)(?<b-a>y)")]
    [InlineData(@"\Gx")]
    [InlineData(@"((ab){100}){100}")]
    [InlineData(@"(a|b|c){5000}")]
    [InlineData(@"[]a]{5000}")]
    [InlineData(@"[a-z-[aeiou]]{5000}")]
    [InlineData(@"(?i)x")] // inline options: supported, but not read, so built at load
    public void What_the_check_does_not_surely_accept_is_built_at_load(string pattern)
    {
        Assert.False(PatternRuleKind.NonBacktrackingCheck.IsSurelySupported(pattern));
    }

    [Fact]
    public void Every_default_pattern_is_surely_supported_and_so_built_lazily()
    {
        var patterns = TestSupport.Default.Rules.Where(r => r.Kind == "pattern").SelectMany(r => r.Patterns).ToList();
        Assert.NotEmpty(patterns);
        Assert.All(patterns, p => Assert.True(PatternRuleKind.NonBacktrackingCheck.IsSurelySupported(p), p));
    }

    [Fact]
    public void Patterns_the_check_accepts_are_accepted_by_the_linear_time_engine()
    {
        // Patterns near the check's edges: whatever it accepts, the engine must build.
        var patterns = new[]
        {
            @"(?:abc)+", @"(?'n'abc)", @"(?<n1>a|b)c", @"x{5,}", @"a{1,2}?b", @"[\]\[a-z]{1,40}", @"\p{L}+\s\P{Lu}",
            @"(a{1,10}){1,10}", @"\bthe\s+[A-Z][\w-]+(\s+[A-Z][\w-]+){0,2}\b", @"\d[\d,.]*\s+(hundred|thousand)", @"a{,5}", @"\x41\u0042",
        };
        foreach (var pattern in patterns.Where(PatternRuleKind.NonBacktrackingCheck.IsSurelySupported))
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase | RegexOptions.NonBacktracking);
        }
    }

    [Fact]
    public async Task Concurrent_first_use_from_many_threads_gives_the_results_of_an_eager_regex()
    {
        var word = Unique();
        var patterns = new[]
        {
            $@"\b(?<match>{word}ed|{word}s)\s+(that|the|a)\b",
            $@",\s*(he|she|they|[A-Z][\w-]+)\s+(?<match>{word}ed)\b",
            $@"\b(?<match>{word})\s+[A-Za-z ]{{1,40}}?\s+(rose|fell)",
        };
        var linter = new LinterBuilder().AddRules(Pack("MR2992", patterns), "lazy.yaml").Build();
        Assert.All(patterns, p => Assert.False(IsBuilt(p)));

        var paragraphs = new List<string>();
        for (var i = 0; i < 60; i++)
        {
            paragraphs.Add(i % 3 == 0
                ? $"Officials {word}ed that the vote was fair and, as expected, they {word}ed again. The {word} count then rose."
                : i % 3 == 1 ? $"The {word}s the officials gave were many, and {word} prices fell." : "Nothing to see in this paragraph.");
        }

        var text = string.Join("\n\n", paragraphs);
        var expected = Expected(text, patterns);
        Assert.NotEmpty(expected);

        const int Threads = 16;
        var results = new (int Start, int Length)[Threads][];
        using var start = new Barrier(Threads);
        var tasks = Enumerable.Range(0, Threads).Select(t => Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait();
                results[t] = linter.Analyze(SourceText.From(text)).Diagnostics
                    .Select(d => (d.Location.SourceSpan.Start, d.Location.SourceSpan.Length)).ToArray();
            },
            TaskCreationOptions.LongRunning)).ToArray();
        await Task.WhenAll(tasks);

        Assert.All(results, r => Assert.Equal(expected, r));
        Assert.All(patterns, p => Assert.True(IsBuilt(p)));
    }

    // What each pattern finds, run eagerly paragraph by paragraph, in the linter's order (the texts are all in the writer's voice).
    private static (int Start, int Length)[] Expected(string text, string[] patterns)
    {
        var found = new List<(int Start, int Length)>();
        var at = 0;
        foreach (var paragraph in text.Split("\n\n"))
        {
            foreach (var pattern in patterns)
            {
                var regex = new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase | RegexOptions.NonBacktracking);
                for (var m = regex.Match(text, at, paragraph.Length); m.Success; m = m.NextMatch())
                {
                    var g = m.Groups["match"].Success ? m.Groups["match"] : (Group)m;
                    found.Add((g.Index, g.Length));
                }
            }

            at += paragraph.Length + 2;
        }

        return found.OrderBy(f => f.Start).ThenBy(f => f.Length).ToArray();
    }
}

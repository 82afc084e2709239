using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MediaRules.Analysis;
using MediaRules.Rules;
using MediaRules.Rules.Kinds;
using MediaRules.Text;
using Xunit;

namespace MediaRules.Tests.Rules;

/// <summary>
/// Pattern rules take a match's bounds from the engine's automata and its group <c>match</c> from a memo of earlier
/// matches with the same characters and neighbours (<see cref="CaptureMemo"/>); a pattern without that group needs no
/// group pass at all. Either way they report exactly what the engine's full matches give.
/// </summary>
public class CaptureMemoProperties
{
    // Pieces that the default patterns match, glued together with no separator as often as with one, so that a match's
    // neighbours are letters, punctuation, quotation marks and paragraph ends.
    private static readonly string[] Fragments =
    {
        " ", " ", "\n", ",", ".", "\"", "“", "”", "x", "Mr", "the", "claimed that", "insisted the vote was fair", ", he claimed",
        "admitted", "Israeli aggression", "aggression against the", "Aggression on the West", "the aggression and the invasion",
        "at least 30 people were killed", "killed 27 people", "resistance fighters", "Palestinian resistance",
        "death toll has risen to 40", "slammed the decision", "eliminated a commander", "officials said", "reportedly",
    };

    private static readonly Lazy<(Linter Memo, Linter Reference)> Linters = new(() =>
    {
        var memo = new LinterBuilder();
        var reference = new LinterBuilder();
        foreach (var definition in TestSupport.Default.Rules.Where(r => r.Kind == "pattern"))
        {
            memo.AddRule(definition);
            reference.AddRule(WithPatterns(definition, definition.Patterns.Select(Reference).ToList()));
        }

        return (memo.Build(), reference.Build());
    });

    [Property(MaxTest = 300)]
    public Property Remembered_groups_and_bare_bounds_report_what_full_matches_report() =>
        Prop.ForAll(Gen.ArrayOf(Gen.Elements(Fragments)).Select(string.Concat).ToArbitrary(), text =>
        {
            var (memo, reference) = Linters.Value;
            var source = SourceText.From(text);
            var expected = Show(reference.Analyze(source));
            var first = Show(memo.Analyze(source)); // fills the memo
            var second = Show(memo.Analyze(source)); // reads it
            return first.SequenceEqual(expected) && second.SequenceEqual(expected);
        });

    [Fact]
    public void The_reference_patterns_report_the_default_examples_too()
    {
        // The reference is itself right: the default rules' own examples come out the same through it.
        var (memo, reference) = Linters.Value;
        var examples = TestSupport.Default.Rules.Where(r => r.Kind == "pattern").SelectMany(r => r.Examples.Flag.Concat(r.Examples.Pass)).ToList();
        Assert.NotEmpty(examples);
        var flagged = 0;
        foreach (var example in examples)
        {
            var source = SourceText.From(example.Replace("{|", string.Empty, StringComparison.Ordinal).Replace("|}", string.Empty, StringComparison.Ordinal));
            var expected = Show(reference.Analyze(source));
            flagged += expected.Count;
            Assert.Equal(expected, Show(memo.Analyze(source)));
            Assert.Equal(expected, Show(memo.Analyze(source)));
        }

        Assert.True(flagged > 10);
    }

    [Fact]
    public void A_match_is_remembered_with_its_neighbours_and_only_for_patterns_that_look_no_further()
    {
        var memo = CaptureMemo.For(@"\b(?<match>claimed)\s+that\b")!;
        const string Paragraph = "He claimed that. Xclaimed that";
        memo.Add(Paragraph.AsSpan(), 3, 12, 0, 7);
        Assert.True(memo.TryGet(Paragraph.AsSpan(), 3, 12, out var start, out var length));
        Assert.Equal((0, 7), (start, length));

        // The same characters with another neighbour before them, or at the paragraph's start, are not the same key.
        Assert.False(memo.TryGet(Paragraph.AsSpan(), 18, 12, out _, out _));
        Assert.False(memo.TryGet("claimed that.".AsSpan(), 0, 12, out _, out _));
        Assert.False(memo.TryGet("I claimed that, ".AsSpan(), 2, 12, out _, out _)); // ',' after it, not '.'
        Assert.True(memo.TryGet("a claimed that.".AsSpan(), 2, 12, out _, out _));

        Assert.Null(CaptureMemo.For("^claimed"));
        Assert.Null(CaptureMemo.For(@"claimed\z"));
        Assert.Null(CaptureMemo.For("claimed$"));
        Assert.Null(CaptureMemo.For(@"\Gclaimed"));
    }

    // The same pattern with the memo and the bounds-only pass ruled out: "(?:$)?" (an optional anchor) matches nothing
    // more, but a pattern with an anchor is never remembered; a pattern without a group "match" gets one around it all.
    private static string Reference(string pattern) =>
        (pattern.Contains("(?<match>", StringComparison.Ordinal) ? "(?:" + pattern + ")" : "(?<match>" + pattern + ")") + "(?:$)?";

    private static List<string> Show(AnalysisResult result) =>
        result.Diagnostics.Select(d => $"{d.Id} {d.Location.SourceSpan} {d.Severity} {d.Message}").ToList();

    private static RuleDefinition WithPatterns(RuleDefinition d, IReadOnlyList<string> patterns) => new()
    {
        Id = d.Id,
        Title = d.Title,
        Kind = d.Kind,
        Severity = d.Severity,
        Message = d.Message,
        Description = d.Description,
        Help = d.Help,
        References = d.References,
        Terms = d.Terms,
        Patterns = patterns,
        CaseSensitive = d.CaseSensitive,
        Inflect = d.Inflect,
        Suggestions = d.Suggestions,
        Scope = d.Scope,
        Examples = d.Examples,
        Options = d.Options,
        Source = d.Source,
        Line = d.Line,
        Column = d.Column,
    };
}

using System.Collections.Generic;
using System.Linq;
using MediaRules.Rules;
using MediaRules.Text;
using Xunit;

namespace MediaRules.Tests.Rules;

/// <summary>
/// Runs the examples every shipped rule carries (as prh and LanguageTool do): each "flag" example must be flagged
/// by that rule — exactly at the spans marked {|like this|} when marked — and each "pass" example must not be.
/// </summary>
public class RuleExamplesTests
{
    public static TheoryData<string, string> FlagExamples() => Examples(d => d.Examples.Flag);

    public static TheoryData<string, string> PassExamples() => Examples(d => d.Examples.Pass);

    [Theory]
    [MemberData(nameof(FlagExamples))]
    public void Flag_example_is_flagged(string ruleId, string example)
    {
        var (text, spans) = TestSupport.ParseMarkup(example);
        var found = TestSupport.Default.Analyze(SourceText.From(text)).Diagnostics
            .Where(d => d.Id == ruleId).Select(d => d.Location.SourceSpan).ToList();

        Assert.True(found.Count > 0, $"{ruleId} did not flag: {text}");
        if (spans.Count > 0)
        {
            Assert.Equal(spans.OrderBy(s => s.Start), found.OrderBy(s => s.Start));
        }
    }

    [Theory]
    [MemberData(nameof(PassExamples))]
    public void Pass_example_is_not_flagged(string ruleId, string example)
    {
        var found = TestSupport.Default.Analyze(SourceText.From(example)).Diagnostics.Where(d => d.Id == ruleId).ToList();
        Assert.True(found.Count == 0, $"{ruleId} flagged '{example}': {string.Join("; ", found)}");
    }

    [Fact]
    public void Every_shipped_rule_has_examples_help_and_references()
    {
        var rules = TestSupport.Default.Rules;
        Assert.NotEmpty(rules);
        foreach (var rule in rules)
        {
            Assert.True(rule.Examples.Flag.Count > 0, $"{rule.Id} has no 'flag' example");
            Assert.True(rule.Examples.Pass.Count > 0, $"{rule.Id} has no 'pass' example");
            Assert.False(string.IsNullOrWhiteSpace(rule.Help), $"{rule.Id} has no help link");
            Assert.True(rule.References.Count > 0, $"{rule.Id} cites no guidance");
            Assert.False(string.IsNullOrWhiteSpace(rule.Description), $"{rule.Id} has no description");
        }
    }

    private static TheoryData<string, string> Examples(System.Func<RuleDefinition, IReadOnlyList<string>> select)
    {
        var data = new TheoryData<string, string>();
        foreach (var rule in TestSupport.Default.Rules)
        {
            foreach (var example in select(rule))
            {
                data.Add(rule.Id, example);
            }
        }

        return data;
    }
}

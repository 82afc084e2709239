using System.Linq;
using MediaRules.Analysis;
using MediaRules.Suppression;
using MediaRules.Text;
using Xunit;

namespace MediaRules.Tests.Suppression;

public class InlineSuppressionsTests
{
    private static AnalysisResult Lint(string text)
    {
        var source = SourceText.From(text);
        return InlineSuppressions.Apply(TestSupport.Default.Analyze(source, "a.txt"), source);
    }

    [Fact]
    public void Next_line_directive_suppresses_the_next_line_with_text_and_keeps_the_reason()
    {
        var result = Lint("<!-- mediarules-disable-next-line MR1001 -- quoted from the court record -->\n\nThe minister reportedly resigned.\nThe mayor reportedly left.\n");
        var findings = result.Diagnostics.Where(d => d.Id == "MR1001").ToList();
        Assert.Equal(2, findings.Count);
        Assert.True(findings[0].IsSuppressed);
        Assert.Equal("quoted from the court record", findings[0].Suppression!.Justification);
        Assert.False(findings[1].IsSuppressed);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "MR9005");
    }

    [Fact]
    public void Disable_block_ends_at_its_enable()
    {
        var result = Lint("<!-- mediarules-disable MR1001 -->\nThe minister reportedly resigned.\n<!-- mediarules-enable MR1001 -->\nThe mayor reportedly left.\n");
        var findings = result.Diagnostics.Where(d => d.Id == "MR1001").ToList();
        Assert.Equal(new[] { true, false }, findings.Select(d => d.IsSuppressed));
    }

    [Fact]
    public void Directive_without_ids_applies_to_every_rule_and_only_named_ids_otherwise()
    {
        var all = Lint("<!-- mediarules-disable -->\nThe minister reportedly claimed that the terrorists fled.\n");
        Assert.All(all.Diagnostics, d => Assert.True(d.IsSuppressed));
        Assert.True(all.Diagnostics.Count >= 3);

        var one = Lint("<!-- mediarules-disable MR2002 -->\nThe minister reportedly claimed that the terrorists fled.\n");
        Assert.True(Assert.Single(one.Diagnostics, d => d.Id == "MR2002").IsSuppressed);
        Assert.False(Assert.Single(one.Diagnostics, d => d.Id == "MR1001").IsSuppressed);
    }

    [Fact]
    public void A_disable_that_suppresses_nothing_is_reported_as_a_suggestion_at_the_comment()
    {
        const string Text = "<!-- mediarules-disable-next-line MR2001 -->\nThe minister resigned.\n";
        var unused = Assert.Single(Lint(Text).Diagnostics, d => d.Id == "MR9005");
        Assert.Equal(Diagnostics.DiagnosticSeverity.Suggestion, unused.Severity);
        Assert.Equal(new TextSpan(0, Text.IndexOf('\n')), unused.Location.SourceSpan);
        Assert.Contains("MR2001", unused.Message);
    }

    [Fact]
    public void Directives_are_found_with_their_ids_and_reasons()
    {
        var directives = InlineSuppressions.FindDirectives(SourceText.From(
            "a <!-- mediarules-disable MR1001, MR2002 -- agreed with the desk --> b <!--mediarules-enable--> c <!-- other comment -->"));
        Assert.Equal(2, directives.Count);
        Assert.Equal(SuppressionVerb.Disable, directives[0].Verb);
        Assert.Equal(new[] { "MR1001", "MR2002" }, directives[0].RuleIds);
        Assert.Equal("agreed with the desk", directives[0].Reason);
        Assert.Equal(SuppressionVerb.Enable, directives[1].Verb);
        Assert.Empty(directives[1].RuleIds);
        Assert.Null(directives[1].Reason);
    }

    [Fact]
    public void A_text_without_directives_is_returned_as_it_is()
    {
        var source = SourceText.From("The minister reportedly resigned.");
        var result = TestSupport.Default.Analyze(source);
        Assert.Same(result, InlineSuppressions.Apply(result, source));
    }
}

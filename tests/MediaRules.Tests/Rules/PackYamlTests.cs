using System.Collections.Generic;
using MediaRules.Analysis;
using MediaRules.Loading;
using Xunit;

namespace MediaRules.Tests.Rules;

/// <summary>
/// A pack's YAML is read in one pass that stops at the first alias; which error is reported is the same as when all the
/// events were scanned for aliases before the tree was built.
/// </summary>
public class PackYamlTests
{
    private static RuleLoadError SingleError(string yaml)
    {
        var errors = new List<RuleLoadError>();
        Assert.Null(YamlSource.Parse(yaml, "p.yaml", "rule pack", errors));
        return Assert.Single(errors);
    }

    [Fact]
    public void An_alias_is_reported_where_it_is()
    {
        var error = SingleError("a: &x [1, 2]\nrules:\n  - *x\n");
        Assert.Equal(3, error.Line);
        Assert.Equal(5, error.Column);
        Assert.Contains("aliases (*x)", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void An_alias_after_a_duplicate_key_is_still_what_is_reported()
    {
        var error = SingleError("a: &x 1\na: 2\nb: *x\n");
        Assert.Equal(3, error.Line);
        Assert.Contains("aliases (*x)", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_syntax_error_after_a_duplicate_key_is_still_what_is_reported()
    {
        var error = SingleError("a: 1\na: 2\nb: c: d\n");
        Assert.Contains("malformed YAML", error.Message, System.StringComparison.Ordinal);
        Assert.DoesNotContain("uplicate", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_key_alone_is_reported()
    {
        var error = SingleError("a: 1\na: 2\n");
        Assert.Equal(2, error.Line);
        Assert.Contains("malformed YAML", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_syntax_error_before_an_alias_wins_and_an_alias_before_a_syntax_error_wins()
    {
        Assert.Contains("malformed YAML", SingleError("a: b: c\nb: &x 1\nc: *x\n").Message, System.StringComparison.Ordinal);
        Assert.Contains("aliases (*x)", SingleError("a: &x 1\nb: *x\nc: d: e\n").Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_packs_still_read_without_errors()
    {
        foreach (var (name, yaml) in DefaultRulePacks.Load())
        {
            var errors = new List<RuleLoadError>();
            Assert.NotNull(YamlSource.Parse(yaml, name, "rule pack", errors));
            Assert.Empty(errors);
        }
    }
}

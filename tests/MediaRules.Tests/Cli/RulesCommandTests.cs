using System.Linq;
using System.Text.Json;
using Xunit;

namespace MediaRules.Tests.Cli;

public class RulesCommandTests
{
    [Fact]
    public void List_shows_id_category_severity_and_title()
    {
        using var temp = new TempFolder();
        var run = CliHarness.Run("rules", "list", "--rules", temp.Pack(), "--no-default-rules");

        Assert.Equal(0, run.Code);
        var lines = run.Out.Split('\n', System.StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("ID      CATEGORY     SEVERITY  TITLE", lines[0]);
        Assert.Equal("MR2901  terminology  warning   Test loaded label", lines[1]);
        Assert.Equal("MR2902  terminology  error     Test forbidden word", lines[2]);
        Assert.Equal("2 rules", lines[3]);
    }

    [Fact]
    public void List_as_json()
    {
        using var temp = new TempFolder();
        var run = CliHarness.Run("rules", "list", "--rules", temp.Pack(), "--no-default-rules", "--format", "json");

        Assert.Equal(0, run.Code);
        using var json = JsonDocument.Parse(run.Out);
        var rules = json.RootElement.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(2, rules.Count);
        Assert.Equal("MR2901", rules[0].GetProperty("id").GetString());
        Assert.Equal("terminology", rules[0].GetProperty("category").GetString());
        Assert.Equal("warning", rules[0].GetProperty("severity").GetString());
        Assert.Equal("Test loaded label", rules[0].GetProperty("title").GetString());
        Assert.Equal("https://example.org/guide", rules[0].GetProperty("helpUri").GetString());
        Assert.Equal("error", rules[1].GetProperty("severity").GetString());
    }

    [Fact]
    public void List_of_the_default_packs_is_not_empty()
    {
        var run = CliHarness.Run("rules", "list");

        Assert.Equal(0, run.Code);
        Assert.Matches(@"\nMR\d{4} ", run.Out);
    }

    [Fact]
    public void Explain_shows_what_why_guidance_and_examples()
    {
        using var temp = new TempFolder();
        var run = CliHarness.Run("rules", "explain", "mr2901", "--rules", temp.Pack(), "--no-default-rules");

        Assert.Equal(0, run.Code);
        Assert.StartsWith("MR2901: Test loaded label\n", run.Out);
        Assert.Contains("category:         terminology", run.Out);
        Assert.Contains("default severity: warning", run.Out);
        Assert.Contains("Flags the invented word zorgs, for tests.", run.Out);
        Assert.Contains("zorgs (→ fighters)", run.Out);
        Assert.Contains("- Test Handbook: loaded words", run.Out);
        Assert.Contains("help: https://example.org/guide", run.Out);
        Assert.Contains("Examples it flags\n  - The {|zorgs|} left.", run.Out);
        Assert.Contains("Examples that pass\n  - The fighters left.", run.Out);
    }

    [Fact]
    public void Explain_knows_the_engine_diagnostics()
    {
        var run = CliHarness.Run("rules", "explain", "MR9004", "--no-default-rules");

        Assert.Equal(0, run.Code);
        Assert.StartsWith("MR9004: Input cannot be read", run.Out);
    }

    [Fact]
    public void Explain_an_unknown_rule_exits_2()
    {
        var run = CliHarness.Run("rules", "explain", "MR1999", "--no-default-rules");

        Assert.Equal(2, run.Code);
        Assert.Contains("MR1999", run.Err);
    }
}

using System.Linq;
using System.Text.Json;
using Xunit;

namespace MediaRules.Tests.Cli;

/// <summary>Configuration files and inline suppression, end to end through <c>mediarules lint</c> and <c>fix</c>.</summary>
public class ConfigurationCliTests
{
    [Fact]
    public void A_bad_configuration_two_folders_up_stops_the_run_with_its_file_and_line()
    {
        using var temp = new TempFolder();
        temp.Write(".mediarules.yaml", "# team settings\nminimum-severity: suggestion\nthis-key-does-not-exist: true\n");
        var story = temp.Write("desk/politics/story.txt", "The minister reportedly resigned.\n");

        var run = CliHarness.Run("lint", story);

        Assert.Equal(2, run.Code);
        Assert.Contains(".mediarules.yaml(3,1): error MR9001: unknown key 'this-key-does-not-exist'", run.Err);
        Assert.Equal(string.Empty, run.Out);
    }

    [Fact]
    public void The_nearest_configuration_changes_severity_and_accepts_words()
    {
        using var temp = new TempFolder();
        temp.Write(".mediarules.yaml", "severity:\n  MR1001: error\n");
        temp.Write("opinion/.mediarules.yaml", "accept: [reportedly]\n");
        var news = temp.Write("news/story.txt", "The minister reportedly resigned.\n");
        var opinion = temp.Write("opinion/column.txt", "The minister reportedly resigned.\n");

        var run = CliHarness.Run("lint", news, opinion);

        Assert.Equal(1, run.Code);
        Assert.Contains("story.txt(1,14): error MR1001", run.Out);
        Assert.DoesNotContain("column.txt", run.Out);
    }

    [Fact]
    public void An_explicit_configuration_applies_to_every_file()
    {
        using var temp = new TempFolder();
        var config = temp.Write("team.yaml", "minimum-severity: error\n");
        var story = temp.Write("story.txt", "The minister reportedly resigned.\n");

        var run = CliHarness.Run("lint", story, "--config", config);

        Assert.Equal(0, run.Code);
        Assert.Contains("0 errors, 0 warnings", run.Out);
    }

    [Fact]
    public void Suppressed_findings_are_kept_in_sarif_counted_in_text_and_do_not_fail_the_run()
    {
        using var temp = new TempFolder();
        temp.Write(".mediarules.yaml", "severity: {MR1001: error}\n");
        var doc = temp.Write("a.md", "# Report\n\n<!-- mediarules-disable-next-line MR1001 -- quoted from the court record -->\nThe minister reportedly resigned.\n");

        var text = CliHarness.Run("lint", doc);
        Assert.Equal(0, text.Code);
        Assert.Contains("1 suppressed", text.Out);
        Assert.DoesNotContain("MR1001", text.Out);

        var sarif = CliHarness.Run("lint", doc, "--format", "sarif");
        using var json = JsonDocument.Parse(sarif.Out);
        var result = json.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "MR1001");
        var suppression = result.GetProperty("suppressions")[0];
        Assert.Equal("inSource", suppression.GetProperty("kind").GetString());
        Assert.Equal("quoted from the court record", suppression.GetProperty("justification").GetString());
    }

    [Fact]
    public void An_unused_directive_is_reported_as_a_suggestion()
    {
        using var temp = new TempFolder();
        var doc = temp.Write("a.md", "<!-- mediarules-disable MR2001 -->\nThe minister resigned.\n");

        var run = CliHarness.Run("lint", doc);

        Assert.Equal(0, run.Code);
        Assert.Contains("a.md(1,1): suggestion MR9005", run.Out);
    }

    [Fact]
    public void Fix_leaves_a_suppressed_finding_alone()
    {
        using var temp = new TempFolder();
        var doc = temp.Write("a.md", "<!-- mediarules-disable-next-line MR2012 -->\nTroops left Kiev.\n\nTroops left Kiev again.\n");

        var run = CliHarness.Run("fix", doc);

        Assert.Contains(run.Code, new[] { 0, 1 });
        Assert.Equal("<!-- mediarules-disable-next-line MR2012 -->\nTroops left Kiev.\n\nTroops left Kyiv again.\n", System.IO.File.ReadAllText(doc));
    }
}

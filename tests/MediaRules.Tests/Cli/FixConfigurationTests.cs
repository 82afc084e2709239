using System.IO;
using Xunit;

namespace MediaRules.Tests.Cli;

/// <summary><c>fix</c> applies what <c>lint</c> reports for each file: its configuration and its inline suppressions count.</summary>
public class FixConfigurationTests
{
    [Fact]
    public void Words_a_configuration_accepts_are_not_fixed()
    {
        using var temp = new TempFolder();
        temp.Write("opinion/.mediarules.yaml", "accept: [zorgs]\n");
        var column = temp.Write("opinion/column.txt", "The zorgs left.\n");
        var news = temp.Write("news/story.txt", "The zorgs left.\n");

        var run = CliHarness.Run("fix", column, news, "--rules", temp.Pack(), "--no-default-rules");

        Assert.Equal(0, run.Code);
        Assert.Equal("The zorgs left.\n", File.ReadAllText(column));
        Assert.Equal("The fighters left.\n", File.ReadAllText(news));
    }

    [Fact]
    public void An_explicit_configuration_that_turns_a_rule_off_leaves_its_fixes_alone()
    {
        using var temp = new TempFolder();
        var config = temp.Write("team.yaml", "severity:\n  MR2901: none\n");
        var story = temp.Write("story.txt", "The zorgs left.\n");

        var run = CliHarness.Run("fix", story, "--config", config, "--rules", temp.Pack(), "--no-default-rules");

        Assert.Equal(0, run.Code);
        Assert.Equal("The zorgs left.\n", File.ReadAllText(story));
        Assert.Contains("applied 0 fixes in 0 files", run.Out);
    }

    [Fact]
    public void A_suppressed_finding_is_not_fixed_and_the_others_are()
    {
        using var temp = new TempFolder();
        const string markdown = "# Report\n\n<!-- mediarules-disable-next-line MR2901 -- the group's own name -->\nThe zorgs left.\n\nThe zorgs came back.\n";
        var file = temp.Write("a.md", markdown);

        var run = CliHarness.Run("fix", file, "--rules", temp.Pack(), "--no-default-rules");

        Assert.Equal(0, run.Code);
        Assert.Equal(markdown.Replace("The zorgs came", "The fighters came"), File.ReadAllText(file));
        Assert.Contains("applied 1 fix in 1 file", run.Out);
    }
}

using System.IO;
using MediaRules.Cli;
using Xunit;

namespace MediaRules.Tests.Cli;

public class ProgressDisplayTests
{
    [Fact]
    public void No_progress_is_drawn_on_a_writer_that_is_not_the_process_terminal()
    {
        using var stderr = new StringWriter();
        var reported = 0L;
        var result = ProgressDisplay.Run(stderr, 100, 3, progress =>
        {
            progress(40);
            progress(60);
            reported = 100;
            return 42;
        });

        Assert.Equal(42, result);
        Assert.Equal(100, reported);
        Assert.Equal(string.Empty, stderr.ToString());
        Assert.False(ProgressDisplay.IsWanted(stderr));
    }

    [Fact]
    public void A_piped_lint_run_writes_no_progress()
    {
        using var temp = new TempFolder();
        var a = temp.Write("a.txt", "The minister reportedly resigned.\n");
        var b = temp.Write("b.txt", "The mayor reportedly left.\n");
        var run = CliHarness.RunProcess(temp.Root, "lint", a, b);
        Assert.Equal(string.Empty, run.Err);
        Assert.Contains("2 files", run.Out);
    }
}

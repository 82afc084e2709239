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

public class CountingStreamTests
{
    [Fact]
    public void Every_byte_read_is_reported_once()
    {
        var data = new byte[100_000];
        new System.Random(3).NextBytes(data);
        long counted = 0;
        using var stream = new CountingStream(new MemoryStream(data), n => counted += n);
        using var copy = new MemoryStream();
        stream.CopyTo(copy, 4096);
        Assert.Equal(data.Length, counted);
        Assert.Equal(data, copy.ToArray());
    }
}

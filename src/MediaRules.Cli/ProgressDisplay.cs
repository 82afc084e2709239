using System;
using System.IO;
using Spectre.Console;

namespace MediaRules.Cli;

/// <summary>
/// A progress bar on stderr (files done, MB/s, time left) for long runs, drawn by Spectre.Console — only when
/// stderr is the process's own terminal: never when it is redirected or piped, under CI (<c>CI</c> set), or with
/// <c>TERM=dumb</c>, so logs and pipelines never see it.
/// </summary>
internal static class ProgressDisplay
{
    /// <summary>The writer over the process's own standard error, set by <c>Main</c> (tests and hosts never set it).</summary>
    public static TextWriter? ProcessStandardError { get; set; }

    /// <summary>Whether a progress bar may be drawn on <paramref name="stderr"/>.</summary>
    public static bool IsWanted(TextWriter stderr) =>
        ReferenceEquals(stderr, ProcessStandardError)
        && !Console.IsErrorRedirected
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))
        && !string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal);

    /// <summary>
    /// Runs <paramref name="work"/>, giving it a callback that reports bytes done (of <paramref name="totalBytes"/>)
    /// and files done (of <paramref name="totalFiles"/>); draws them when <see cref="IsWanted"/>.
    /// </summary>
    public static T Run<T>(TextWriter stderr, long totalBytes, int totalFiles, Func<Action<long>, T> work)
    {
        if (!IsWanted(stderr) || totalFiles < 2)
        {
            return work(static _ => { });
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stderr) });
        return new Progress(console, TimeProvider.System)
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask($"0/{totalFiles} files", true, Math.Max(1, totalBytes));
                var done = 0;
                return work(bytes =>
                {
                    done++;
                    task.Description = $"{done}/{totalFiles} files";
                    task.Increment(bytes);
                });
            });
    }
}

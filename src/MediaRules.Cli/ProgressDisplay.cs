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

    /// <summary>
    /// Runs <paramref name="work"/> over a stream of input, giving it a callback for bytes read; draws bytes read,
    /// MB/s and (when <paramref name="totalBytes"/> is known) time left, when <see cref="IsWanted"/>.
    /// </summary>
    public static T RunStream<T>(TextWriter stderr, long? totalBytes, Func<Action<long>, T> work)
    {
        if (!IsWanted(stderr))
        {
            return work(static _ => { });
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stderr) });
        return new Progress(console, TimeProvider.System)
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("batch", true, Math.Max(1, totalBytes ?? 1));
                task.IsIndeterminate = totalBytes is null;
                var read = 0L;
                return work(bytes =>
                {
                    read += bytes;
                    task.Description = $"batch: {read / 1048576.0:F1} MB read";
                    task.Increment(bytes);
                });
            });
    }
}

/// <summary>A read-only stream that reports how many bytes each read returned.</summary>
internal sealed class CountingStream : Stream
{
    private readonly Stream _inner;
    private readonly Action<long> _onRead;

    public CountingStream(Stream inner, Action<long> onRead)
    {
        _inner = inner;
        _onRead = onRead;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(_inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Count(_inner.Read(buffer));

    public override async System.Threading.Tasks.ValueTask<int> ReadAsync(Memory<byte> buffer, System.Threading.CancellationToken cancellationToken = default) =>
        Count(await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

    public override System.Threading.Tasks.Task<int> ReadAsync(byte[] buffer, int offset, int count, System.Threading.CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Count(int read)
    {
        if (read > 0)
        {
            _onRead(read);
        }

        return read;
    }
}

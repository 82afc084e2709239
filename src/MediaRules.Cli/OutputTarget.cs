using System;
using System.IO;
using System.Text;

namespace MediaRules.Cli;

/// <summary>
/// Where a command's output goes: the standard output, or a file written atomically (a temporary file beside it,
/// renamed over it on <see cref="Commit"/>; on failure the temporary file is removed and the old file stays).
/// </summary>
internal sealed class OutputTarget : IDisposable
{
    /// <summary>Opens the output as <see cref="Open"/> does; when it cannot be opened, says so on stderr and returns null.</summary>
    public static OutputTarget? TryOpen(string? path, System.IO.TextWriter stdout, System.IO.TextWriter stderr)
    {
        try
        {
            return Open(path, stdout);
        }
        catch (System.Exception ex) when (ex is System.IO.IOException or System.UnauthorizedAccessException or System.ArgumentException or System.NotSupportedException)
        {
            stderr.Write($"mediarules: error: cannot write '{path}': {ex.Message}\n");
            return null;
        }
    }

    /// <summary>A new <c>--output</c> option, as every command that writes a report takes it.</summary>
    public static System.CommandLine.Option<string> CreateOption() => new("--output", "-o")
    {
        Description = "Write the output to this file (written atomically; folders are created) instead of the standard output.",
        HelpName = "FILE",
    };

    private readonly string? _path;
    private readonly string? _temp;
    private readonly StreamWriter? _file;
    private bool _committed;

    private OutputTarget(TextWriter writer, string? path, string? temp, StreamWriter? file)
    {
        Writer = writer;
        _path = path;
        _temp = temp;
        _file = file;
    }

    /// <summary>UTF-8 without a byte order mark.</summary>
    public static UTF8Encoding Utf8NoBom { get; } = new(encoderShouldEmitUTF8Identifier: false);

    public TextWriter Writer { get; }

    /// <summary>Opens the output: <paramref name="stdout"/> when <paramref name="path"/> is null, else the file.</summary>
    /// <exception cref="IOException">The file's folder cannot be created or the temporary file cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">No permission to write there.</exception>
    public static OutputTarget Open(string? path, TextWriter stdout)
    {
        if (path is null)
        {
            return new OutputTarget(stdout, null, null, null);
        }

        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new IOException($"'{path}' is a folder");
        }

        var folder = Path.GetDirectoryName(full) ?? Directory.GetCurrentDirectory();
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N")[..12] + ".tmp");
        var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        var writer = new StreamWriter(stream, Utf8NoBom, 1 << 16) { NewLine = "\n" };
        return new OutputTarget(writer, full, temp, writer);
    }

    /// <summary>Finishes the output: flushes it, and for a file renames the temporary file over the target.</summary>
    public void Commit()
    {
        Writer.Flush();
        if (_file is not null)
        {
            _file.Dispose();
            File.Move(_temp!, _path!, overwrite: true);
        }

        _committed = true;
    }

    public void Dispose()
    {
        if (_file is null || _committed)
        {
            return;
        }

        _file.Dispose();
        try
        {
            File.Delete(_temp!);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

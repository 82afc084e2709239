using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Xunit;
using static MediaRules.Tests.Cli.BatchTestSupport;

namespace MediaRules.Tests.Cli;

/// <summary>The built CLI, as a child process, streams a corpus far larger than the memory it is allowed.</summary>
public class BatchMemoryTests
{
    private const long StreamBytes = 320L * 1024 * 1024;

    /// <summary>
    /// The child's GC heap limit (DOTNET_GCHeapHardLimit), a fifth of the stream. The compiled default packs alone take
    /// about 23 MB of it; the rest is for the window of lines in flight and the garbage between collections.
    /// </summary>
    private const long HeapLimitBytes = 64L * 1024 * 1024;

    [Fact]
    public async Task A_stream_five_times_the_heap_limit_goes_through_with_every_line_answered()
    {
        // Each line carries a real document (a few paragraphs of the seed, or all of it) and, to make the stream big
        // without making the test slow, a padding field that is parsed and ignored: the pipeline holds lines of
        // input and output whatever they are made of, so what is measured is whether it holds only a window of them.
        var padding = new string('p', 48 * 1024);
        var templates = SampleTexts.Where(t => t.Length > 0).Select(text =>
            Encoding.UTF8.GetBytes(Document(0, text).Replace("{\"id\":0,", "{\"pad\":\"" + padding + "\",\"id\":0,", StringComparison.Ordinal))).ToArray();
        var dll = new[] { "MediaRules.Cli.dll", "mediarules.dll" }.Select(n => Path.Combine(AppContext.BaseDirectory, n)).First(File.Exists);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            ArgumentList = { dll, "batch", "-" },
        };
        start.Environment["DOTNET_GCHeapHardLimit"] = "0x" + HeapLimitBytes.ToString("X", System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["DOTNET_gcServer"] = "0";

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var feed = Task.Run(() =>
        {
            using var stdin = process.StandardInput.BaseStream;
            long written = 0;
            var lines = 0;
            var digits = new byte[24];
            while (written < StreamBytes)
            {
                // {"pad":"…","id":N,"text":"…"}: the id goes where the template's id was.
                var template = templates[lines % templates.Length];
                var idAt = template.AsSpan().IndexOf("\"id\":"u8) + 5;
                stdin.Write(template, 0, idAt);
                Encoding.ASCII.TryGetBytes(lines.ToString(System.Globalization.CultureInfo.InvariantCulture), digits, out var length);
                stdin.Write(digits, 0, length);
                stdin.Write(template, idAt + 1, template.Length - idAt - 1);
                stdin.WriteByte((byte)'\n');
                written += template.Length + length;
                lines++;
            }

            return lines;
        });

        // Count the output's lines and keep the last one, holding no more than a line.
        var stdout = process.StandardOutput.BaseStream;
        var buffer = new byte[1 << 16];
        long outputLines = 0;
        long errorLines = 0;
        var current = new MemoryStream();
        var lastLine = Array.Empty<byte>();
        int read;
        while ((read = await stdout.ReadAsync(buffer)) > 0)
        {
            var rest = buffer.AsSpan(0, read);
            int end;
            while ((end = rest.IndexOf((byte)'\n')) >= 0)
            {
                current.Write(rest[..end]);
                lastLine = current.ToArray();
                errorLines += lastLine.AsSpan().StartsWith("{\"line\":"u8) ? 1 : 0;
                current.SetLength(0);
                outputLines++;
                rest = rest[(end + 1)..];
            }

            current.Write(rest);
        }

        Assert.True(process.WaitForExit(120_000), "the CLI did not finish");
        watch.Stop();
        var errors = await stderr;
        Assert.True(process.ExitCode == 0, $"exit code {process.ExitCode}: {errors}");
        var inputLines = await feed;
        Assert.Equal(0, current.Length);
        Assert.Equal(inputLines, outputLines);
        Assert.Equal(0, errorLines);
        Assert.StartsWith($"{{\"id\":{inputLines - 1},\"diagnostics\":[", Encoding.UTF8.GetString(lastLine), StringComparison.Ordinal);
        Assert.True(inputLines > 5000);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(90), $"took {watch.Elapsed}");
    }
}

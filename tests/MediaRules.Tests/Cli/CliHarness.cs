using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;

namespace MediaRules.Tests.Cli;

/// <summary>Runs the CLI in-process with captured output, and holds small rule packs the CLI tests use.</summary>
internal static class CliHarness
{
    /// <summary>A pack of two term rules: MR2901 (warning, with a fix and a message full of characters to escape) and MR2902 (error).</summary>
    public const string TestPack = """
        rules:
          - id: MR2901
            title: Test loaded label
            kind: term
            severity: warning
            message: "'{match}' is loaded: 50%, really"
            description: Flags the invented word zorgs, for tests.
            help: https://example.org/guide
            references:
              - "Test Handbook: loaded words"
            terms:
              - term: zorgs
                suggest: [fighters]
            examples:
              flag:
                - "The {|zorgs|} left."
              pass:
                - "The fighters left."
          - id: MR2902
            title: Test forbidden word
            kind: term
            severity: error
            message: "'{match}' is forbidden"
            terms: [blorp]
        """;

    public static CliRun Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = MediaRules.Cli.Program.Run(args, stdout, stderr);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>How to start the built CLI (its apphost-independent dll through <c>dotnet</c>) with stdout and stderr redirected.</summary>
    public static ProcessStartInfo StartInfo(params string[] args)
    {
        var dll = new[] { "MediaRules.Cli.dll", "mediarules.dll" }
            .Select(n => Path.Combine(AppContext.BaseDirectory, n))
            .First(File.Exists);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }

    /// <summary>Runs the built CLI as a process (its apphost-independent dll through <c>dotnet</c>).</summary>
    public static CliRun RunProcess(string workingDirectory, params string[] args)
    {
        var start = StartInfo(args);
        start.WorkingDirectory = workingDirectory;
        using var process = Process.Start(start)!;
        var stderrTask = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("the CLI did not finish in 2 minutes");
        }

        return new CliRun(process.ExitCode, stdout, stderrTask.GetAwaiter().GetResult());
    }
}

internal sealed record CliRun(int Code, string Out, string Err);

/// <summary>A folder under the system's temporary folder, deleted at the end of the test.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "mediarules-tests-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public string Write(string relative, string text) => WriteBytes(relative, new UTF8Encoding(false).GetBytes(text));

    public string WriteBytes(string relative, byte[] bytes)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public string Pack() => Write("pack.yaml", CliHarness.TestPack);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

using System;
using System.CommandLine;
using System.CommandLine.Help;
using System.IO;
using System.Reflection;
using MediaRules.Cli.Commands;
using MediaRules.Cli.Lsp;

namespace MediaRules.Cli;

/// <summary>The <c>mediarules</c> command-line tool.</summary>
internal static class Program
{
    /// <summary>The tool's version without build metadata.</summary>
    public static string Version { get; } = ComputeVersion();

    public static int Main(string[] args)
    {
        using var stdout = new StreamWriter(Console.OpenStandardOutput(), OutputTarget.Utf8NoBom, 1 << 16) { AutoFlush = false, NewLine = "\n" };
        using var stderr = new StreamWriter(Console.OpenStandardError(), OutputTarget.Utf8NoBom) { AutoFlush = true, NewLine = "\n" };
        ProgressDisplay.ProcessStandardError = stderr;
        var code = Run(args, stdout, stderr);
        try
        {
            stdout.Flush();
        }
        catch (IOException)
        {
            // The reader of the standard output went away; nothing more can be said there.
        }

        return code;
    }

    /// <summary>
    /// Runs the tool with <paramref name="args"/>, writing to the given streams. Never throws: an unexpected failure
    /// is one line on <paramref name="stderr"/> and exit code 2.
    /// </summary>
    /// <returns>0: no error diagnostics; 1: at least one error diagnostic; 2: usage, rule-file or input path error.</returns>
    internal static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            var root = BuildRoot(stdout, stderr, out var version);
            var parseResult = root.Parse(args);
            if (parseResult.Errors.Count > 0 && parseResult.Action is not HelpAction)
            {
                foreach (var error in parseResult.Errors)
                {
                    stderr.Write($"mediarules: error: {error.Message}\n");
                }

                stderr.Write("Run 'mediarules --help' for usage.\n");
                return ExitCodes.Usage;
            }

            var code = parseResult.Invoke(new InvocationConfiguration
            {
                Output = stdout,
                Error = stderr,
                EnableDefaultExceptionHandler = false,
            });
            stdout.Flush();
            return code;
        }
#pragma warning disable CA1031 // The tool must never end with an unhandled exception: one line, exit code 2.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            try
            {
                stderr.Write($"mediarules: error: {ex.GetType().Name}: {ex.Message.ReplaceLineEndings(" ")}\n");
                stderr.Flush();
            }
            catch (IOException)
            {
            }

            return ExitCodes.Usage;
        }
    }

    private static Command BuildRoot(TextWriter stdout, TextWriter stderr, out Option<bool> version)
    {
        // Not a RootCommand: its name and its version option come from the entry assembly (MediaRules.Cli, or a
        // test host when run in-process). The command is called mediarules and reports the tool's own version.
        var root = new Command("mediarules", "mediarules: lints news and media text (attribution, loaded terminology, consistency, quotation) with YAML rule packs.");
        root.Options.Add(new HelpOption());
        var versionOption = new Option<bool>("--version") { Description = "Show the version." };
        version = versionOption;
        root.Options.Add(versionOption);
        root.Subcommands.Add(new LintCommand(stdout, stderr).Command);
        root.Subcommands.Add(new RulesCommand(stdout, stderr).Command);
        root.Subcommands.Add(new FixCommand(stdout, stderr).Command);
        root.Subcommands.Add(new BatchCommand(stdout, stderr).Command);
        root.Subcommands.Add(new LspCommand(stderr).Command);
        root.SetAction(parseResult =>
        {
            if (parseResult.GetValue(versionOption))
            {
                stdout.Write(Version);
                stdout.Write('\n');
                return ExitCodes.Success;
            }

            stderr.Write("mediarules: error: a command is required (lint, fix, batch, rules, lsp).\nRun 'mediarules --help' for usage.\n");
            return ExitCodes.Usage;
        });
        return root;
    }

    private static string ComputeVersion()
    {
        var informational = typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (string.IsNullOrEmpty(informational))
        {
            return typeof(Program).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        }

        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus >= 0 ? informational[..plus] : informational;
    }
}

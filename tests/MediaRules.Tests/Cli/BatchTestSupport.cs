using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using MediaRules.Analysis;
using MediaRules.Cli.Commands;
using MediaRules.Diagnostics;
using MediaRules.Rules;
using Xunit;

namespace MediaRules.Tests.Cli;

/// <summary>Runs the batch pipeline in-process on bytes, and builds JSON Lines inputs.</summary>
internal static class BatchTestSupport
{
    private static readonly Lazy<Linter> SlowLinter = new(() => new LinterBuilder()
        .AddRuleKind(new SlowKind())
        .AddDefaultRules()
        .AddRules("rules:\n  - {id: MR2991, title: Slow, kind: slow, message: first word}\n", "slow.yaml")
        .Build());

    private static readonly Lazy<Linter> PackLinter = new(() => new LinterBuilder().AddRules(CliHarness.TestPack, "pack.yaml").Build());

    /// <summary>Only the CLI tests' pack (<see cref="CliHarness.TestPack"/>): "zorgs" is MR2901 with a fix, "blorp" is MR2902.</summary>
    public static Linter Pack => PackLinter.Value;

    /// <summary>The default packs plus a rule that sleeps 0–19 ms per document (by the text's hash), so documents finish out of order.</summary>
    public static Linter Slow => SlowLinter.Value;

    public static string Run(Linter linter, string input, int maxLinesInFlight = 0, int maxLineBytes = BatchCommand.MaxLineBytes) =>
        Run(linter, Encoding.UTF8.GetBytes(input), maxLinesInFlight, maxLineBytes);

    public static string Run(Linter linter, byte[] input, int maxLinesInFlight = 0, int maxLineBytes = BatchCommand.MaxLineBytes, long maxBytesInFlight = BatchCommand.MaxBytesInFlight)
    {
        using var stream = new MemoryStream(input, writable: false);
        using var output = new StringWriter { NewLine = "\n" };
        BatchCommand.Run(linter, stream, output, maxLinesInFlight, maxBytesInFlight, maxLineBytes);
        return output.ToString();
    }

    /// <summary>Runs the built CLI as a child process with <paramref name="stdin"/> piped in and extra environment variables.</summary>
    public static CliRun RunChild(byte[] stdin, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = CliHarness.StartInfo(args);
        start.RedirectStandardInput = true;

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using (var input = process.StandardInput.BaseStream)
        {
            input.Write(stdin);
        }

        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("the CLI did not finish in 2 minutes");
        }

        return new CliRun(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    /// <summary>The output's lines (each ends with \n; the last \n ends the output).</summary>
    public static string[] Lines(string output)
    {
        Assert.True(output.Length == 0 || output.EndsWith('\n'), "the output ends with a line end");
        return output.Length == 0 ? [] : output[..^1].Split('\n');
    }

    public static string Document(object? id, string text) =>
        JsonSerializer.Serialize(new Dictionary<string, object?> { ["id"] = id, ["text"] = text });

    /// <summary>Texts from the seed: whole, a few paragraphs, and sentences with findings.</summary>
    public static IReadOnlyList<string> SampleTexts { get; } = BuildSampleTexts();

    public static JsonNode ParseLine(string line) => JsonNode.Parse(line) ?? throw new InvalidDataException("null line");

    private static List<string> BuildSampleTexts()
    {
        var seed = TestSupport.SeedText;
        var paragraphs = seed.Split('\n').Where(p => p.Trim().Length > 0).ToArray();
        var texts = new List<string> { seed, string.Empty, "The minister reportedly resigned.\nOfficials claimed the terrorists fled." };
        for (var i = 0; i < paragraphs.Length; i += 3)
        {
            texts.Add(string.Join("\n\n", paragraphs.Skip(i).Take(3)));
        }

        texts.Add("Sources said the “resistance” fighters were martyred near occupied Al-Quds.\r\nThe regime claimed victory.");
        return texts;
    }

    private sealed class SlowKind : IRuleKind
    {
        public string Name => "slow";

        public IRule Create(RuleDefinition definition) => new Rule(definition.ToDescriptor());

        private sealed class Rule(DiagnosticDescriptor descriptor) : IRule
        {
            public DiagnosticDescriptor Descriptor { get; } = descriptor;

            public void Analyze(RuleContext context)
            {
                var text = context.Text.ToString();
                var hash = 0;
                foreach (var c in text)
                {
                    hash = unchecked((hash * 31) + c);
                }

                Thread.Sleep((hash & 0x7fffffff) % 20);
                if (context.Document.Tokens.Count > 0)
                {
                    context.Report(context.Document.Tokens[0].Span);
                }
            }
        }
    }
}

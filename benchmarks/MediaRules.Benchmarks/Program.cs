using System;
using System.IO;
using System.Text;
using BenchmarkDotNet.Running;

namespace MediaRules.Benchmarks;

/// <summary>
/// Runs the benchmarks; accepts BenchmarkDotNet's own options (--filter, --job, --exporters, --artifacts).
/// <c>--write-corpus DIR</c> instead writes the comparison inputs (benchmarks/compare-textlint): the news texts
/// news-1mb.txt and news-10mb.txt and the prh dictionaries prh-50.yml, prh-1000.yml and prh-10000.yml (ten patterns a
/// rule: an imported pack holds at most 1,000 rules).
/// </summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    /// <param name="args">BenchmarkDotNet's command line, or <c>--write-corpus DIR</c>.</param>
    public static void Main(string[] args)
    {
        if (args.Length == 2 && args[0] == "--write-corpus")
        {
            WriteCorpus(args[1]);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }

    private static void WriteCorpus(string directory)
    {
        Directory.CreateDirectory(directory);
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        File.WriteAllText(Path.Combine(directory, "news-1mb.txt"), NewsCorpus.Varied(1), utf8);
        File.WriteAllText(Path.Combine(directory, "news-10mb.txt"), NewsCorpus.Varied(10), utf8);
        // A rule per term, except at 10,000 terms: an imported pack holds at most 1,000 rules (the ids of one category,
        // MR2000–MR2999), so there each prh rule holds ten patterns.
        foreach (var count in new[] { 50, 1_000, 10_000 })
        {
            File.WriteAllText(Path.Combine(directory, $"prh-{count}.yml"), TermPacks.ToPrhDictionary(TermPacks.Generate(count), count > 1_000 ? 10 : 1), utf8);
        }

        Console.WriteLine($"wrote news-1mb.txt, news-10mb.txt, prh-50.yml, prh-1000.yml, prh-10000.yml to {directory}");
    }
}

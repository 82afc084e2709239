using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using MediaRules.Analysis;
using MediaRules.Text;

namespace MediaRules.Benchmarks;

/// <summary>
/// The whole pipeline with one generated <c>kind: term</c> rule of 10, 100, 1,000 or 10,000 terms (<see cref="TermPacks"/>)
/// and nothing else, over the same ~1 MB of news text as <see cref="MatcherKernel"/> (issue target: 10,000 terms cost at
/// most 1.5× what 100 cost).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class RuleScaling
{
    private Linter _linter = null!;
    private SourceText _text = null!;

    /// <summary>How many terms the rule holds.</summary>
    [Params(10, 100, 1_000, 10_000)]
    public int Terms { get; set; }

    /// <summary>Builds the linter from the generated pack.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _linter = new LinterBuilder().AddRules(TermPacks.ToRulePack(TermPacks.Generate(Terms)), "generated.yaml").Build();
        _text = SourceText.From(NewsCorpus.VariedOneMegabyte);
    }

    /// <summary>Analyses the text.</summary>
    /// <returns>The number of diagnostics.</returns>
    [Benchmark]
    public int Analyze() => _linter.AnalyzeWhole(_text, null).Diagnostics.Count;

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(new ThroughputColumn(_ => NewsCorpus.Utf8Bytes(NewsCorpus.VariedOneMegabyte)));
    }
}

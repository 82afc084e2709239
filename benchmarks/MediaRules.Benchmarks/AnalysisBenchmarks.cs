using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using MediaRules.Analysis;
using MediaRules.Text;

namespace MediaRules.Benchmarks;

/// <summary>
/// The whole pipeline (text model, every default rule, diagnostics) over the seed article and over ~1 MB of
/// news text, with allocations; the throughput column divides the input size by the mean time.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class AnalysisBenchmarks
{
    private Linter _linter = null!;
    private SourceText _seed = null!;
    private SourceText _megabyte = null!;

    /// <summary>Builds the linter and the texts once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _linter = Linter.CreateDefault();
        _seed = SourceText.From(NewsCorpus.Seed);
        _megabyte = SourceText.From(NewsCorpus.OneMegabyte);
    }

    /// <summary>The seed article (about 8 KB).</summary>
    /// <returns>The number of diagnostics, so the work cannot be optimised away.</returns>
    [Benchmark(Baseline = true)]
    public int SeedArticle() => _linter.Analyze(_seed).Diagnostics.Count;

    /// <summary>About 1 MB of news text.</summary>
    /// <returns>The number of diagnostics.</returns>
    [Benchmark]
    public int OneMegabyte() => _linter.Analyze(_megabyte).Diagnostics.Count;

    /// <summary>The same megabyte on one thread, as one text model (<c>Linter.Analyze</c> cuts a text this long into stretches and runs them on every core).</summary>
    /// <returns>The number of diagnostics.</returns>
    [Benchmark]
    public int OneMegabyteOneThread() => _linter.AnalyzeWhole(_megabyte, null).Diagnostics.Count;

    /// <summary>The same megabyte stretch by stretch on one thread: what cutting costs over one model.</summary>
    /// <returns>The number of diagnostics.</returns>
    [Benchmark]
    public int OneMegabyteStretchesOneThread() => _linter.AnalyzeInStretches(_megabyte, null, StretchAnalysis.DefaultStretchLength, parallelism: 1).Diagnostics.Count;

    private sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig() => AddColumn(new ThroughputColumn(benchmarkCase =>
            System.Text.Encoding.UTF8.GetByteCount(benchmarkCase.Descriptor.WorkloadMethod.Name == nameof(SeedArticle) ? NewsCorpus.Seed : NewsCorpus.OneMegabyte)));
    }
}

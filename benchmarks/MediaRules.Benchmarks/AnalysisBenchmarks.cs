using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
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

    private sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig() => AddColumn(new ThroughputColumn());
    }

    /// <summary>MB/s: the UTF-8 size of the benchmark's input divided by its mean time.</summary>
    private sealed class ThroughputColumn : IColumn
    {
        public string Id => nameof(ThroughputColumn);

        public string ColumnName => "MB/s";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "Input megabytes (UTF-8) analysed per second";

        public string GetValue(Summary summary, BenchmarkDotNet.Running.BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkDotNet.Running.BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var report = summary[benchmarkCase];
            if (report?.ResultStatistics is not { } stats)
            {
                return "-";
            }

            var bytes = benchmarkCase.Descriptor.WorkloadMethod.Name == nameof(SeedArticle)
                ? System.Text.Encoding.UTF8.GetByteCount(NewsCorpus.Seed)
                : System.Text.Encoding.UTF8.GetByteCount(NewsCorpus.OneMegabyte);
            var seconds = stats.Mean / 1e9;
            return (bytes / 1048576.0 / seconds).ToString("F2", System.Globalization.CultureInfo.InvariantCulture);
        }

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkDotNet.Running.BenchmarkCase benchmarkCase) => false;
    }
}

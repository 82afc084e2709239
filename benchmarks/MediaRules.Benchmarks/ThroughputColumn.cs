using System;
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace MediaRules.Benchmarks;

/// <summary>MB/s: the UTF-8 size of a benchmark's input divided by its mean time.</summary>
public sealed class ThroughputColumn : IColumn
{
    private readonly Func<BenchmarkCase, long> _inputBytes;

    /// <summary>Creates the column.</summary>
    /// <param name="inputBytes">The UTF-8 size of a benchmark case's input.</param>
    public ThroughputColumn(Func<BenchmarkCase, long> inputBytes) => _inputBytes = inputBytes;

    public string Id => nameof(ThroughputColumn);

    public string ColumnName => "MB/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Input megabytes (UTF-8) analysed per second";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var report = summary[benchmarkCase];
        if (report?.ResultStatistics is not { } stats)
        {
            return "-";
        }

        var seconds = stats.Mean / 1e9;
        return (_inputBytes(benchmarkCase) / 1048576.0 / seconds).ToString("F2", CultureInfo.InvariantCulture);
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    /// <summary>The value of a benchmark case's parameter.</summary>
    /// <param name="benchmarkCase">The case.</param>
    /// <param name="name">The parameter's name.</param>
    /// <returns>Its value.</returns>
    public static int Parameter(BenchmarkCase benchmarkCase, string name) =>
        Convert.ToInt32(benchmarkCase.Parameters[name], CultureInfo.InvariantCulture);
}

using BenchmarkDotNet.Running;

namespace MediaRules.Benchmarks;

/// <summary>Runs the benchmarks; accepts BenchmarkDotNet's own options (--filter, --job, --exporters, --artifacts).</summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    /// <param name="args">BenchmarkDotNet's command line.</param>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}

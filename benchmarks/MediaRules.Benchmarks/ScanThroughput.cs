using System;
using System.Buffers;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using MediaRules.Analysis;
using MediaRules.Matching;
using MediaRules.Text;

namespace MediaRules.Benchmarks;

/// <summary>
/// The full default packs (<see cref="Linter.CreateDefault"/>) over ~1 MB and ~10 MB of news text in which no line repeats
/// (<see cref="NewsCorpus.BuildVaried"/>), beside, on the same text, the bare <c>SearchValues&lt;string&gt;</c> candidate
/// pass over the default packs' terms (the baseline of the target: the pipeline at no less than a third of its
/// throughput) and <see cref="MultiTermMatcher"/> over the same terms, so the ratio of the pipeline to the raw kernel
/// is measured in one run.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class ScanThroughput
{
    private Linter _linter = null!;
    private SourceText _text = null!;
    private string _content = null!;
    private SearchValues<string> _search = null!;
    private MultiTermMatcher _matcher = null!;

    /// <summary>The text's size in megabytes.</summary>
    [Params(1, 10)]
    public int Megabytes { get; set; }

    /// <summary>Builds the linter, the text and the default vocabulary's matchers.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _linter = Linter.CreateDefault();
        _content = NewsCorpus.Varied(Megabytes);
        _text = SourceText.From(_content);
        var terms = TermPacks.DefaultPackTerms;
        _search = SearchValues.Create(terms.ToArray(), StringComparison.OrdinalIgnoreCase);
        _matcher = MultiTermMatcher.Create(terms.Select((t, i) => (t, i)));
    }

    /// <summary>The bare candidate pass over the default packs' terms.</summary>
    /// <returns>The number of candidates.</returns>
    [Benchmark(Baseline = true)]
    public int SearchValuesCandidates() => KernelPasses.CountCandidates(_content.AsSpan(), _search);

    /// <summary>The matching kernel alone over the default packs' terms.</summary>
    /// <returns>The number of matches.</returns>
    [Benchmark]
    public int Kernel() => KernelPasses.CountMatches(_matcher, _content.AsSpan());

    /// <summary>The whole pipeline with the default packs on one thread: one text model of the whole text, every rule over it.</summary>
    /// <returns>The number of diagnostics.</returns>
    [Benchmark]
    public int DefaultPacks() => _linter.AnalyzeWhole(_text, null).Diagnostics.Count;

    /// <summary>
    /// The whole pipeline with the default packs on one thread as <c>Linter.Analyze</c> runs a long text, stretch by
    /// stretch, but one stretch at a time (stretches as long as <see cref="StretchAnalysis.LengthFor"/> chooses for one
    /// worker: 1M characters). ~1 MB is one stretch here: one window, with the edges and facts a stretch keeps
    /// (<c>Linter.Analyze</c> itself analyses a text of up to twice the stretch length whole).
    /// </summary>
    /// <returns>The number of diagnostics.</returns>
    [Benchmark]
    public int DefaultPacksStretchesOneThread() => _linter.AnalyzeInStretches(_text, null, StretchAnalysis.LengthFor(_text.Length, 1), 1).Diagnostics.Count;

    /// <summary>The whole pipeline with the default packs as <c>Linter.Analyze</c> runs it: stretches on every core.</summary>
    /// <returns>The number of diagnostics.</returns>
    [Benchmark]
    public int DefaultPacksAllCores() => _linter.Analyze(_text).Diagnostics.Count;

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(new ThroughputColumn(c => NewsCorpus.Utf8Bytes(NewsCorpus.Varied(ThroughputColumn.Parameter(c, nameof(Megabytes))))));
    }
}

using System;
using System.Buffers;
using System.Linq;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using MediaRules.Matching;

namespace MediaRules.Benchmarks;

/// <summary>
/// The matching kernel alone over ~1 MB of news text (<see cref="NewsCorpus.VariedOneMegabyte"/>) with generated terms
/// (<see cref="TermPacks"/>): <see cref="MultiTermMatcher"/> (word-bounded, case-folded, every match reported) against
/// a bare <c>SearchValues&lt;string&gt;</c> candidate pass over the same terms (ignore case, no word boundaries, each
/// search restarted one character after the last candidate) and against one compiled, word-bounded, ignore-case
/// <see cref="Regex"/> alternation of the same terms. The regex is measured at 100 and 1,000 terms only: at 10,000 it
/// would take minutes per operation, so that case throws and shows as NA.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class MatcherKernel
{
    private string _text = null!;
    private MultiTermMatcher _matcher = null!;
    private MultiTermMatcher _portable = null!;
    private SearchValues<string> _search = null!;
    private Regex? _regex;

    /// <summary>How many terms.</summary>
    [Params(100, 1_000, 10_000)]
    public int Terms { get; set; }

    /// <summary>Compiles the terms every way.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _text = NewsCorpus.VariedOneMegabyte;
        var terms = TermPacks.Generate(Terms);
        _matcher = MultiTermMatcher.Create(terms.Select((t, i) => (t, i)));
        _portable = MultiTermMatcher.Create(terms.Select((t, i) => (t, i)), new MultiTermMatcherOptions { Engine = MatcherEngine.Portable });
        _search = SearchValues.Create(terms.ToArray(), StringComparison.OrdinalIgnoreCase);
        if (Terms <= 1_000)
        {
            var alternation = string.Join("|", terms.Select(t => Regex.Escape(t).Replace("\\ ", "\\s+", StringComparison.Ordinal)));
            _regex = new Regex(@"\b(?:" + alternation + @")\b", RegexOptions.Compiled | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        }
    }

    /// <summary>The bare candidate pass: how many places any term starts (case-insensitively, boundaries unchecked).</summary>
    /// <returns>The number of candidates.</returns>
    [Benchmark(Baseline = true)]
    public int SearchValuesCandidates() => KernelPasses.CountCandidates(_text.AsSpan(), _search);

    /// <summary>Our matcher (the engine it picks: SearchValues on net10.0), every match of every term.</summary>
    /// <returns>The number of matches.</returns>
    [Benchmark]
    public int Matcher() => KernelPasses.CountMatches(_matcher, _text.AsSpan());

    /// <summary>Our matcher's portable engine (the netstandard2.0 path: word by word).</summary>
    /// <returns>The number of matches.</returns>
    [Benchmark]
    public int MatcherPortable() => KernelPasses.CountMatches(_portable, _text.AsSpan());

    /// <summary>One compiled regex alternation of every term, word-bounded, ignore case.</summary>
    /// <returns>The number of matches.</returns>
    [Benchmark]
    public int RegexAlternation()
    {
        if (_regex is null)
        {
            throw new NotSupportedException("The regex alternation is measured at 100 and 1,000 terms only.");
        }

        var count = 0;
        foreach (var _ in _regex.EnumerateMatches(_text))
        {
            count++;
        }

        return count;
    }

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(new ThroughputColumn(_ => NewsCorpus.Utf8Bytes(NewsCorpus.VariedOneMegabyte)));
    }
}

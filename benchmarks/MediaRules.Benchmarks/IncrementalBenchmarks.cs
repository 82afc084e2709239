using BenchmarkDotNet.Attributes;
using MediaRules.Analysis;
using MediaRules.Text;

namespace MediaRules.Benchmarks;

/// <summary>
/// An incremental session against a full analysis of the same ~1 MB news document. <see cref="SingleEdit"/> replaces
/// one word ("said", alternately with "added") in a paragraph in the middle of a warm session; the session
/// re-analyses the paragraphs the edit touches and recombines the document-level rules from cached facts.
/// <see cref="SingleEditWithDiagnostics"/> also reads the whole document's diagnostic list, as an editor that
/// republishes every diagnostic would.
/// </summary>
[MemoryDiagnoser]
public class IncrementalBenchmarks
{
    private Linter _linter = null!;
    private SourceText _text = null!;
    private AnalysisSession _session = null!;
    private TextSpan _word;
    private bool _edited;
    private int _version;

    /// <summary>Builds the linter, the text and a warm session.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _linter = Linter.CreateDefault();
        _text = SourceText.From(NewsCorpus.OneMegabyte);
        _session = new AnalysisSession(_linter);
        _session.Open("news", _text);
        var content = _text.ToString();
        var at = content.IndexOf(" said ", content.Length / 2, System.StringComparison.Ordinal);
        _word = new TextSpan(at + 1, "said".Length);
    }

    /// <summary>A full analysis of the document.</summary>
    /// <returns>The number of diagnostics.</returns>
    [Benchmark(Baseline = true)]
    public int FullAnalysis() => _linter.Analyze(_text).Diagnostics.Count;

    /// <summary>One word replaced in a middle paragraph of a warm session.</summary>
    /// <returns>The number of paragraphs analysed.</returns>
    [Benchmark]
    public int SingleEdit() => Edit().LastUpdate.ParagraphsAnalyzed;

    /// <summary>As <see cref="SingleEdit"/>, then the whole document's diagnostics.</summary>
    /// <returns>The number of diagnostics.</returns>
    [Benchmark]
    public int SingleEditWithDiagnostics() => Edit().Diagnostics.Count;

    private SessionDocument Edit()
    {
        var change = _edited
            ? new TextChange(new TextSpan(_word.Start, "added".Length), "said")
            : new TextChange(_word, "added");
        _edited = !_edited;
        return _session.Update("news", new[] { change }, ++_version, default);
    }
}

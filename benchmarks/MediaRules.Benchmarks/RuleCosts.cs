using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using MediaRules.Analysis;
using MediaRules.Diagnostics;
using MediaRules.Documents;
using MediaRules.Rules;
using MediaRules.Text;

namespace MediaRules.Benchmarks;

/// <summary>
/// Each rule of the default packs alone, over the text model of the same ~1 MB of varied news text as
/// <see cref="ScanThroughput"/>, built once: what each rule adds to the pipeline. The term index's candidates are
/// computed once in the set-up, as a linter shares them between its term rules; the model's cost is
/// <c>Model</c>'s.
/// </summary>
[MemoryDiagnoser]
public class RuleCosts
{
    private Linter _linter = null!;
    private SourceText _text = null!;
    private DocumentModel _document = null!;
    private MediaRules.Matching.TermIndex.Candidates? _candidates;
    private CompiledRule _rule = null!;

    /// <summary>The rule's id; <c>Model</c> builds the text model instead.</summary>
    [ParamsSource(nameof(Rules))]
    public string Rule { get; set; } = string.Empty;

    /// <summary>Every default rule's id, and <c>Model</c>.</summary>
    public static IEnumerable<string> Rules => Linter.CreateDefault().CompiledRules.Select(r => r.Definition.Id).Prepend("Model");

    /// <summary>Builds the linter, the model and the shared candidates.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _linter = Linter.CreateDefault();
        _text = SourceText.From(NewsCorpus.VariedOneMegabyte);
        _document = DocumentModel.Create(_text);
        _candidates = _linter.TermIndex.For(_document);
        foreach (var rule in _linter.CompiledRules)
        {
            if (rule.Rule is MediaRules.Matching.ITermMatchingRule term)
            {
                _candidates.Of(term.Matcher);
            }
        }

        _rule = _linter.CompiledRules.FirstOrDefault(r => r.Definition.Id == Rule)!;
    }

    /// <summary>The rule over the model (or, for <c>Model</c>, the model itself).</summary>
    /// <returns>The number of diagnostics (or tokens).</returns>
    [Benchmark]
    public int Analyze()
    {
        if (_rule is null)
        {
            return DocumentModel.Create(_text).Tokens.Count;
        }

        var diagnostics = new List<Diagnostic>();
        _rule.Rule.Analyze(new RuleContext(_document, null, _rule.Rule.Descriptor, _rule.Scope, diagnostics, default, _candidates));
        return diagnostics.Count;
    }
}

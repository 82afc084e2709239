using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using MediaRules.Analysis;
using MediaRules.Diagnostics;
using MediaRules.Text;

namespace MediaRules.Tests.Corpus;

/// <summary>Span-level scores of one category over the corpus.</summary>
internal sealed class CategoryScore(string category)
{
    public string Category { get; } = category;

    /// <summary>Labels of this category in the corpus.</summary>
    public int Labels { get; set; }

    /// <summary>Diagnostics of this category that overlap a label of this category.</summary>
    public int TruePositives { get; set; }

    /// <summary>Diagnostics of this category that overlap no label of this category.</summary>
    public int FalsePositives { get; set; }

    /// <summary>Labels of this category that no diagnostic of this category overlaps.</summary>
    public int FalseNegatives { get; set; }

    /// <summary>Labels of this category that some diagnostic of this category overlaps.</summary>
    public int LabelsFound => Labels - FalseNegatives;

    public double Precision => TruePositives + FalsePositives == 0 ? (Labels == 0 ? 1 : 0) : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => Labels == 0 ? 1 : (double)LabelsFound / Labels;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>A diagnostic that overlaps no label of its category.</summary>
internal sealed record FalsePositive(CorpusSentence Sentence, Diagnostic Diagnostic, string Flagged, bool OnHardNegative);

/// <summary>A label that no diagnostic of its category overlaps.</summary>
internal sealed record FalseNegative(CorpusSentence Sentence, CorpusLabel Label, IReadOnlyList<string> ActualInSentence);

/// <summary>The outcome of running the default linter over the corpus.</summary>
internal sealed class CorpusEvaluationResult
{
    public Dictionary<string, CategoryScore> Scores { get; } =
        CorpusYaml.Categories.ToDictionary(c => c, c => new CategoryScore(c), StringComparer.Ordinal);

    public List<FalsePositive> FalsePositives { get; } = new();

    public List<FalseNegative> FalseNegatives { get; } = new();

    /// <summary>Per rule id: diagnostics that found a label, and diagnostics that did not.</summary>
    public SortedDictionary<string, (int Hits, int Misses)> ByRule { get; } = new(StringComparer.Ordinal);

    /// <summary>MR9xxx and other diagnostics outside the four categories (a rule that failed, for instance).</summary>
    public List<(CorpusSentence Sentence, Diagnostic Diagnostic)> Other { get; } = new();

    public int Sentences { get; set; }
}

/// <summary>
/// Scores the linter against the hand labels. A diagnostic counts when its severity is at least
/// <see cref="DiagnosticSeverity.Suggestion"/> (what a reader of the output sees).
/// </summary>
internal static class CorpusEvaluation
{
    public static bool IsCounted(Diagnostic d) => d.Severity >= DiagnosticSeverity.Suggestion;

    /// <summary>Whether a diagnostic's span overlaps a label span; an empty diagnostic span counts where it stands.</summary>
    public static bool Overlaps(TextSpan diagnostic, TextSpan label) =>
        diagnostic.Length == 0
            ? diagnostic.Start >= label.Start && diagnostic.Start < label.End
            : diagnostic.OverlapsWith(label);

    public static string Describe(SourceText text, Diagnostic d) =>
        $"{d.Id} '{text.ToString(d.Location.SourceSpan)}' ({d.Descriptor.Category}, {d.Severity.ToString().ToLowerInvariant()})";

    public static CorpusEvaluationResult Evaluate(
        Linter linter, IReadOnlyList<CorpusSentence> sentences, DiagnosticSeverity minimumSeverity = DiagnosticSeverity.Suggestion)
    {
        var result = new CorpusEvaluationResult { Sentences = sentences.Count };
        foreach (var sentence in sentences)
        {
            var text = SourceText.From(sentence.Text);
            var all = linter.Analyze(text, sentence.Id).Diagnostics.Where(d => d.Severity >= minimumSeverity).ToList();
            foreach (var d in all.Where(d => !result.Scores.ContainsKey(d.Descriptor.Category)))
            {
                result.Other.Add((sentence, d));
            }

            foreach (var score in result.Scores.Values)
            {
                var labels = sentence.Labels.Where(l => l.Category == score.Category).ToList();
                var diagnostics = all.Where(d => d.Descriptor.Category == score.Category).ToList();
                score.Labels += labels.Count;

                foreach (var d in diagnostics)
                {
                    var span = d.Location.SourceSpan;
                    var hit = labels.Any(l => l.Spans.Any(s => Overlaps(span, s)));
                    var (hits, misses) = result.ByRule.TryGetValue(d.Id, out var counts) ? counts : (0, 0);
                    result.ByRule[d.Id] = hit ? (hits + 1, misses) : (hits, misses + 1);
                    if (hit)
                    {
                        score.TruePositives++;
                    }
                    else
                    {
                        score.FalsePositives++;
                        var onHardNegative = sentence.HardNegatives.Any(n => Overlaps(span, n));
                        result.FalsePositives.Add(new FalsePositive(sentence, d, text.ToString(span), onHardNegative));
                    }
                }

                foreach (var label in labels)
                {
                    if (!diagnostics.Any(d => label.Spans.Any(s => Overlaps(d.Location.SourceSpan, s))))
                    {
                        score.FalseNegatives++;
                        result.FalseNegatives.Add(new FalseNegative(sentence, label, all.Select(d => Describe(text, d)).ToList()));
                    }
                }
            }
        }

        return result;
    }

    public static string Table(CorpusEvaluationResult result, IReadOnlyDictionary<string, double>? floors)
    {
        var sb = new StringBuilder();
        sb.AppendLine(floors is null
            ? "| category | labels | TP | FP | FN | precision | recall | F1 |"
            : "| category | labels | TP | FP | FN | precision | recall | F1 | floor |");
        sb.AppendLine(floors is null ? "|---|---:|---:|---:|---:|---:|---:|---:|" : "|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var s in result.Scores.Values)
        {
            var floor = floors is null ? string.Empty : Invariant($" {floors[s.Category]:0.00} |");
            sb.AppendLine(Invariant($"| {s.Category} | {s.Labels} | {s.TruePositives} | {s.FalsePositives} | {s.FalseNegatives} | {s.Precision:0.000} | {s.Recall:0.000} | {s.F1:0.000} |{floor}"));
        }

        return sb.ToString();
    }

    public static string Report(CorpusEvaluationResult result, IReadOnlyDictionary<string, double> floors)
    {
        var sb = new StringBuilder();
        sb.AppendLine("# Corpus evaluation");
        sb.AppendLine();
        sb.AppendLine(Invariant($"{result.Sentences} sentences from news-sentences.yaml, each analysed on its own with the default packs (diagnostics of severity suggestion and above)."));
        sb.AppendLine("TP: diagnostics of the category that overlap a label of the category. FP: diagnostics that overlap none.");
        sb.AppendLine("FN: labels that no diagnostic of their category overlaps. Precision = TP / (TP + FP); recall = labels found / labels.");
        sb.AppendLine();
        sb.Append(Table(result, floors));
        sb.AppendLine();

        sb.AppendLine(Invariant($"## False negatives ({result.FalseNegatives.Count})"));
        sb.AppendLine();
        foreach (var group in result.FalseNegatives.GroupBy(f => f.Label.Category))
        {
            sb.AppendLine(Invariant($"### {group.Key} ({group.Count()})"));
            sb.AppendLine();
            foreach (var fn in group)
            {
                var actual = fn.ActualInSentence.Count == 0 ? "no diagnostics" : string.Join("; ", fn.ActualInSentence);
                sb.AppendLine(Invariant($"- {fn.Sentence.Id} (line {fn.Sentence.Line}): expected {fn.Label.Category} {fn.Label.Display}; actual: {actual}"));
                sb.AppendLine(Invariant($"  > {fn.Sentence.Text}"));
            }

            sb.AppendLine();
        }

        sb.AppendLine(Invariant($"## False positives ({result.FalsePositives.Count})"));
        sb.AppendLine();
        foreach (var group in result.FalsePositives.GroupBy(f => f.Diagnostic.Descriptor.Category))
        {
            sb.AppendLine(Invariant($"### {group.Key} ({group.Count()})"));
            sb.AppendLine();
            foreach (var fp in group)
            {
                var expected = fp.Sentence.Labels.Where(l => l.Category == fp.Diagnostic.Descriptor.Category).Select(l => l.Display).ToList();
                var expectedText = expected.Count == 0 ? $"no {fp.Diagnostic.Descriptor.Category} finding" : $"only {string.Join(", ", expected)}";
                var tag = fp.OnHardNegative ? " [hard negative]" : string.Empty;
                sb.AppendLine(Invariant($"- {fp.Sentence.Id} (line {fp.Sentence.Line}): actual {fp.Diagnostic.Id} '{fp.Flagged}' ({fp.Diagnostic.Severity.ToString().ToLowerInvariant()}){tag}; expected {expectedText}. Message: {fp.Diagnostic.Message}"));
                sb.AppendLine(Invariant($"  > {fp.Sentence.Text}"));
            }

            sb.AppendLine();
        }

        sb.AppendLine("## By rule");
        sb.AppendLine();
        sb.AppendLine("| rule | diagnostics on a label | diagnostics on no label |");
        sb.AppendLine("|---|---:|---:|");
        foreach (var (id, (hits, misses)) in result.ByRule)
        {
            sb.AppendLine(Invariant($"| {id} | {hits} | {misses} |"));
        }

        if (result.Other.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine(Invariant($"## Other diagnostics ({result.Other.Count})"));
            sb.AppendLine();
            foreach (var (sentence, d) in result.Other)
            {
                sb.AppendLine(Invariant($"- {sentence.Id} (line {sentence.Line}): {d.Id} {d.Message}"));
            }
        }

        return sb.ToString();
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

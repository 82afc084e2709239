using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using MediaRules.Diagnostics;
using Xunit;
using Xunit.Abstractions;

namespace MediaRules.Tests.Corpus;

/// <summary>
/// Scores the default packs against the hand-labelled corpus (news-sentences.yaml): span-level precision, recall
/// and F1 per category. The full report — table, every false negative and false positive — is printed and written
/// to corpus-evaluation.md in the test output folder.
/// </summary>
public class CorpusEvaluationTests(ITestOutputHelper output)
{
    // F1 floors per category: the issue's target (F1 >= 0.9 in every category). Never lower the labels to meet
    // them. The rules were tuned against this corpus (its false negatives and positives were read), so these
    // figures flatter them; unseen text will score lower, which is why precision-first rules stay suggestions
    // where they cannot be right nine times in ten.
    public const double AttributionF1Floor = 0.90;
    public const double TerminologyF1Floor = 0.90;
    public const double ConsistencyF1Floor = 0.90;
    public const double QuotationF1Floor = 0.90;

    // The corpus itself: size, balance and coverage it must keep.
    public const int MinimumSentences = 180;
    public const double MinimumCleanOrHardNegativeShare = 0.45;
    public const int MinimumAttributionLabels = 25;
    public const int MinimumTerminologyLabels = 25;
    public const int MinimumConsistencyLabels = 10;
    public const int MinimumQuotationLabels = 10;

    public const string SentencesFile = "news-sentences.yaml";
    public const string ReportFile = "corpus-evaluation.md";

    private static readonly Dictionary<string, double> Floors = new(StringComparer.Ordinal)
    {
        [DiagnosticCategory.Attribution] = AttributionF1Floor,
        [DiagnosticCategory.Terminology] = TerminologyF1Floor,
        [DiagnosticCategory.Consistency] = ConsistencyF1Floor,
        [DiagnosticCategory.Quotation] = QuotationF1Floor,
    };

    [Fact]
    public void Default_packs_reach_the_F1_floor_in_every_category()
    {
        var sentences = CorpusYaml.LoadSentences(CorpusFiles.PathOf(SentencesFile));
        var result = CorpusEvaluation.Evaluate(TestSupport.Default, sentences);
        var report = CorpusEvaluation.Report(result, Floors)
            + Environment.NewLine + "## For information: warnings and errors only (suggestions left out)" + Environment.NewLine + Environment.NewLine
            + CorpusEvaluation.Table(CorpusEvaluation.Evaluate(TestSupport.Default, sentences, DiagnosticSeverity.Warning), floors: null);

        var reportPath = CorpusFiles.ReportPath(ReportFile);
        File.WriteAllText(reportPath, report);
        output.WriteLine(report);
        output.WriteLine($"Report written to {reportPath}");

        var below = result.Scores.Values
            .Where(s => s.F1 < Floors[s.Category])
            .Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Category}: F1 {s.F1:0.000} < floor {Floors[s.Category]:0.00}"))
            .ToList();
        Assert.True(below.Count == 0,
            $"Below the floor: {string.Join("; ", below)}.{Environment.NewLine}{CorpusEvaluation.Table(result, Floors)}Full report: {reportPath}");
    }

    [Fact]
    public void Corpus_is_large_balanced_and_covers_every_category()
    {
        var sentences = CorpusYaml.LoadSentences(CorpusFiles.PathOf(SentencesFile));
        var labels = sentences.SelectMany(s => s.Labels).GroupBy(l => l.Category).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        int Count(string category) => labels.TryGetValue(category, out var n) ? n : 0;
        var share = (double)sentences.Count(s => s.IsCleanOrHardNegative) / sentences.Count;

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{sentences.Count} sentences; clean or hard negative: {share:P1}; labels: {string.Join(", ", labels.Select(kv => $"{kv.Key} {kv.Value}"))}"));

        Assert.True(sentences.Count >= MinimumSentences, $"{sentences.Count} sentences, fewer than {MinimumSentences}");
        Assert.True(share >= MinimumCleanOrHardNegativeShare, string.Create(CultureInfo.InvariantCulture, $"only {share:P1} of sentences are clean or hard negatives"));
        Assert.True(Count(DiagnosticCategory.Attribution) >= MinimumAttributionLabels, "too few attribution labels");
        Assert.True(Count(DiagnosticCategory.Terminology) >= MinimumTerminologyLabels, "too few terminology labels");
        Assert.True(Count(DiagnosticCategory.Consistency) >= MinimumConsistencyLabels, "too few consistency labels");
        Assert.True(Count(DiagnosticCategory.Quotation) >= MinimumQuotationLabels, "too few quotation labels");

        var beats = sentences.Select(s => s.Beat).ToHashSet(StringComparer.Ordinal);
        foreach (var conflict in new[] { "israel", "russia-ukraine", "syria", "sudan", "myanmar" })
        {
            Assert.True(beats.Any(b => b.StartsWith(conflict, StringComparison.Ordinal)), $"no sentence from the '{conflict}' beat");
        }
    }

    [Theory]
    [InlineData("sentences:\n  - id: A\n    text: \"unclosed\n", 3)]
    [InlineData("sentences:\n  - id: A\n    text: \"The terrorists fled.\"\n    labels:\n      - {category: terminology, text: \"gunmen\"}\n", 5)]
    [InlineData("sentences:\n  - id: A\n    text: \"The terrorists fled.\"\n    labels:\n      - {category: wording, text: \"terrorists\"}\n", 5)]
    [InlineData("sentences:\n  - id: A\n    text: \"The terrorists fled.\"\n    lables: []\n", 4)]
    [InlineData("sentences:\n  - id: A\n    text: \"The terrorists fled.\"\n  - id: A\n    text: \"The gunmen fled.\"\n", 4)]
    [InlineData("sentences:\n  - id: A\n    text: \"The terrorists fled.\"\n    text: \"The gunmen fled.\"\n", 4)]
    [InlineData("sentences:\n  - id: A\n    text: \"He said \\\"no\\\" twice.\"\n    labels:\n      - {category: quotation, text: '\"', occurrence: 3}\n", 5)]
    public void A_malformed_corpus_fails_with_the_line_of_the_problem(string yaml, int line)
    {
        var ex = Assert.Throws<CorpusFormatException>(() => CorpusYaml.ParseSentences(yaml, "bad.yaml"));
        output.WriteLine(ex.Message);
        Assert.Contains($"bad.yaml(line {line.ToString(CultureInfo.InvariantCulture)},", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Label_texts_are_found_on_word_boundaries()
    {
        Assert.Equal(new MediaRules.Text.TextSpan(22, 8), CorpusYaml.Find("Zelenskyy met troops. Zelensky left.", "Zelensky", 1));
        Assert.Null(CorpusYaml.Find("Kylian Mbappé scored.", "Mbappe", 1));
        Assert.Equal(new MediaRules.Text.TextSpan(8, 1), CorpusYaml.Find("He said \"no\" and \"yes", "\"", 1));
        Assert.Equal(new MediaRules.Text.TextSpan(17, 1), CorpusYaml.Find("He said \"no\" and \"yes", "\"", 3));
    }
}

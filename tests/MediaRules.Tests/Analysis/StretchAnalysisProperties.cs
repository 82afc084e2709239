using System;
using System.Linq;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MediaRules.Analysis;
using MediaRules.Documents;
using MediaRules.Text;
using Xunit;
using static MediaRules.Tests.Session.SessionTestSupport;

namespace MediaRules.Tests.Analysis;

/// <summary>
/// A text analysed stretch by stretch (only a stretch's model alive at a time, stretches in parallel) gives the same
/// diagnostics as the whole text analysed at once: for any document, any stretch length and any parallelism.
/// </summary>
public class StretchAnalysisProperties
{
    // Paragraphs built to reach across edges (speakers, continued quotations, names spelled two ways, acronyms defined
    // late), joined by every kind of break; long enough to be cut many times at short stretch lengths.
    private static readonly Gen<string> Documents = DocumentsOf(40, "\n", "\n", "\n\n", "\r\n", "\n \n", "\u001E", "\r");

    [Property(MaxTest = 300)]
    public Property Stretches_give_the_whole_analysis() =>
        Prop.ForAll(Documents.ToArbitrary(), Gen.Choose(1, 600).ToArbitrary(), Gen.Choose(1, 3).ToArbitrary(), (text, stretch, parallelism) =>
        {
            var expected = Whole(text);
            var actual = Rows(TestSupport.Default.AnalyzeInStretches(SourceText.From(text), "doc.txt", stretch, parallelism).Diagnostics);
            return expected.SequenceEqual(actual)
                .Label($"stretch {stretch}, text: {text.Replace("\n", "\\n").Replace("\r", "\\r")}\nexpected:\n  {string.Join("\n  ", expected)}\nactual:\n  {string.Join("\n  ", actual)}");
        });

    // With one paragraph of context, cuts next to a speaker named a paragraph earlier come out wrong (checked: without
    // the check at each cut this property fails); the check sees the two windows disagree and joins the stretches.
    [Property(MaxTest = 300)]
    public Property With_one_paragraph_of_context_the_check_at_each_cut_still_gives_the_whole_analysis() =>
        Prop.ForAll(Documents.ToArbitrary(), Gen.Choose(1, 300).ToArbitrary(), (text, stretch) =>
            Whole(text).SequenceEqual(Rows(TestSupport.Default.AnalyzeInStretches(SourceText.From(text), "doc.txt", stretch, 2, context: 1).Diagnostics))
                .Label($"stretch {stretch}, text: {text.Replace("\n", "\\n").Replace("\r", "\\r")}"));

    [Fact]
    public void A_long_article_is_analysed_in_stretches_by_default_with_the_same_diagnostics()
    {
        // Past twice the default stretch length, Analyze cuts the text; its model is built only when asked for.
        var seed = TestSupport.SeedText;
        var builder = new StringBuilder();
        var i = 0;
        while (builder.Length < (2 * StretchAnalysis.DefaultStretchLength) + 10_000)
        {
            builder.Append(seed).Append("\n\n").Append(Paragraphs[i++ % Paragraphs.Length]).Append('\n');
        }

        var text = SourceText.From(builder.ToString());
        Assert.True(StretchAnalysis.Applies(TestSupport.Default, text, StretchAnalysis.DefaultStretchLength));
        var result = TestSupport.Default.Analyze(text, "long.txt");
        Assert.Equal(Whole(text.ToString(), "long.txt"), Rows(result.Diagnostics));
        Assert.True(result.Diagnostics.Count > 1000);
        Assert.Equal(DocumentModel.Create(text).Sentences.Count, result.Document.Sentences.Count);
        Assert.Same(text, result.Text);
    }

    [Theory]
    [InlineData(600_000, 2, StretchAnalysis.DefaultStretchLength)] // just past the threshold: the shortest stretches
    [InlineData(3_000_000, 2, 375_000)] // a quarter of each core's share
    [InlineData(3_000_000, 3, StretchAnalysis.DefaultStretchLength)] // a quarter of each share is less than 256K characters
    [InlineData(10_485_760, 2, StretchAnalysis.MaxStretchLength)] // a megabyte at most
    [InlineData(10_485_760, 16, StretchAnalysis.DefaultStretchLength)]
    [InlineData(600_000, 1, StretchAnalysis.MaxStretchLength)] // one worker: the longest stretches, whatever the length
    [InlineData(3_000_000, 1, StretchAnalysis.MaxStretchLength)]
    [InlineData(int.MaxValue, 1, StretchAnalysis.MaxStretchLength)]
    [InlineData(3_000_000, 0, StretchAnalysis.MaxStretchLength)] // no parallelism counts as one worker
    public void Stretches_are_a_quarter_of_each_worker_s_share_within_bounds(int length, int parallelism, int expected) =>
        Assert.Equal(expected, StretchAnalysis.LengthFor(length, parallelism));

    [Fact]
    public void Windows_that_see_a_cut_alike_agree_and_no_stretches_are_joined()
    {
        // Articles whose paragraphs depend on nothing beyond the context: each cut's two windows give the paragraphs on
        // either side the same diagnostics, facts and signatures (placed at the same positions), so nothing is joined.
        var builder = new StringBuilder();
        var i = 0;
        while (builder.Length < 200_000)
        {
            builder.Append(TestSupport.SeedText).Append("\n\n").Append(Paragraphs[i++ % Paragraphs.Length]).Append('\n');
        }

        var text = SourceText.From(builder.ToString());
        var statistics = new StretchStatistics();
        var diagnostics = StretchAnalysis.Analyze(TestSupport.Default, text, "long.txt", 20_000, 1, default, StretchAnalysis.DefaultContext, statistics);
        Assert.NotNull(diagnostics);
        Assert.True(statistics.Stretches > 5, $"{statistics.Stretches} stretches");
        Assert.Equal(0, statistics.Joins);
        Assert.Equal(Whole(text.ToString(), "long.txt"), Rows(diagnostics!));
    }

    [Theory]
    [InlineData(60, 2)]
    [InlineData(400, 2)]
    [InlineData(1, 1)]
    public void Speakers_quoted_paragraphs_later_give_the_whole_analysis(int stretch, int context)
    {
        // Each speaker is named a paragraph or two before the quotation a pronoun gives them, cut at every paragraph.
        // (The property with one paragraph of context is where stretches join, and now and then run out of their
        // budget and go whole.)
        var builder = new StringBuilder();
        for (var i = 0; i < 60; i++)
        {
            builder.Append("Army chief Herzi Halevi said the operation would continue.\n“The mission is clear.”\n")
                .Append("“We will not stop,” he said of position ").Append(i).Append(".\n");
        }

        var text = builder.ToString();
        Assert.Equal(Whole(text), Rows(TestSupport.Default.AnalyzeInStretches(SourceText.From(text), "doc.txt", stretch, 2, context).Diagnostics));
    }

    [Fact]
    public void Block_starts_follow_paragraph_breaks()
    {
        Assert.Equal(new[] { 0, 2, 5, 6, 8 }, StretchAnalysis.BlockStarts("a\nb\r\n\nc\r"));
        Assert.Equal(new[] { 0, 0 }, StretchAnalysis.BlockStarts(string.Empty));
        Assert.Equal(new[] { 0, 3 }, StretchAnalysis.BlockStarts("abc"));
    }

    [Property(MaxTest = 500)]
    public Property Block_starts_of_a_range_are_after_each_paragraph_break_in_it() =>
        Prop.ForAll(
            Gen.ArrayOf(Gen.Elements("a", "bc", " ", "\n", "\r", "\r\n", "\u0085", "\u2029", "\u001E", "\u2028", "é")).Select(string.Concat).ToArbitrary(),
            Gen.Choose(0, 100).ToArbitrary(),
            Gen.Choose(0, 100).ToArbitrary(),
            (text, a, b) =>
            {
                // The vectorized search from break to break against a reading character by character.
                var start = text.Length * Math.Min(a, b) / 100;
                var end = text.Length * Math.Max(a, b) / 100;
                var expected = new System.Collections.Generic.List<int> { start };
                for (var i = start; i < end; i++)
                {
                    if (!TextChars.IsParagraphBreak(text[i]))
                    {
                        continue;
                    }

                    if (text[i] == '\r' && i + 1 < end && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    if (i + 1 < end)
                    {
                        expected.Add(i + 1);
                    }
                }

                expected.Add(end);
                return expected.SequenceEqual(BlockSplitter.Starts(text, start, end));
            });

    // The whole text at once: the model of all of it, every rule over it.
    private static System.Collections.Generic.List<string> Whole(string text, string path = "doc.txt") =>
        Rows(TestSupport.Default.Analyze(DocumentModel.Create(SourceText.From(text)), path, default).Diagnostics);
}

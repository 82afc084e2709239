using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MediaRules.Analysis;
using MediaRules.Text;
using Xunit;
using static MediaRules.Tests.Session.SessionTestSupport;

namespace MediaRules.Tests.Session;

public class AnalysisSessionTests
{
    private static readonly string Article = Join(Paragraphs, "\n");


    [Fact]
    public void Open_gives_the_full_analysis_and_analyses_every_paragraph()
    {
        var session = new AnalysisSession(TestSupport.Default);
        var document = session.Open("a", SourceText.From(TestSupport.SeedText), 1, "seed.txt");

        var full = TestSupport.Default.Analyze(SourceText.From(TestSupport.SeedText), "seed.txt").Diagnostics;
        Assert.Equal(full, document.Diagnostics);
        Assert.Equal(document.LastUpdate.ParagraphCount, document.LastUpdate.ParagraphsAnalyzed);
        Assert.Equal(0, document.LastUpdate.ParagraphsReused);
        Assert.Equal("seed.txt", document.Diagnostics[0].Location.Path);
    }

    [Fact]
    public void A_one_word_edit_reanalyses_a_few_paragraphs_and_reuses_the_rest()
    {
        var text = string.Join("\n", Enumerable.Repeat(Article, 10));
        var session = new AnalysisSession(TestSupport.Default);
        var opened = session.Open("a", SourceText.From(text));
        var at = text.IndexOf("would continue", text.Length / 2, StringComparison.Ordinal);

        var edited = session.Update("a", new[] { new TextChange(new TextSpan(at, "would".Length), "will") }, 2, default);

        var stats = edited.LastUpdate;
        Assert.InRange(stats.ParagraphsAnalyzed, 1, 9);
        Assert.True(stats.ParagraphsReused >= opened.LastUpdate.ParagraphCount - 9, stats.ToString());
        Assert.Equal(2, stats.DocumentRulesReused); // names and acronyms: the same facts, moved
        Assert.Equal(FullAnalysis(TestSupport.Default, edited.Text.ToString()), Rows(edited.Diagnostics));
    }

    [Fact]
    public void An_edit_before_a_name_moves_the_name_reports_with_it()
    {
        // "Halevi … Halevy" is one name spelled two ways; typing before the first moves both reports' lines and spans.
        var text = "Army chief Herzi Halevi said the operation would continue.\nHalevy added that troops had entered.";
        var session = new AnalysisSession(TestSupport.Default);
        session.Open("a", SourceText.From(text));
        var edited = session.Update("a", new[] { new TextChange(new TextSpan(0, 0), "The ") }, 2, default);

        Assert.Contains(edited.Diagnostics, d => d.Id == "MR3001");
        Assert.Equal(FullAnalysis(TestSupport.Default, edited.Text.ToString()), Rows(edited.Diagnostics));
    }

    [Fact]
    public void Typing_a_name_recomputes_the_names_rule()
    {
        var session = new AnalysisSession(TestSupport.Default);
        session.Open("a", SourceText.From(Article));
        var at = Article.IndexOf("Halevy", StringComparison.Ordinal);
        var edited = session.Update("a", new[] { new TextChange(new TextSpan(at, 6), "Halevi") }, 2, default);

        Assert.True(edited.LastUpdate.DocumentRulesRecomputed >= 1, edited.LastUpdate.ToString());
        Assert.Equal(FullAnalysis(TestSupport.Default, edited.Text.ToString()), Rows(edited.Diagnostics));
    }

    [Fact]
    public void A_whole_new_text_is_diffed_against_the_old_one()
    {
        var session = new AnalysisSession(TestSupport.Default);
        var text = string.Join("\n", Enumerable.Repeat(Article, 5));
        session.Open("a", SourceText.From(text));
        var at = text.IndexOf("Critics called it a massacre.", text.Length / 2, StringComparison.Ordinal);
        var changed = text.Substring(0, at) + "Critics called it a tragedy." + text.Substring(at + "Critics called it a massacre.".Length);
        var edited = session.Update("a", SourceText.From(changed), 2, default);

        Assert.True(edited.LastUpdate.ParagraphsReused > edited.LastUpdate.ParagraphCount / 2, edited.LastUpdate.ToString());
        Assert.Equal(FullAnalysis(TestSupport.Default, changed), Rows(edited.Diagnostics));

        var same = session.Update("a", SourceText.From(changed), 3, default);
        Assert.Equal(0, same.LastUpdate.ParagraphsAnalyzed);
        Assert.Equal(3, same.Version);
    }

    [Fact]
    public void Changing_the_rules_reanalyses_every_open_document()
    {
        var session = new AnalysisSession(TestSupport.Default);
        session.Open("a", SourceText.From(Article));
        session.Open("b", SourceText.From(TestSupport.SeedText));
        var onlyQuotes = new LinterBuilder().AddRulesFile(System.IO.Path.Combine(TestSupport.RulesDirectory, "quotation.yaml")).Build();

        var updated = session.SetLinter(onlyQuotes);

        Assert.Equal(new[] { "a", "b" }, updated.Select(d => d.Id).ToArray());
        Assert.Same(onlyQuotes, session.Linter);
        foreach (var document in updated)
        {
            Assert.All(document.Diagnostics, d => Assert.StartsWith("MR4", d.Id, StringComparison.Ordinal));
            Assert.Equal(FullAnalysis(onlyQuotes, document.Text.ToString()), Rows(document.Diagnostics));
        }
    }

    [Fact]
    public void Closing_unknown_ids_and_bad_changes_are_reported()
    {
        var session = new AnalysisSession(TestSupport.Default);
        session.Open("a", SourceText.From("Kiev said."));
        Assert.Throws<KeyNotFoundException>(() => session.Update("nope", Array.Empty<TextChange>(), 1, default));
        Assert.Throws<ArgumentException>(() => session.Update("a", new[] { new TextChange(new TextSpan(5, 50), "x") }, 1, default));
        Assert.Throws<ArgumentException>(() => session.Update("a", new[] { new TextChange(new TextSpan(0, 3), "x"), new TextChange(new TextSpan(2, 3), "y") }, 1, default));
        Assert.True(session.TryGetDocument("a", out var kept));
        Assert.Equal("Kiev said.", kept!.Text.ToString()); // a refused change leaves the document as it was
        Assert.True(session.Close("a"));
        Assert.False(session.Close("a"));
        Assert.False(session.TryGetDocument("a", out _));
        Assert.Empty(session.DocumentIds);
    }

    [Fact]
    public void A_cancelled_update_leaves_the_document_as_it_was()
    {
        var session = new AnalysisSession(TestSupport.Default);
        session.Open("a", SourceText.From(Article), 1);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => session.Update("a", new[] { new TextChange(new TextSpan(0, 0), "x") }, 2, cancelled.Token));
        Assert.True(session.TryGetDocument("a", out var document));
        Assert.Equal(1, document!.Version);
        Assert.Equal(Article, document.Text.ToString());
    }

    [Fact]
    public async Task Readers_see_consistent_snapshots_while_one_writer_edits()
    {
        var session = new AnalysisSession(TestSupport.Default);
        var text = string.Join("\n", Enumerable.Repeat(Article, 3));
        session.Open("a", SourceText.From(text), 0);
        var expected = new Dictionary<int, List<string>>();
        using var stop = new CancellationTokenSource();
        var failures = 0;
        var checkedSnapshots = 0;

        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                if (session.TryGetDocument("a", out var snapshot))
                {
                    // A snapshot's diagnostics always belong to its own text.
                    if (snapshot.Diagnostics.Any(d => d.Location.SourceSpan.End > snapshot.Length))
                    {
                        Interlocked.Increment(ref failures);
                    }

                    Interlocked.Increment(ref checkedSnapshots);
                }
            }
        })).ToArray();

        SpinWait.SpinUntil(() => Volatile.Read(ref checkedSnapshots) > 0, TimeSpan.FromSeconds(30));
        var current = text;
        var random = new Random(7);
        for (var version = 1; version <= 40; version++)
        {
            var start = random.Next(current.Length);
            var change = version % 2 == 0
                ? new TextChange(new TextSpan(start, Math.Min(12, current.Length - start)), string.Empty)
                : new TextChange(new TextSpan(start, 0), Insertions[random.Next(Insertions.Length)]);
            current = current.Substring(0, change.Span.Start) + change.NewText + current.Substring(change.Span.End);
            session.Update("a", new[] { change }, version, default);
        }

        stop.Cancel();
        await Task.WhenAll(readers);
        Assert.Equal(0, failures);
        Assert.True(checkedSnapshots > 0);
        Assert.True(session.TryGetDocument("a", out var last));
        Assert.Equal(40, last!.Version);
        Assert.Equal(FullAnalysis(TestSupport.Default, current), Rows(last.Diagnostics));
    }
}

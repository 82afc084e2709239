using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MediaRules.Analysis;
using MediaRules.Diagnostics;
using MediaRules.Text;
using Xunit;

namespace MediaRules.Tests.Analysis;

/// <summary>
/// The order of a result's diagnostics is a function of the diagnostics alone, so that a whole analysis, stretches and
/// a session, which gather the same findings in different orders, give the same list. Name-consistency can report one
/// span twice (one finding per other spelling): the message decides between them.
/// </summary>
public class DiagnosticOrderTests
{
    // A session found this text's two findings per name span in the other order (FsCheck seed of
    // IncrementalEqualsFullProperties.Several_changes_at_once_and_whole_new_texts_give_the_full_analysis).
    private const string Text = "Sources said the talks had failed.\nSourceAntony Blinken met Tony Blinken's aides.\n"
        + "Antony Blinken met Tony Blinken's aides.\n";

    [Fact]
    public void Any_gathering_order_sorts_to_the_same_list()
    {
        var diagnostics = TestSupport.Default.Analyze(SourceText.From(Text)).Diagnostics.ToList();
        Assert.Contains(diagnostics, d => diagnostics.Count(e => e.Id == d.Id && e.Location.SourceSpan == d.Location.SourceSpan) > 1);

        var random = new Random(2026);
        for (var i = 0; i < 20; i++)
        {
            var shuffled = diagnostics.OrderBy(_ => random.Next()).ToList();
            shuffled.Sort(Linter.CompareDiagnostics);
            Assert.Equal(diagnostics, shuffled);
        }
    }

    // The sort by keys (DiagnosticOrder) gives the order of the comparison itself: for any findings, any ids (ordinal
    // order, not the order rules ran in), spans that tie and messages that decide. Findings equal in every key keep the
    // order they were reported in.
    [Property(MaxTest = 300)]
    public Property Sorting_by_keys_gives_the_order_of_the_comparison() =>
        Prop.ForAll(Findings.ToArbitrary(), findings =>
        {
            var text = SourceText.From(new string('x', 64));
            var diagnostics = findings.Select((f, i) => Finding(text, f.Id, f.Start, f.Length, f.Message, i)).ToList();
            var expected = diagnostics.ToList();
            expected.Sort((a, b) => Linter.CompareDiagnostics(a, b) is var c && c != 0 ? c : Order(a).CompareTo(Order(b)));
            var actual = diagnostics.ToList();
            DiagnosticOrder.Sort(actual);
            return expected.SequenceEqual(actual).Label(string.Join(", ", actual.Select(d => $"{d.Id}@{d.Location.SourceSpan}:{d.Message}#{Order(d)}")));
        });

    [Fact]
    public void Sorting_by_keys_orders_ids_ordinally_and_lengths_after_them()
    {
        var text = SourceText.From("abcdefghij");
        var diagnostics = new List<Diagnostic>
        {
            Finding(text, "MR3001", 2, 3, "b", 0),
            Finding(text, "MR2001", 2, 3, "a", 1),
            Finding(text, "MR2001", 2, 1, "z", 2),
            Finding(text, "MR3001", 2, 3, "a", 3),
            Finding(text, "MR1001", 5, 1, "a", 4),
            Finding(text, "MR0001", 0, 9, "a", 5),
        };
        DiagnosticOrder.Sort(diagnostics);
        Assert.Equal(new[] { 5, 2, 1, 3, 0, 4 }, diagnostics.Select(Order));
    }

    private static readonly Gen<(string Id, int Start, int Length, string Message)[]> Findings =
        Gen.Zip(Gen.Zip(Gen.Elements("MR1001", "MR2013", "MR3001", "MR0001", "MR1010"), Gen.Choose(0, 20)), Gen.Zip(Gen.Choose(0, 4), Gen.Elements("a", "b", "ab", "")))
            .Select(t => (t.Item1.Item1, t.Item1.Item2, t.Item2.Item1, t.Item2.Item2))
            .ArrayOf();

    // The finding's place in the list it was reported in, kept in its fix title.
    private static int Order(Diagnostic diagnostic) => int.Parse(diagnostic.Fix!.Title, System.Globalization.CultureInfo.InvariantCulture);

    private static Diagnostic Finding(SourceText text, string id, int start, int length, string message, int order)
    {
        var descriptor = new DiagnosticDescriptor(id, "Test " + id, "{match}", DiagnosticCategory.FromRuleId(id) ?? DiagnosticCategory.Attribution, DiagnosticSeverity.Warning, null, null);
        var fix = new CodeFix(order.ToString(System.Globalization.CultureInfo.InvariantCulture), new[] { new TextChange(new TextSpan(start, length), "y") });
        return new Diagnostic(descriptor, Location.Create("a.txt", text, new TextSpan(start, length)), message, DiagnosticSeverity.Warning, fix);
    }
}

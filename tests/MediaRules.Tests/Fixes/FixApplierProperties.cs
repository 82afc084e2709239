using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MediaRules.Analysis;
using MediaRules.Diagnostics;
using MediaRules.Fixes;
using MediaRules.Text;

namespace MediaRules.Tests.Fixes;

/// <summary>
/// Invariants of <see cref="FixApplier"/>: on arbitrary fixes (any spans, overlapping or not) and on the fixes real
/// rules offer on news-like text (default packs, CRLF and non-ASCII text included).
/// </summary>
public class FixApplierProperties
{
    private static readonly string[] Fragments =
    {
        "The minister reportedly resigned.", " ", " ", "\n", "\r\n", "\n\n", "“", "”", "\"", "’", "Kiev", "claimed",
        "admitted", "insisted", "sources said", "the resistance", "Israeli Occupation Forces (IOF)", "“Israel”",
        "\"Israel\"", ",", ".", "Netanyahu said", "\U0001F600", "e\u0301", "שלום", "Mbappé", "18,000 martyrs",
        "captives", "prisoners", "occupied Al-Quds", "He said ", "Officials ", "The army ", "the IOF",
    };

    private static Arbitrary<string> NewsLike() =>
        Gen.ArrayOf(Gen.Elements(Fragments)).Select(string.Concat).ToArbitrary();

    /// <summary>A text and some fixes on it: any spans (empty ones too), any replacements, overlapping at will.</summary>
    private static Arbitrary<(string Text, Diagnostic[] Diagnostics)> TextWithFixes() =>
        (from text in Gen.Elements("", "a", "abc def", "The minister claimed the Kiev regime fell.\r\n", "“Israel” — שלום \U0001F600\n")
         from count in Gen.Choose(0, 8)
         from fixes in Gen.ArrayOf(FixOn(text), count)
         select (text, fixes)).ToArbitrary();

    private static Gen<Diagnostic> FixOn(string s) =>
        from id in Gen.Elements("MR1003", "MR2001", "MR2012", "MR2013")
        from spanCount in Gen.Choose(0, 3)
        from spans in Gen.ArrayOf(
            from start in Gen.Choose(0, s.Length)
            from length in Gen.Choose(0, Math.Min(6, s.Length - start))
            from replacement in Gen.Elements("", "x", "said", "Kyiv", "\n", "é")
            select (start, length, replacement),
            spanCount)
        select FixApplierTests.Finding(SourceText.From(s), id, spans.Length > 0 ? spans[0].start : 0, 0, spans);

    [Property(MaxTest = 500)]
    public Property Chosen_fixes_never_overlap_and_the_rest_of_the_text_is_unchanged() =>
        Prop.ForAll(TextWithFixes(), input =>
        {
            var text = SourceText.From(input.Text);
            var result = FixApplier.Apply(text, input.Diagnostics);
            var changes = result.Changes;
            var ordered = changes.Zip(changes.Skip(1), (a, b) => a.Span.End <= b.Span.Start && !(a.Span.IsEmpty && a.Span.Start == b.Span.Start) && !(b.Span.IsEmpty && b.Span.Start == a.Span.End)).All(x => x);
            return ordered
                && result.Text.ContentEquals(text.WithChanges(changes))
                && UnchangedOutside(input.Text, result.Text.ToString(), changes)
                && result.Applied.Count + result.Skipped.Count == input.Diagnostics.Count(d => d.Fix is not null)
                && result.Applied.All(d => d.Fix!.Changes.All(c => changes.Contains(c)));
        });

    [Property(MaxTest = 300)]
    public Property The_choice_does_not_depend_on_the_order_of_the_diagnostics() =>
        Prop.ForAll(TextWithFixes(), input =>
        {
            var text = SourceText.From(input.Text);
            var forward = FixApplier.Apply(text, input.Diagnostics);
            var backward = FixApplier.Apply(text, input.Diagnostics.Reverse());
            var rotated = FixApplier.Apply(text, input.Diagnostics.Skip(1).Concat(input.Diagnostics.Take(1)));
            return forward.Text.ContentEquals(backward.Text) && forward.Changes.SequenceEqual(backward.Changes)
                && forward.Text.ContentEquals(rotated.Text) && forward.Applied.Count == backward.Applied.Count;
        });

    [Property(MaxTest = 300)]
    public Property A_skipped_fix_conflicts_with_a_chosen_one_or_is_invalid() =>
        Prop.ForAll(TextWithFixes(), input =>
        {
            var text = SourceText.From(input.Text);
            var result = FixApplier.Apply(text, input.Diagnostics);
            return result.Skipped.All(d =>
                d.Fix!.Changes.Any(c => c.Span.End > text.Length)
                || SelfConflicting(d.Fix.Changes)
                || d.Fix.Changes.Any(c => result.Changes.Any(k => Conflict(c.Span, k.Span))));
        });

    /// <summary>
    /// Real rules, one pass: no fixed finding is reported again (the same rule, with the same message, in the text its
    /// fix wrote), and nothing outside the fixes changes. A fix may still leave or uncover another finding nearby:
    /// of nested scare quotes (““Israel””) the outer pair is removed and the inner one, whose fix overlapped, remains;
    /// removing one pair of marks can pair a stray mark with a later one. Those are other findings, not the fixed ones.
    /// </summary>
    [Property(MaxTest = 200)]
    public Property Relinting_after_a_fix_reports_none_of_the_fixed_findings() =>
        Prop.ForAll(NewsLike(), s =>
        {
            var text = SourceText.From(s);
            var before = TestSupport.Default.Analyze(text);
            var result = FixApplier.Apply(text, before.Diagnostics);
            var after = TestSupport.Default.Analyze(result.Text);
            var fixedSpans = FixedSpans(result).ToList();
            return UnchangedOutside(s, result.Text.ToString(), result.Changes)
                && !after.Diagnostics.Any(d => fixedSpans.Any(f => f.Id == d.Id && f.Message == d.Message && f.Span.Contains(d.Location.SourceSpan)));
        });

    /// <summary>With a pack whose replacements are never flagged themselves, a second pass has nothing left to do.</summary>
    [Property(MaxTest = 200)]
    public Property Applying_fixes_is_idempotent() =>
        Prop.ForAll(Gen.ArrayOf(Gen.Elements("zorgs", "blorp", "Kiev", "claimed", " ", "\r\n", "\n", "é", "“", "”", ".", "the ", "Kievan")).Select(string.Concat).ToArbitrary(), s =>
        {
            var once = FixApplier.Apply(SourceText.From(s), TermPack.Analyze(SourceText.From(s)).Diagnostics).Text;
            var afterOnce = TermPack.Analyze(once);
            var twice = FixApplier.Apply(once, afterOnce.Diagnostics);
            return twice.Changes.Count == 0 && twice.Text.ContentEquals(once) && afterOnce.Diagnostics.All(d => d.Fix is null);
        });

    private static readonly Lazy<Linter> TermPackLinter = new(() => new LinterBuilder().AddRules(
        """
        rules:
          - id: MR2901
            title: Test labels
            kind: term
            message: "'{match}'"
            voices: [any]
            terms:
              - term: zorgs
                suggest: [fighters]
              - term: Kiev
                suggest: [Kyiv]
              - term: claimed
                suggest: [said]
              - blorp
        """,
        "test-pack.yaml").Build());

    private static Linter TermPack => TermPackLinter.Value;

    /// <summary>Where each applied fix's change sits in the fixed text, with what was applied there.</summary>
    internal static IEnumerable<(string Id, string Message, TextSpan Span)> FixedSpans(FixResult result)
    {
        foreach (var d in result.Applied)
        {
            if (d.Fix!.Changes.Count != 1)
            {
                continue;
            }

            var change = d.Fix.Changes[0];
            var shift = result.Changes.TakeWhile(c => c.Span.Start < change.Span.Start).Sum(c => c.NewText.Length - c.Span.Length);
            yield return (d.Id, d.Message, new TextSpan(change.Span.Start + shift, change.NewText.Length));
        }
    }

    /// <summary>Whether the new text is the old one with only the changed spans rewritten: every other character is in place.</summary>
    internal static bool UnchangedOutside(string old, string now, IReadOnlyList<TextChange> changes)
    {
        int oldAt = 0, newAt = 0;
        foreach (var change in changes)
        {
            var keep = change.Span.Start - oldAt;
            if (string.CompareOrdinal(old, oldAt, now, newAt, keep) != 0 || string.CompareOrdinal(now, newAt + keep, change.NewText, 0, change.NewText.Length) != 0)
            {
                return false;
            }

            newAt += keep + change.NewText.Length;
            oldAt = change.Span.End;
        }

        return old.Length - oldAt == now.Length - newAt && string.CompareOrdinal(old, oldAt, now, newAt, old.Length - oldAt) == 0;
    }

    private static bool Conflict(TextSpan a, TextSpan b) => a.OverlapsWith(b) || ((a.IsEmpty || b.IsEmpty) && a.IntersectsWith(b));

    private static bool SelfConflicting(IReadOnlyList<TextChange> changes) =>
        changes.SelectMany((a, i) => changes.Skip(i + 1).Select(b => Conflict(a.Span, b.Span))).Any(x => x);
}

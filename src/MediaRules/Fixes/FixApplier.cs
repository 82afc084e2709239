using System;
using System.Collections.Generic;
using System.Linq;
using MediaRules.Diagnostics;
using MediaRules.Text;

namespace MediaRules.Fixes;

/// <summary>
/// Applies the suggested fixes of a set of diagnostics to the text they were reported on, choosing fixes that do
/// not overlap.
/// </summary>
/// <remarks>
/// <para>A fix (<see cref="CodeFix"/>) is applied whole or not at all. The fix of a suppressed diagnostic is never
/// applied: the text's author asked for that finding to be left alone. Two fixes conflict when a change of one
/// overlaps a change of the other (they share a character), or when an insertion (an empty span) lies at the
/// start, inside or at the end of a change of the other, where the order of the two would be ambiguous.
/// Replacements that only touch (<c>[0,3)</c> and <c>[3,5)</c>) do not conflict.</para>
/// <para>The choice is deterministic and does not depend on the order of the diagnostics: fixes are taken in order
/// of their extent (the span from the start of their first change to the end of their last) — the earliest start
/// first, then the longest (the more specific match: "Israel Occupation Forces" before "Occupation Forces"), then by
/// rule id and by their replacement texts (ordinal) — and each is kept unless it conflicts with one kept before
/// it. A fix whose changes are exactly those of a kept fix (two rules offering the same replacement) counts as
/// applied. A fix whose own changes overlap each other or lie outside the text is never applied.</para>
/// <para>One call is one pass: the changes all refer to the given text, never to a partly fixed
/// text. Linting the result may report new fixes (one that an applied fix made possible, or one that lost to an
/// overlapping fix); calling again with those applies them.</para>
/// </remarks>
public static class FixApplier
{
    /// <summary>Applies every fix of <paramref name="diagnostics"/> that does not conflict with one chosen before it.</summary>
    /// <param name="text">The text the diagnostics were reported on.</param>
    /// <param name="diagnostics">The diagnostics; those without a fix, and suppressed ones (<see cref="Diagnostic.IsSuppressed"/>), are ignored.</param>
    /// <returns>The fixed text, the diagnostics whose fixes were applied and those whose fixes were not.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> or <paramref name="diagnostics"/> is null.</exception>
    public static FixResult Apply(SourceText text, IEnumerable<Diagnostic> diagnostics)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        if (diagnostics is null)
        {
            throw new ArgumentNullException(nameof(diagnostics));
        }

        var candidates = new List<Candidate>();
        var skipped = new List<Diagnostic>();
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic?.Fix is not { } fix || diagnostic.IsSuppressed)
            {
                continue;
            }

            var changes = fix.Changes.OrderBy(c => c.Span.Start).ThenBy(c => c.Span.End).ToArray();
            if (changes.Length == 0 || !IsValid(changes, text.Length))
            {
                skipped.Add(diagnostic);
                continue;
            }

            candidates.Add(new Candidate(diagnostic, changes));
        }

        candidates.Sort(CompareCandidates);
        var kept = new List<Candidate>();
        var applied = new List<Diagnostic>();
        var chosen = new List<TextChange>();
        foreach (var candidate in candidates)
        {
            if (kept.Any(k => SameChanges(k.Changes, candidate.Changes)))
            {
                applied.Add(candidate.Diagnostic);
            }
            else if (chosen.Any(c => candidate.Changes.Any(n => Conflict(c.Span, n.Span))))
            {
                skipped.Add(candidate.Diagnostic);
            }
            else
            {
                kept.Add(candidate);
                applied.Add(candidate.Diagnostic);
                chosen.AddRange(candidate.Changes);
            }
        }

        chosen.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : a.Span.End.CompareTo(b.Span.End));
        return new FixResult(text.WithChanges(chosen), chosen, InDocumentOrder(applied), InDocumentOrder(skipped));
    }

    /// <summary>Whether two changes cannot both be applied: they overlap, or an insertion lies within or at an edge of the other.</summary>
    private static bool Conflict(TextSpan a, TextSpan b) =>
        a.OverlapsWith(b) || ((a.IsEmpty || b.IsEmpty) && a.IntersectsWith(b));

    private static bool IsValid(TextChange[] ordered, int length)
    {
        for (var i = 0; i < ordered.Length; i++)
        {
            if (ordered[i].Span.End > length || (i > 0 && Conflict(ordered[i - 1].Span, ordered[i].Span)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool SameChanges(TextChange[] a, TextChange[] b) => a.AsSpan().SequenceEqual(b);

    private static int CompareCandidates(Candidate x, Candidate y)
    {
        var c = x.Start.CompareTo(y.Start);
        if (c != 0)
        {
            return c;
        }

        c = y.End.CompareTo(x.End);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(x.Diagnostic.Id, y.Diagnostic.Id);
        if (c != 0)
        {
            return c;
        }

        for (var i = 0; i < Math.Min(x.Changes.Length, y.Changes.Length); i++)
        {
            c = x.Changes[i].Span.CompareTo(y.Changes[i].Span);
            if (c == 0)
            {
                c = string.CompareOrdinal(x.Changes[i].NewText, y.Changes[i].NewText);
            }

            if (c != 0)
            {
                return c;
            }
        }

        c = x.Changes.Length.CompareTo(y.Changes.Length);
        return c != 0 ? c : x.Diagnostic.Location.SourceSpan.CompareTo(y.Diagnostic.Location.SourceSpan);
    }

    private static List<Diagnostic> InDocumentOrder(List<Diagnostic> diagnostics) =>
        diagnostics
            .OrderBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Location.SourceSpan.End)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToList();

    private sealed class Candidate(Diagnostic diagnostic, TextChange[] changes)
    {
        public Diagnostic Diagnostic { get; } = diagnostic;

        public TextChange[] Changes { get; } = changes;

        public int Start => Changes[0].Span.Start;

        public int End => Changes.Max(c => c.Span.End);
    }
}

using System;
using System.Collections.Generic;
using MediaRules.Text;

namespace MediaRules.Formatting;

/// <summary>What the article markup does at one position: open or close a finding's element, or place a marker.</summary>
internal enum HtmlLayoutStepKind
{
    /// <summary>Opens the element of a finding shown in the text.</summary>
    Open,

    /// <summary>Closes the element opened last.</summary>
    Close,

    /// <summary>An empty marker where a finding shown outside the text (it partly overlaps another) starts.</summary>
    Marker,
}

/// <summary>One step of the article markup, at a position of the text.</summary>
internal readonly struct HtmlLayoutStep : IEquatable<HtmlLayoutStep>
{
    public HtmlLayoutStep(HtmlLayoutStepKind kind, int position, int index, int depth)
    {
        Kind = kind;
        Position = position;
        Index = index;
        Depth = depth;
    }

    public HtmlLayoutStepKind Kind { get; }

    /// <summary>Where in the text the step happens (the text before it is written first).</summary>
    public int Position { get; }

    /// <summary>The finding's index in the document's diagnostics.</summary>
    public int Index { get; }

    /// <summary>How many findings enclose the element, itself included (1 for one at the top level).</summary>
    public int Depth { get; }

    public bool Equals(HtmlLayoutStep other) => Kind == other.Kind && Position == other.Position && Index == other.Index && Depth == other.Depth;

    public override bool Equals(object? obj) => obj is HtmlLayoutStep other && Equals(other);

    public override int GetHashCode() => unchecked((((int)Kind * 31 + Position) * 31 + Index) * 31 + Depth);

    public override string ToString() => $"{Kind}@{Position} #{Index} d{Depth}";
}

/// <summary>
/// Lays findings out over the article so that every element's text is exactly its finding's span. Spans that nest
/// (one contains the other, or they are equal) become nested elements; a zero-length span becomes an empty element; a
/// span that partly overlaps one already placed cannot be an element of the same tree, so it is shown outside the
/// text (in the findings list, as an element holding a copy of its span's text) and the text gets an empty marker
/// where it starts. Spans are placed in order of start, longer first, then by index, so the result is deterministic
/// and the outer of two nested findings always comes first.
/// </summary>
internal static class HtmlFindingLayout
{
    /// <summary>Plans the markup of a text of <paramref name="textLength"/> characters with findings at <paramref name="spans"/>.</summary>
    /// <param name="textLength">The length of the text.</param>
    /// <param name="spans">The findings' spans, by index.</param>
    /// <param name="inline">For each index, whether the finding is an element in the text.</param>
    /// <returns>The steps in text order.</returns>
    public static List<HtmlLayoutStep> Plan(int textLength, IReadOnlyList<TextSpan> spans, out bool[] inline)
    {
        if (spans is null)
        {
            throw new ArgumentNullException(nameof(spans));
        }

        inline = new bool[spans.Count];
        var order = new int[spans.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) =>
        {
            var c = spans[a].Start.CompareTo(spans[b].Start);
            if (c == 0)
            {
                c = spans[b].Length.CompareTo(spans[a].Length);
            }

            return c != 0 ? c : a.CompareTo(b);
        });

        var steps = new List<HtmlLayoutStep>(spans.Count * 2);
        var open = new Stack<int>();
        foreach (var index in order)
        {
            var span = spans[index];
            if (span.Start < 0 || span.End > textLength)
            {
                continue; // not in this text: listed outside it, with no marker
            }

            while (open.Count > 0 && spans[open.Peek()].End <= span.Start)
            {
                steps.Add(new HtmlLayoutStep(HtmlLayoutStepKind.Close, spans[open.Peek()].End, open.Pop(), open.Count + 1));
            }

            if (open.Count == 0 || spans[open.Peek()].Contains(span))
            {
                inline[index] = true;
                open.Push(index);
                steps.Add(new HtmlLayoutStep(HtmlLayoutStepKind.Open, span.Start, index, open.Count));
            }
            else
            {
                steps.Add(new HtmlLayoutStep(HtmlLayoutStepKind.Marker, span.Start, index, open.Count));
            }
        }

        while (open.Count > 0)
        {
            steps.Add(new HtmlLayoutStep(HtmlLayoutStepKind.Close, spans[open.Peek()].End, open.Pop(), open.Count + 1));
        }

        return steps;
    }
}

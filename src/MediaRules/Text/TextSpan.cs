using System;
using System.Globalization;

namespace MediaRules.Text;

/// <summary>
/// An immutable range of a text, in UTF-16 code units: <see cref="Start"/> inclusive, <see cref="End"/> exclusive.
/// </summary>
public readonly struct TextSpan : IEquatable<TextSpan>, IComparable<TextSpan>
{
    /// <summary>Creates a span from a start position and a length.</summary>
    /// <param name="start">The first position of the span.</param>
    /// <param name="length">The number of code units in the span.</param>
    /// <exception cref="ArgumentOutOfRangeException">A negative start or length.</exception>
    public TextSpan(int start, int length)
    {
        if (start < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(start));
        }

        if (length < 0 || start + length < start)
        {
            throw new ArgumentOutOfRangeException(nameof(length));
        }

        Start = start;
        Length = length;
    }

    // A span whose start and length the caller knows to be valid (a token's, stored packed): no checks.
    private TextSpan(int start, int length, bool unchecked_)
    {
        _ = unchecked_;
        Start = start;
        Length = length;
    }

    /// <summary>A span of a start and a length known to be non-negative and not to overflow.</summary>
    internal static TextSpan Unchecked(int start, int length) => new(start, length, true);

    /// <summary>The first position of the span.</summary>
    public int Start { get; }

    /// <summary>The number of code units in the span.</summary>
    public int Length { get; }

    /// <summary>The position just after the span.</summary>
    public int End => Start + Length;

    /// <summary>Whether the span has no length.</summary>
    public bool IsEmpty => Length == 0;

    /// <summary>Creates a span from its start and its (exclusive) end.</summary>
    /// <param name="start">The first position.</param>
    /// <param name="end">The position just after the span.</param>
    /// <returns>The span.</returns>
    public static TextSpan FromBounds(int start, int end)
    {
        if (end < start)
        {
            throw new ArgumentOutOfRangeException(nameof(end), "The end of a span cannot precede its start.");
        }

        return new TextSpan(start, end - start);
    }

    /// <summary>Whether the position lies inside the span (the end excluded).</summary>
    /// <param name="position">A position in the text.</param>
    /// <returns><see langword="true"/> if <c>Start &lt;= position &lt; End</c>.</returns>
    public bool Contains(int position) => unchecked((uint)(position - Start) < (uint)Length);

    /// <summary>Whether <paramref name="span"/> lies entirely inside this span.</summary>
    /// <param name="span">Another span.</param>
    /// <returns><see langword="true"/> if it is contained.</returns>
    public bool Contains(TextSpan span) => span.Start >= Start && span.End <= End;

    /// <summary>Whether the two spans share at least one position.</summary>
    /// <param name="span">Another span.</param>
    /// <returns><see langword="true"/> if they overlap.</returns>
    public bool OverlapsWith(TextSpan span) => Math.Max(Start, span.Start) < Math.Min(End, span.End);

    /// <summary>Whether the two spans overlap or touch (an empty span at the edge of the other counts).</summary>
    /// <param name="span">Another span.</param>
    /// <returns><see langword="true"/> if they intersect.</returns>
    public bool IntersectsWith(TextSpan span) => span.Start <= End && span.End >= Start;

    /// <inheritdoc/>
    public bool Equals(TextSpan other) => Start == other.Start && Length == other.Length;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is TextSpan other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => unchecked((Start * 397) ^ Length);

    /// <inheritdoc/>
    public int CompareTo(TextSpan other)
    {
        var diff = Start - other.Start;
        return diff != 0 ? diff : Length - other.Length;
    }

    /// <summary>Shows the span as <c>[start..end)</c>.</summary>
    /// <returns>The span as text.</returns>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "[{0}..{1})", Start, End);

    /// <summary>Value equality.</summary>
    /// <param name="left">A span.</param>
    /// <param name="right">Another span.</param>
    /// <returns>Whether both are equal.</returns>
    public static bool operator ==(TextSpan left, TextSpan right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    /// <param name="left">A span.</param>
    /// <param name="right">Another span.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(TextSpan left, TextSpan right) => !left.Equals(right);

    /// <summary>Orders spans by start, then by length.</summary>
    /// <param name="left">A span.</param>
    /// <param name="right">Another span.</param>
    /// <returns>Whether <paramref name="left"/> sorts first.</returns>
    public static bool operator <(TextSpan left, TextSpan right) => left.CompareTo(right) < 0;

    /// <summary>Orders spans by start, then by length.</summary>
    /// <param name="left">A span.</param>
    /// <param name="right">Another span.</param>
    /// <returns>Whether <paramref name="left"/> sorts last.</returns>
    public static bool operator >(TextSpan left, TextSpan right) => left.CompareTo(right) > 0;

    /// <summary>Orders spans by start, then by length.</summary>
    /// <param name="left">A span.</param>
    /// <param name="right">Another span.</param>
    /// <returns>Whether <paramref name="left"/> does not sort last.</returns>
    public static bool operator <=(TextSpan left, TextSpan right) => left.CompareTo(right) <= 0;

    /// <summary>Orders spans by start, then by length.</summary>
    /// <param name="left">A span.</param>
    /// <param name="right">Another span.</param>
    /// <returns>Whether <paramref name="left"/> does not sort first.</returns>
    public static bool operator >=(TextSpan left, TextSpan right) => left.CompareTo(right) >= 0;
}

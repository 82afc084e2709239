using System;
using System.Globalization;

namespace MediaRules.Text;

/// <summary>A 0-based line and character (UTF-16 code units from the start of the line).</summary>
public readonly struct LinePosition : IEquatable<LinePosition>, IComparable<LinePosition>
{
    /// <summary>Creates a line position.</summary>
    /// <param name="line">The 0-based line.</param>
    /// <param name="character">The 0-based character within the line.</param>
    public LinePosition(int line, int character)
    {
        if (line < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(line));
        }

        if (character < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(character));
        }

        Line = line;
        Character = character;
    }

    /// <summary>The 0-based line.</summary>
    public int Line { get; }

    /// <summary>The 0-based character within the line, in UTF-16 code units.</summary>
    public int Character { get; }

    /// <inheritdoc/>
    public bool Equals(LinePosition other) => Line == other.Line && Character == other.Character;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is LinePosition other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => unchecked((Line * 397) ^ Character);

    /// <inheritdoc/>
    public int CompareTo(LinePosition other) => Line != other.Line ? Line.CompareTo(other.Line) : Character.CompareTo(other.Character);

    /// <summary>Shows the position as <c>line,character</c> (0-based).</summary>
    /// <returns>The position as text.</returns>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0},{1}", Line, Character);

    /// <summary>Value equality.</summary>
    /// <param name="left">A position.</param>
    /// <param name="right">Another position.</param>
    /// <returns>Whether both are equal.</returns>
    public static bool operator ==(LinePosition left, LinePosition right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    /// <param name="left">A position.</param>
    /// <param name="right">Another position.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(LinePosition left, LinePosition right) => !left.Equals(right);

    /// <summary>Document order.</summary>
    /// <param name="left">A position.</param>
    /// <param name="right">Another position.</param>
    /// <returns>Whether <paramref name="left"/> comes first.</returns>
    public static bool operator <(LinePosition left, LinePosition right) => left.CompareTo(right) < 0;

    /// <summary>Document order.</summary>
    /// <param name="left">A position.</param>
    /// <param name="right">Another position.</param>
    /// <returns>Whether <paramref name="left"/> comes last.</returns>
    public static bool operator >(LinePosition left, LinePosition right) => left.CompareTo(right) > 0;

    /// <summary>Document order.</summary>
    /// <param name="left">A position.</param>
    /// <param name="right">Another position.</param>
    /// <returns>Whether <paramref name="left"/> does not come last.</returns>
    public static bool operator <=(LinePosition left, LinePosition right) => left.CompareTo(right) <= 0;

    /// <summary>Document order.</summary>
    /// <param name="left">A position.</param>
    /// <param name="right">Another position.</param>
    /// <returns>Whether <paramref name="left"/> does not come first.</returns>
    public static bool operator >=(LinePosition left, LinePosition right) => left.CompareTo(right) >= 0;
}

/// <summary>A range between two <see cref="LinePosition"/>s, the end exclusive.</summary>
public readonly struct LinePositionSpan : IEquatable<LinePositionSpan>
{
    /// <summary>Creates a line span.</summary>
    /// <param name="start">Where it starts.</param>
    /// <param name="end">Where it ends (exclusive).</param>
    public LinePositionSpan(LinePosition start, LinePosition end)
    {
        if (end < start)
        {
            throw new ArgumentException("The end of a span cannot precede its start.", nameof(end));
        }

        Start = start;
        End = end;
    }

    /// <summary>Where the span starts.</summary>
    public LinePosition Start { get; }

    /// <summary>Where the span ends (exclusive).</summary>
    public LinePosition End { get; }

    /// <inheritdoc/>
    public bool Equals(LinePositionSpan other) => Start == other.Start && End == other.End;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is LinePositionSpan other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => unchecked((Start.GetHashCode() * 397) ^ End.GetHashCode());

    /// <summary>Shows the span as <c>(line,char)-(line,char)</c>, 0-based.</summary>
    /// <returns>The span as text.</returns>
    public override string ToString() => $"({Start})-({End})";

    /// <summary>Value equality.</summary>
    /// <param name="left">A span.</param>
    /// <param name="right">Another span.</param>
    /// <returns>Whether both are equal.</returns>
    public static bool operator ==(LinePositionSpan left, LinePositionSpan right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    /// <param name="left">A span.</param>
    /// <param name="right">Another span.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(LinePositionSpan left, LinePositionSpan right) => !left.Equals(right);
}

using System;

namespace MediaRules.Matching;

/// <summary>One occurrence of a term found by <see cref="MultiTermMatcher"/>: its span in the text and which term it is.</summary>
internal readonly struct TermMatch : IEquatable<TermMatch>
{
    /// <summary>Creates a match.</summary>
    /// <param name="start">The first code unit.</param>
    /// <param name="end">One past the last code unit.</param>
    /// <param name="termIndex">The term's index (0, 1, 2… in order of addition).</param>
    /// <param name="id">The id the term was added with.</param>
    public TermMatch(int start, int end, int termIndex, int id)
    {
        Start = start;
        End = end;
        TermIndex = termIndex;
        Id = id;
    }

    /// <summary>The first code unit of the match in the text.</summary>
    public int Start { get; }

    /// <summary>One past the last code unit (a possessive suffix included).</summary>
    public int End { get; }

    /// <summary>How many code units the match covers.</summary>
    public int Length => End - Start;

    /// <summary>The term's index in order of addition.</summary>
    public int TermIndex { get; }

    /// <summary>The id the term was added with (several terms may share one).</summary>
    public int Id { get; }

    /// <inheritdoc/>
    public bool Equals(TermMatch other) => Start == other.Start && End == other.End && TermIndex == other.TermIndex && Id == other.Id;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is TermMatch other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => unchecked((((((Start * 31) + End) * 31) + TermIndex) * 31) + Id);

    /// <inheritdoc/>
    public override string ToString() => $"[{Start}..{End}) term {TermIndex} id {Id}";

    /// <summary>Value equality.</summary>
    public static bool operator ==(TermMatch left, TermMatch right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(TermMatch left, TermMatch right) => !left.Equals(right);
}

/// <summary>
/// Receives the matches of a scan. <see cref="OnMatches"/> is called once for each position where at least one term
/// matches, in increasing order of position, with every term that matches there: longest first, then by term index.
/// The span is only valid during the call. Implement it on a struct and pass it by <c>ref</c> to avoid any allocation.
/// </summary>
internal interface ITermMatchSink
{
    /// <summary>All matches that start at one position, longest first (then by term index).</summary>
    /// <param name="matches">The matches; all have the same <see cref="TermMatch.Start"/>.</param>
    void OnMatches(ReadOnlySpan<TermMatch> matches);
}

/// <summary>
/// Picks leftmost-longest matches that do not overlap one another within a group of ids (matches of different groups
/// may overlap): fed every position's matches in order, it keeps, for each group, the longest match at the leftmost
/// position not covered by that group's previous pick (the lowest term index among equally long ones). This is the
/// choice <see cref="TermMatcher"/> makes within one rule.
/// </summary>
internal struct LeftmostLongestSelector
{
    private readonly int[]? _groupOfId;
    private readonly int[] _nextFree;

    /// <summary>Creates a selector.</summary>
    /// <param name="groupCount">How many groups there are (group numbers 0 … groupCount − 1).</param>
    /// <param name="groupOfId">The group of each id, or <see langword="null"/> when each id is its own group (ids 0 … groupCount − 1).</param>
    public LeftmostLongestSelector(int groupCount, int[]? groupOfId)
    {
        _groupOfId = groupOfId;
        _nextFree = new int[groupCount];
    }

    /// <summary>Chooses among the matches at one position.</summary>
    /// <param name="matchesAtPosition">The matches at one position, as <see cref="ITermMatchSink.OnMatches"/> receives them.</param>
    /// <param name="chosen">Receives the chosen matches (at most one per group); at least as long as <paramref name="matchesAtPosition"/>.</param>
    /// <returns>How many were chosen.</returns>
    public readonly int Select(ReadOnlySpan<TermMatch> matchesAtPosition, Span<TermMatch> chosen)
    {
        var count = 0;
        foreach (var match in matchesAtPosition)
        {
            var group = _groupOfId is null ? match.Id : _groupOfId[match.Id];
            if (match.Start >= _nextFree[group])
            {
                chosen[count++] = match;
                _nextFree[group] = match.End;
            }
        }

        return count;
    }
}

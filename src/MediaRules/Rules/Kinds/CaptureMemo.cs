#if NET9_0_OR_GREATER
using System;
using System.Collections.Concurrent;
using System.Threading;

namespace MediaRules.Rules.Kinds;

/// <summary>
/// Where a pattern's group <c>match</c> lies in a match, remembered by the characters of the match and the character on
/// either side of it. The linear-time engine finds a match's bounds with its automata, but places groups with a slower
/// pass over the match (about 4 µs a match on the reference machine, most of a pattern rule's time). News repeats its
/// phrases ("claimed that", "Israeli aggression"), and such a pass sees only the match and, for <c>\b</c> and <c>\B</c>,
/// its neighbours: the same characters with the same neighbours give the same groups. Patterns with other anchors
/// (<c>^</c>, <c>$</c>, <c>\A</c>, <c>\z</c>, <c>\Z</c>, <c>\G</c>), which look further, are not remembered.
/// </summary>
/// <remarks>
/// One memo per pattern of a rule, shared by the threads that run the rule (a concurrent dictionary); it stops growing at
/// <see cref="MaxEntries"/> matches and remembers matches of at most <see cref="MaxLength"/> characters.
/// </remarks>
internal sealed class CaptureMemo
{
    /// <summary>The longest match remembered.</summary>
    internal const int MaxLength = 255;

    /// <summary>How many matches are remembered at most.</summary>
    internal const int MaxEntries = 4096;

    // By whether the match starts and ends its paragraph (no neighbour there): the key is then one character shorter.
    private readonly ConcurrentDictionary<string, int>[] _maps = new ConcurrentDictionary<string, int>[4];
    private int _count;

    private CaptureMemo()
    {
        for (var i = 0; i < _maps.Length; i++)
        {
            _maps[i] = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        }
    }

    /// <summary>A memo for a pattern, or null when its groups may depend on more than a match and its neighbours.</summary>
    public static CaptureMemo? For(string pattern) =>
        pattern.AsSpan().IndexOfAny('^', '$') >= 0 || pattern.Contains("\\A", StringComparison.Ordinal) || pattern.Contains("\\z", StringComparison.Ordinal)
        || pattern.Contains("\\Z", StringComparison.Ordinal) || pattern.Contains("\\G", StringComparison.Ordinal)
            ? null
            : new CaptureMemo();

    /// <summary>The reported part of the match at <paramref name="index"/> of <paramref name="paragraph"/>, if remembered.</summary>
    /// <param name="paragraph">The characters the regex ran over.</param>
    /// <param name="index">The match's start in them.</param>
    /// <param name="length">The match's length.</param>
    /// <param name="start">The reported part's start, relative to the match.</param>
    /// <param name="reported">The reported part's length.</param>
    /// <returns>Whether the match was remembered.</returns>
    public bool TryGet(ReadOnlySpan<char> paragraph, int index, int length, out int start, out int reported)
    {
        start = reported = 0;
        if (length > MaxLength)
        {
            return false;
        }

        var map = Map(paragraph, index, length, out var key);
        if (!map.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key, out var packed))
        {
            return false;
        }

        start = packed >> 16;
        reported = packed & 0xFFFF;
        return true;
    }

    /// <summary>Remembers the reported part of a match (see <see cref="TryGet"/>).</summary>
    public void Add(ReadOnlySpan<char> paragraph, int index, int length, int start, int reported)
    {
        if (length > MaxLength || Volatile.Read(ref _count) >= MaxEntries)
        {
            return;
        }

        var map = Map(paragraph, index, length, out var key);
        if (map.TryAdd(key.ToString(), (start << 16) | reported))
        {
            Interlocked.Increment(ref _count);
        }
    }

    private ConcurrentDictionary<string, int> Map(ReadOnlySpan<char> paragraph, int index, int length, out ReadOnlySpan<char> key)
    {
        var first = index > 0 ? index - 1 : index;
        var end = index + length < paragraph.Length ? index + length + 1 : index + length;
        key = paragraph.Slice(first, end - first);
        return _maps[(index > 0 ? 0 : 1) + (index + length < paragraph.Length ? 0 : 2)];
    }
}
#endif

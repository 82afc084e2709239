using System;
using System.Buffers;
using System.Collections.Generic;
using MediaRules.Diagnostics;

namespace MediaRules.Analysis;

/// <summary>
/// Sorts diagnostics into result order (<see cref="Linter.CompareDiagnostics(Diagnostic, Diagnostic)"/>: position, rule
/// id, length, message) by keys copied into one array, so that a comparison reads neither a diagnostic nor its location:
/// a megabyte of news has thousands of findings spread over the heap, and comparing them in place was a tenth of the
/// rules' time.
/// </summary>
internal static class DiagnosticOrder
{
    /// <summary>Sorts <paramref name="diagnostics"/> in place, in the order <see cref="Linter.CompareDiagnostics(Diagnostic, Diagnostic)"/> gives.</summary>
    /// <param name="diagnostics">The diagnostics.</param>
    public static void Sort(List<Diagnostic> diagnostics)
    {
        var count = diagnostics.Count;
        if (count < 2)
        {
            return;
        }

        var ranks = RankIds(diagnostics);
        var keys = ArrayPool<Key>.Shared.Rent(count);
        var sorted = ArrayPool<Diagnostic>.Shared.Rent(count);
        try
        {
            string? lastId = null;
            var lastRank = 0;
            for (var i = 0; i < count; i++)
            {
                var diagnostic = diagnostics[i];
                if (!ReferenceEquals(diagnostic.Id, lastId))
                {
                    lastId = diagnostic.Id;
                    lastRank = ranks[lastId];
                }

                var span = diagnostic.Span;
                keys[i] = new Key(span.Start, lastRank, span.Length, i);
            }

            Array.Sort(keys, 0, count);
            for (var i = 0; i < count; i++)
            {
                sorted[i] = diagnostics[keys[i].Index];
            }

            // Findings of one rule on one span (name-consistency naming two other spellings) go by message: the keys
            // left them in the order they were reported.
            for (var start = 0; start < count;)
            {
                var end = start + 1;
                while (end < count && keys[end].SamePlace(keys[start]))
                {
                    end++;
                }

                if (end - start > 1)
                {
                    Array.Sort(sorted, start, end - start, MessageOrder.Instance);
                }

                start = end;
            }

            for (var i = 0; i < count; i++)
            {
                diagnostics[i] = sorted[i];
            }
        }
        finally
        {
            ArrayPool<Key>.Shared.Return(keys);
            ArrayPool<Diagnostic>.Shared.Return(sorted, clearArray: true);
        }
    }

    // Each distinct id's place in ordinal order; ids repeat in runs (a rule's findings), so each run asks once.
    private static Dictionary<string, int> RankIds(List<Diagnostic> diagnostics)
    {
        var ranks = new Dictionary<string, int>(StringComparer.Ordinal);
        string? lastId = null;
        foreach (var diagnostic in diagnostics)
        {
            if (!ReferenceEquals(diagnostic.Id, lastId))
            {
                lastId = diagnostic.Id;
                ranks[lastId] = 0;
            }
        }

        var ids = new string[ranks.Count];
        ranks.Keys.CopyTo(ids, 0);
        Array.Sort(ids, StringComparer.Ordinal);
        for (var i = 0; i < ids.Length; i++)
        {
            ranks[ids[i]] = i;
        }

        return ranks;
    }

    /// <summary>A diagnostic's place: its start, its id's rank, its length, and its index in the list (which makes every key distinct).</summary>
    private readonly struct Key : IComparable<Key>
    {
        private readonly int _start;
        private readonly int _rank;
        private readonly int _length;

        public Key(int start, int rank, int length, int index)
        {
            _start = start;
            _rank = rank;
            _length = length;
            Index = index;
        }

        public int Index { get; }

        public bool SamePlace(Key other) => _start == other._start && _rank == other._rank && _length == other._length;

        public int CompareTo(Key other)
        {
            var c = _start.CompareTo(other._start);
            if (c != 0)
            {
                return c;
            }

            c = _rank.CompareTo(other._rank);
            if (c != 0)
            {
                return c;
            }

            c = _length.CompareTo(other._length);
            return c != 0 ? c : Index.CompareTo(other.Index);
        }
    }

    private sealed class MessageOrder : IComparer<Diagnostic>
    {
        public static readonly MessageOrder Instance = new();

        public int Compare(Diagnostic? x, Diagnostic? y) => string.CompareOrdinal(x?.Message, y?.Message);
    }
}

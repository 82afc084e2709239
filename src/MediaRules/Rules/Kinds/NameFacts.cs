using System;
using System.Buffers;
using System.Collections.Generic;
using MediaRules.Diagnostics;
using MediaRules.Text;

namespace MediaRules.Rules.Kinds;

/// <summary>
/// A name a stretch holds, as the combine needs it. Its strings are indexes into <see cref="NameFacts.Strings"/>, so
/// that the (large) arrays of names hold no references for the garbage collector to trace or copy.
/// </summary>
internal readonly struct Name
{
    private const byte NoPair = byte.MaxValue;
    private readonly byte _severity;
    private readonly byte _pairSeverity;

    public Name(int key, TextSpan span, int token, int conditionalWord, DiagnosticSeverity severity, int match, DiagnosticSeverity? pairSeverity, int pairMatch)
    {
        Key = key;
        Span = span;
        Token = token;
        ConditionalWord = conditionalWord;
        _severity = (byte)severity;
        Match = match;
        _pairSeverity = pairSeverity is { } p ? (byte)p : NoPair;
        PairMatch = pairMatch;
    }

    /// <summary>The key (the name without a possessive): an index into the stretch's strings.</summary>
    public int Key { get; }

    /// <summary>The span, relative to the stretch.</summary>
    public TextSpan Span { get; }

    /// <summary>The index of its token among the stretch's tokens.</summary>
    public int Token { get; }

    /// <summary>For a name that opens a sentence, the word whose lower-case use anywhere unmakes it (an index into the stretch's strings); otherwise -1.</summary>
    public int ConditionalWord { get; }

    public DiagnosticSeverity Severity => (DiagnosticSeverity)_severity;

    /// <summary>The text a message shows: an index into the stretch's strings.</summary>
    public int Match { get; }

    /// <summary>The scope's severity for the pair this name makes with the next token, null when none or not admitted.</summary>
    public DiagnosticSeverity? PairSeverity => _pairSeverity == NoPair ? null : (DiagnosticSeverity)_pairSeverity;

    /// <summary>The pair's text (an index into the stretch's strings), or -1 when the next token is no name.</summary>
    public int PairMatch { get; }
}

/// <summary>
/// A stretch's names in arrays of at most 2048 (64 KB, under the 85 000 bytes of the large object heap): a long
/// stretch has tens of thousands of names, and one array would be a large object, whose fresh pages each collect
/// would fault in and only a full collection frees. Names combined and then dropped (a whole-document analysis, and
/// each stretch's own names until a long text's combine) stay in the collector's pooled array instead, borrowed until
/// the combine is done (<see cref="Borrow"/>). Names kept otherwise while other stretches are analysed (the facts of
/// the blocks at a stretch's edges, compared at the cuts) go in arrays of 4096 (128 KB, large objects when that many):
/// a large object is never copied from generation to generation as a small one is. Edge blocks are single
/// paragraphs, so in practice their arrays are small either way.
/// </summary>
internal sealed class NameList
{
    private const int SmallShift = 11;
    private const int KeptShift = 12;
    private const int BorrowedShift = 30; // one chunk: every index is below 2^30
    private readonly Name[][] _chunks;
    private readonly int _shift;
    private readonly int _mask;
    private bool _returned;

    /// <summary>Copies the first <paramref name="count"/> names of <paramref name="names"/>.</summary>
    /// <param name="names">The names.</param>
    /// <param name="count">How many there are.</param>
    /// <param name="kept">Whether they are kept while other stretches are analysed.</param>
    public NameList(Name[] names, int count, bool kept = false)
    {
        Length = count;
        _shift = kept ? KeptShift : SmallShift;
        _mask = (1 << _shift) - 1;
        _chunks = new Name[(count + _mask) >> _shift][];
        for (var c = 0; c < _chunks.Length; c++)
        {
            var length = Math.Min(1 << _shift, count - (c << _shift));
#if NET
            _chunks[c] = GC.AllocateUninitializedArray<Name>(length); // filled at once
#else
            _chunks[c] = new Name[length];
#endif
            Array.Copy(names, c << _shift, _chunks[c], 0, length);
        }
    }

    private NameList(Name[] pooled, int count)
    {
        Length = count;
        _shift = BorrowedShift;
        _mask = (1 << _shift) - 1;
        _chunks = count == 0 ? Array.Empty<Name[]>() : new[] { pooled };
        IsBorrowed = true;
    }

    /// <summary>
    /// A list of the first <paramref name="count"/> names of <paramref name="pooled"/>, an array rented from
    /// <see cref="ArrayPool{T}.Shared"/>, without copying them: the list owns the array until <see cref="Return"/>.
    /// </summary>
    /// <param name="pooled">The rented array.</param>
    /// <param name="count">How many names it holds.</param>
    /// <returns>The list.</returns>
    public static NameList Borrow(Name[] pooled, int count)
    {
        var list = new NameList(pooled, count);
        if (count == 0)
        {
            ArrayPool<Name>.Shared.Return(pooled);
        }

        return list;
    }

    /// <summary>Whether the names are in a borrowed array (<see cref="Borrow"/>).</summary>
    public bool IsBorrowed { get; }

    /// <summary>Gives a borrowed array back to the pool; the list must not be read after. Does nothing for a list that owns its arrays.</summary>
    public void Return()
    {
        if (IsBorrowed && !_returned && _chunks.Length > 0)
        {
            _returned = true;
            ArrayPool<Name>.Shared.Return(_chunks[0]);
        }
    }

    public int Length { get; }

    public Name this[int index] => _chunks[index >> _shift][index & _mask];

    public int ChunkCount => _chunks.Length;

    public ReadOnlySpan<Name> Chunk(int chunk) => new(_chunks[chunk], 0, Math.Min(_chunks[chunk].Length, Length - (chunk << _shift)));

    public Enumerator GetEnumerator() => new(this);

    /// <summary>The names in order, chunk by chunk.</summary>
    public struct Enumerator
    {
        private readonly NameList _list;
        private int _chunk;
        private int _index;
        private int _chunkLength;

        public Enumerator(NameList list)
        {
            _list = list;
            _chunk = 0;
            _index = -1;
            _chunkLength = list.ChunkCount > 0 ? list.Chunk(0).Length : 0;
        }

        public readonly Name Current => _list._chunks[_chunk][_index];

        public bool MoveNext()
        {
            while (_chunk < _list.ChunkCount)
            {
                if (++_index < _chunkLength)
                {
                    return true;
                }

                if (++_chunk < _list.ChunkCount)
                {
                    _chunkLength = _list.Chunk(_chunk).Length;
                }

                _index = -1;
            }

            return false;
        }
    }
}

/// <summary>The names and lower-case words of one stretch.</summary>
internal sealed class NameFacts : DocumentFacts
{
    public NameFacts(NameList names, string[] strings, HashSet<string> lowerCaseWords, int tokenCount)
    {
        Names = names;
        Strings = strings;
        LowerCaseWords = lowerCaseWords;
        TokenCount = tokenCount;
    }

    public NameList Names { get; }

    /// <summary>The strings the names refer to by index: keys, conditional words and display texts.</summary>
    public string[] Strings { get; }

    public HashSet<string> LowerCaseWords { get; }

    public int TokenCount { get; }

    public string? ConditionalWordOf(Name name) => name.ConditionalWord < 0 ? null : Strings[name.ConditionalWord];

    public string? PairMatchOf(Name name) => name.PairMatch < 0 ? null : Strings[name.PairMatch];

    /// <summary>Whether name <paramref name="i"/> equals <paramref name="other"/>'s, by value; when <paramref name="moved"/>, wherever it starts.</summary>
    public bool SameName(int i, NameFacts other, bool moved)
    {
        var a = Names[i];
        var b = other.Names[i];
        return (moved ? a.Span.Length == b.Span.Length : a.Span == b.Span) && a.Token == b.Token
            && a.Severity == b.Severity && a.PairSeverity == b.PairSeverity
            && string.Equals(Strings[a.Key], other.Strings[b.Key], StringComparison.Ordinal)
            && string.Equals(ConditionalWordOf(a), other.ConditionalWordOf(b), StringComparison.Ordinal)
            && string.Equals(Strings[a.Match], other.Strings[b.Match], StringComparison.Ordinal)
            && string.Equals(PairMatchOf(a), other.PairMatchOf(b), StringComparison.Ordinal);
    }

    public override bool Equals(DocumentFacts? other)
    {
        if (other is not NameFacts facts || TokenCount != facts.TokenCount || Names.Length != facts.Names.Length)
        {
            return false;
        }

        for (var i = 0; i < Names.Length; i++)
        {
            if (!SameName(i, facts, moved: false))
            {
                return false;
            }
        }

        return LowerCaseWords.SetEquals(facts.LowerCaseWords);
    }

    public override int GetHashCode() => Names.Length;

    /// <inheritdoc/>
    public override void Release() => Names.Return();
}

internal sealed class LowerCaseMemo
{
    private readonly Dictionary<string, int> _counts = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _conditional = new(StringComparer.OrdinalIgnoreCase);
    private DocumentFacts[] _facts = Array.Empty<DocumentFacts>();

    /// <summary>Whether some name that opens a sentence is this word (so its lower-case use elsewhere matters).</summary>
    public bool IsConditional(string word) => _conditional.ContainsKey(word);

    public HashSet<string> Words { get; } = new(StringComparer.OrdinalIgnoreCase);

    public void Update(IReadOnlyList<DocumentFacts> facts)
    {
        var old = _facts;
        var prefix = 0;
        while (prefix < old.Length && prefix < facts.Count && ReferenceEquals(old[prefix], facts[prefix]))
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < old.Length - prefix && suffix < facts.Count - prefix && ReferenceEquals(old[old.Length - 1 - suffix], facts[facts.Count - 1 - suffix]))
        {
            suffix++;
        }

        for (var i = prefix; i < old.Length - suffix; i++)
        {
            var oldFacts = (NameFacts)old[i];
            foreach (var name in oldFacts.Names)
            {
                if (oldFacts.ConditionalWordOf(name) is { } conditional && --_conditional[conditional] == 0)
                {
                    _conditional.Remove(conditional);
                }
            }

            foreach (var word in ((NameFacts)old[i]).LowerCaseWords)
            {
                if (--_counts[word] == 0)
                {
                    _counts.Remove(word);
                    Words.Remove(word);
                }
            }
        }

        for (var i = prefix; i < facts.Count - suffix; i++)
        {
            var newFacts = (NameFacts)facts[i];
            foreach (var name in newFacts.Names)
            {
                if (newFacts.ConditionalWordOf(name) is { } conditional)
                {
                    _conditional.TryGetValue(conditional, out var n);
                    _conditional[conditional] = n + 1;
                }
            }

            foreach (var word in ((NameFacts)facts[i]).LowerCaseWords)
            {
                _counts.TryGetValue(word, out var count);
                _counts[word] = count + 1;
                if (count == 0)
                {
                    Words.Add(word);
                }
            }
        }

        var copy = old.Length == facts.Count ? old : new DocumentFacts[facts.Count];
        for (var i = prefix; i < facts.Count - suffix; i++)
        {
            copy[i] = facts[i];
        }

        if (!ReferenceEquals(copy, old))
        {
            Array.Copy(old, 0, copy, 0, prefix);
            Array.Copy(old, old.Length - suffix, copy, facts.Count - suffix, suffix);
        }

        _facts = copy;
    }
}

/// <summary>Bounded edit distance (insertions, deletions, substitutions and adjacent transpositions).</summary>
internal static class EditDistance
{
    public static bool AtMost(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return false;
        }

        // Three rows of the table (two rows back for transpositions), one after another: names are short, so they
        // fit on the stack.
        var n = b.Length + 1;
        Span<int> rows = n <= 64 ? stackalloc int[3 * 64] : new int[3 * n];
        int previous2 = 0, previous = n, current = 2 * n;
        for (var j = 0; j <= b.Length; j++)
        {
            rows[previous + j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            rows[current] = i;
            var rowMin = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(rows[previous + j] + 1, rows[current + j - 1] + 1), rows[previous + j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, rows[previous2 + j - 2] + 1);
                }

                rows[current + j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > limit)
            {
                return false;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return rows[previous + b.Length] <= limit;
    }
}

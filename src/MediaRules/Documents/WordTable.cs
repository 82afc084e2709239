using System;
using System.Collections.Generic;

namespace MediaRules.Documents;

/// <summary>
/// A read-only table from words to values, looked up by a token's characters in their matching form
/// (<see cref="TokenText"/>) without allocating. Keys are normalized when the table is built.
/// </summary>
/// <typeparam name="TValue">The value type.</typeparam>
internal sealed class WordTable<TValue>
{
    private readonly int[] _buckets;
    private readonly Entry[] _entries;

    // One bit per hash value modulo the filter's size (16 bits an entry, at least 64): most words of a text are in no
    // table, and the filter tells so from a few kilobytes, without reading the buckets or the entries (a 10,000-word
    // table spans hundreds of kilobytes, beyond the processor's nearest caches).
    private readonly ulong[] _filter;

    // The filter's bit count less one (a power of two, less one): MayContain reads bit hash & _filterMask.
    private readonly uint _filterMask;

    /// <summary>Builds a table; a later duplicate key replaces an earlier one.</summary>
    /// <param name="items">The words and their values.</param>
    public WordTable(IEnumerable<KeyValuePair<string, TValue>> items)
    {
        var entries = new List<Entry>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var key = TokenText.Normalize(item.Key.AsSpan());
            if (index.TryGetValue(key, out var existing))
            {
                entries[existing] = new Entry(key, item.Value, entries[existing].Hash);
            }
            else
            {
                index.Add(key, entries.Count);
                entries.Add(new Entry(key, item.Value, TokenText.GetNormalizedHashCode(key.AsSpan())));
            }
        }

        _entries = entries.ToArray();
        var size = 1;
        while (size < _entries.Length * 2)
        {
            size <<= 1;
        }

        var bits = 64;
        while (bits < _entries.Length * 16)
        {
            bits <<= 1;
        }

        _filter = new ulong[bits / 64];
        _filterMask = (uint)(bits - 1);
        _buckets = new int[size];
        for (var i = 0; i < _buckets.Length; i++)
        {
            _buckets[i] = -1;
        }

        for (var i = 0; i < _entries.Length; i++)
        {
            var b = _entries[i].Hash & (size - 1);
            _entries[i].Next = _buckets[b];
            _buckets[b] = i;
            var bit = (uint)_entries[i].Hash & (uint)(bits - 1);
            _filter[bit >> 6] |= 1UL << (int)(bit & 63);
            Signature |= SignatureBit(_entries[i].Hash);
        }
    }

    /// <summary>
    /// One bit per word of the table, chosen by <see cref="SignatureBit"/>: a word whose bit is not set is surely not in
    /// the table. A caller can keep these eight bytes beside its own data and test a word without reading the table.
    /// </summary>
    public ulong Signature { get; }

    /// <summary>The bit of <see cref="Signature"/> that stands for a word with this hash (from its high bits, which the filter does not use).</summary>
    /// <param name="hash">The word's <see cref="TokenText.GetNormalizedHashCode"/>.</param>
    /// <returns>A single bit.</returns>
    public static ulong SignatureBit(int hash) => 1UL << (int)((uint)hash >> 26);

    /// <summary>How many words the table holds.</summary>
    public int Count => _entries.Length;

    /// <summary>The keys (normalized) with their values.</summary>
    public IEnumerable<KeyValuePair<string, TValue>> Pairs
    {
        get
        {
            foreach (var entry in _entries)
            {
                yield return new KeyValuePair<string, TValue>(entry.Key, entry.Value);
            }
        }
    }

    /// <summary>Looks a word up by its matching form.</summary>
    /// <param name="word">The word's characters.</param>
    /// <param name="value">Its value when found.</param>
    /// <returns>Whether the word is in the table.</returns>
    public bool TryGetValue(ReadOnlySpan<char> word, out TValue value) =>
        TryGetValue(word, _entries.Length > 0 ? TokenText.GetNormalizedHashCode(word) : 0, out value);

    /// <summary>
    /// The one-bit filter <see cref="MayContain"/> reads, for a loop that tests it inline: bit <c>hash &amp; (64 *
    /// length - 1)</c> is set for every word's hash (all clear for an empty table).
    /// </summary>
    internal ulong[] FilterBits => _filter;

    /// <summary>
    /// Whether a word with this <see cref="TokenText.GetNormalizedHashCode"/> may be in the table: false means it is
    /// surely not, from one bit.
    /// </summary>
    /// <param name="hash">The word's hash.</param>
    /// <returns>Whether to look further.</returns>
    public bool MayContain(int hash)
    {
        // An empty table's filter has no bit set.
        var bit = (uint)hash & _filterMask;
        return (_filter[bit >> 6] & (1UL << (int)(bit & 63))) != 0;
    }

    /// <summary>Looks a word up whose <see cref="TokenText.GetNormalizedHashCode"/> the caller already has.</summary>
    public bool TryGetValue(ReadOnlySpan<char> word, int hash, out TValue value)
    {
        for (var i = FirstWithHash(hash); i >= 0; i = NextWithHash(i, hash))
        {
            if (KeyEquals(i, word))
            {
                value = _entries[i].Value;
                return true;
            }
        }

        value = default!;
        return false;
    }

    /// <summary>
    /// The first entry whose word has this hash, or -1: the word itself is not compared (see <see cref="KeyEquals"/>),
    /// so that a caller can rule the entry out by its value first. Continue with <see cref="NextWithHash"/>.
    /// </summary>
    public int FirstWithHash(int hash) =>
        MayContain(hash) ? NextFrom(_buckets[hash & (_buckets.Length - 1)], hash) : -1;

    /// <summary>The next entry after <paramref name="index"/> whose word has this hash, or -1.</summary>
    public int NextWithHash(int index, int hash) => NextFrom(_entries[index].Next, hash);

    /// <summary>Whether the word of entry <paramref name="index"/> is <paramref name="word"/>'s matching form.</summary>
    public bool KeyEquals(int index, ReadOnlySpan<char> word) => TokenText.EqualsNormalized(word, _entries[index].Key);

    private int NextFrom(int i, int hash)
    {
        while (i >= 0 && _entries[i].Hash != hash)
        {
            i = _entries[i].Next;
        }

        return i;
    }

    /// <summary>The <see cref="TokenText.GetNormalizedHashCode"/> of the word of entry <paramref name="index"/> (0 to <see cref="Count"/> − 1).</summary>
    public int HashAt(int index) => _entries[index].Hash;

    /// <summary>The value of entry <paramref name="index"/> (from <see cref="FirstWithHash"/>).</summary>
    public TValue ValueAt(int index) => _entries[index].Value;

    /// <summary>Whether the table holds a word.</summary>
    /// <param name="word">The word's characters.</param>
    /// <returns><see langword="true"/> if it does.</returns>
    public bool Contains(ReadOnlySpan<char> word) => TryGetValue(word, out _);

    private struct Entry
    {
        public Entry(string key, TValue value, int hash)
        {
            Key = key;
            Value = value;
            Hash = hash;
            Next = -1;
        }

        public string Key { get; }

        public TValue Value { get; }

        public int Hash { get; }

        public int Next { get; set; }
    }
}

/// <summary>A set of words looked up by their matching form.</summary>
internal sealed class WordSet
{
    private readonly WordTable<bool> _table;

    /// <summary>Builds a set from words separated by spaces (several strings may be given).</summary>
    /// <param name="words">The words.</param>
    public WordSet(params string[] words)
    {
        var items = new List<KeyValuePair<string, bool>>();
        foreach (var group in words)
        {
            foreach (var word in group.Split(' '))
            {
                if (word.Length > 0)
                {
                    items.Add(new KeyValuePair<string, bool>(word, true));
                }
            }
        }

        _table = new WordTable<bool>(items);
    }

    /// <summary>Whether the set holds a word.</summary>
    /// <param name="word">The word's characters.</param>
    /// <returns><see langword="true"/> if it does.</returns>
    public bool Contains(ReadOnlySpan<char> word) => _table.Contains(word);

    /// <summary>Whether the set holds a word whose <see cref="TokenText.GetNormalizedHashCode"/> the caller already has.</summary>
    /// <param name="word">The word's characters.</param>
    /// <param name="hash">Their hash.</param>
    /// <returns><see langword="true"/> if it does.</returns>
    public bool Contains(ReadOnlySpan<char> word, int hash) => _table.TryGetValue(word, hash, out _);
}

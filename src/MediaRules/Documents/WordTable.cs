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
        }
    }

    /// <summary>How many words the table holds.</summary>
    public int Count => _entries.Length;

    /// <summary>The keys, normalized.</summary>
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

    /// <summary>Looks a word up whose <see cref="TokenText.GetNormalizedHashCode"/> the caller already has.</summary>
    public bool TryGetValue(ReadOnlySpan<char> word, int hash, out TValue value)
    {
        if (_entries.Length > 0)
        {
            for (var i = _buckets[hash & (_buckets.Length - 1)]; i >= 0; i = _entries[i].Next)
            {
                if (_entries[i].Hash == hash && TokenText.EqualsNormalized(word, _entries[i].Key))
                {
                    value = _entries[i].Value;
                    return true;
                }
            }
        }

        value = default!;
        return false;
    }

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
}

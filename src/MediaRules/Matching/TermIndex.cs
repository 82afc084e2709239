using System;
using System.Collections.Generic;
using MediaRules.Documents;

namespace MediaRules.Matching;

/// <summary>A rule that finds its matches with a <see cref="TermMatcher"/>, which a linter's <see cref="TermIndex"/> can share.</summary>
internal interface ITermMatchingRule
{
    TermMatcher Matcher { get; }
}

/// <summary>
/// The first words of every term matcher of a linter in one table, so that a document's tokens are looked up once
/// for all term rules together, whatever their number: each matcher then walks its trie only from the tokens where
/// one of its phrases can start. Immutable once built; safe to use from many threads.
/// </summary>
internal sealed class TermIndex
{
    private readonly WordTable<int[]> _firstWords;
    private readonly Dictionary<TermMatcher, int> _matchers;

    public TermIndex(IReadOnlyList<TermMatcher> matchers)
    {
        _matchers = new Dictionary<TermMatcher, int>(ReferenceEqualityComparer<TermMatcher>.Instance);
        var byWord = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var matcher in matchers)
        {
            if (_matchers.ContainsKey(matcher))
            {
                continue;
            }

            var id = _matchers.Count;
            _matchers.Add(matcher, id);
            foreach (var word in matcher.FirstWords)
            {
                if (!byWord.TryGetValue(word, out var list))
                {
                    byWord[word] = list = new List<int>();
                }

                list.Add(id);
            }
        }

        var items = new List<KeyValuePair<string, int[]>>();
        foreach (var pair in byWord)
        {
            items.Add(new KeyValuePair<string, int[]>(pair.Key, pair.Value.ToArray()));
        }

        _firstWords = new WordTable<int[]>(items);
    }

    /// <summary>Whether the index holds any matcher.</summary>
    public bool IsEmpty => _matchers.Count == 0;

    /// <summary>For one document: where each matcher's phrases can start, computed on first use.</summary>
    /// <param name="document">The document.</param>
    /// <returns>The candidates.</returns>
    public Candidates For(DocumentModel document) => new(this, document);

    /// <summary>The token indices, per matcher, where a phrase of that matcher can start.</summary>
    internal sealed class Candidates
    {
        private readonly TermIndex _index;
        private readonly DocumentModel _document;
        private int[][]? _starts;

        public Candidates(TermIndex index, DocumentModel document)
        {
            _index = index;
            _document = document;
        }

        /// <summary>The candidate starts of a matcher, in document order, or null when the index does not hold it.</summary>
        public int[]? Of(TermMatcher matcher)
        {
            if (!_index._matchers.TryGetValue(matcher, out var id))
            {
                return null;
            }

            _starts ??= Compute();
            return _starts[id];
        }

        private int[][] Compute()
        {
            var lists = new List<int>?[_index._matchers.Count];
            var tokens = _document.Tokens;
            var stems = _document.Stems;
            for (var t = 0; t < tokens.Count; t++)
            {
                if (_index._firstWords.TryGetValue(stems.Stem(t), stems.Hash(t), out var ids))
                {
                    foreach (var id in ids)
                    {
                        (lists[id] ??= new List<int>()).Add(t);
                    }
                }
            }

            var starts = new int[lists.Length][];
            for (var i = 0; i < lists.Length; i++)
            {
                starts[i] = lists[i]?.ToArray() ?? Array.Empty<int>();
            }

            return starts;
        }
    }

    private sealed class ReferenceEqualityComparer<T> : IEqualityComparer<T>
        where T : class
    {
        public static readonly ReferenceEqualityComparer<T> Instance = new();

        public bool Equals(T? x, T? y) => ReferenceEquals(x, y);

        public int GetHashCode(T obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }
}

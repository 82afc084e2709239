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
    private readonly WordTable<(int Matcher, TermMatcher.Node Node)[]> _firstWords;
    private readonly Dictionary<TermMatcher, int> _matchers;

    public TermIndex(IReadOnlyList<TermMatcher> matchers)
    {
        _matchers = new Dictionary<TermMatcher, int>(ReferenceEqualityComparer<TermMatcher>.Instance);
        var byWord = new Dictionary<string, List<(int, TermMatcher.Node)>>(StringComparer.Ordinal);
        foreach (var matcher in matchers)
        {
            if (_matchers.ContainsKey(matcher))
            {
                continue;
            }

            var id = _matchers.Count;
            _matchers.Add(matcher, id);
            foreach (var first in matcher.FirstNodes)
            {
                if (!byWord.TryGetValue(first.Key, out var list))
                {
                    byWord[first.Key] = list = new List<(int, TermMatcher.Node)>();
                }

                list.Add((id, first.Value));
            }
        }

        var items = new List<KeyValuePair<string, (int, TermMatcher.Node)[]>>();
        foreach (var pair in byWord)
        {
            items.Add(new KeyValuePair<string, (int, TermMatcher.Node)[]>(pair.Key, pair.Value.ToArray()));
        }

        _firstWords = new WordTable<(int, TermMatcher.Node)[]>(items);
    }

    /// <summary>Whether the index holds any matcher.</summary>
    public bool IsEmpty => _matchers.Count == 0;

    /// <summary>For one document: where each matcher's phrases can start, computed on first use.</summary>
    /// <param name="document">The document.</param>
    /// <returns>The candidates.</returns>
    public Candidates For(DocumentModel document) => new(this, document);

    /// <summary>A matcher's matches in a rule's document: from the index's candidates when the linter has them, else by looking every token up.</summary>
    public static IEnumerable<(MediaRules.Text.TextSpan Span, int Id)> Matches(TermMatcher matcher, Rules.RuleContext context, bool caseSensitive) =>
        context.TermCandidates?.Of(matcher) is { } found
            ? matcher.Matches(context.Document, caseSensitive, found.Starts, found.Nodes)
            : matcher.Matches(context.Document, caseSensitive, null, null);

    /// <summary>The token indices, per matcher, where a phrase of that matcher can start.</summary>
    internal sealed class Candidates
    {
        private readonly TermIndex _index;
        private readonly DocumentModel _document;
        private (int[] Starts, TermMatcher.Node[] Nodes)[]? _found;

        public Candidates(TermIndex index, DocumentModel document)
        {
            _index = index;
            _document = document;
        }

        /// <summary>
        /// Where <paramref name="matcher"/>'s phrases can start (token indexes, ascending), each with the trie node its
        /// first word leads to; null for a matcher the index does not hold.
        /// </summary>
        public (int[] Starts, TermMatcher.Node[] Nodes)? Of(TermMatcher matcher)
        {
            if (!_index._matchers.TryGetValue(matcher, out var id))
            {
                return null;
            }

            _found ??= Compute();
            return _found[id];
        }

        private (int[] Starts, TermMatcher.Node[] Nodes)[] Compute()
        {
            // Two passes, so that nothing grows: each token's first-word entry (most tokens have none) and a count
            // per matcher, then exact arrays.
            var tokens = _document.Tokens;
            var stems = _document.Stems;
            var perToken = new (int Matcher, TermMatcher.Node Node)[]?[tokens.Count];
            var counts = new int[_index._matchers.Count];
            for (var t = 0; t < tokens.Count; t++)
            {
                if (_index._firstWords.TryGetValue(stems.Stem(t), stems.Hash(t), out var firsts))
                {
                    perToken[t] = firsts;
                    foreach (var (id, _) in firsts)
                    {
                        counts[id]++;
                    }
                }
            }

            var found = new (int[] Starts, TermMatcher.Node[] Nodes)[counts.Length];
            for (var i = 0; i < found.Length; i++)
            {
                found[i] = counts[i] == 0 ? (Array.Empty<int>(), Array.Empty<TermMatcher.Node>()) : (new int[counts[i]], new TermMatcher.Node[counts[i]]);
                counts[i] = 0;
            }

            for (var t = 0; t < perToken.Length; t++)
            {
                if (perToken[t] is not { } firsts)
                {
                    continue;
                }

                foreach (var (id, node) in firsts)
                {
                    var k = counts[id]++;
                    found[id].Starts[k] = t;
                    found[id].Nodes[k] = node;
                }
            }

            return found;
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

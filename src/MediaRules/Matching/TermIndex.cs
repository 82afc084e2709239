using System;
using System.Buffers;
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
    private readonly WordTable<First[]> _firstWords;

    // By entry of _firstWords: whether any phrase of the word's matchers can match from a token that is the word, by
    // the next token's hash alone (see Keeps), read from this array rather than from each entry's First[].
    private readonly Keep[] _keeps;

    // A filter of (first word, what may follow it) pairs: bit PairBit(hash, 64) for a first word at which a term ends,
    // bit PairBit(hash, b) for each bit b of its next words' signatures. A token whose pair bits are both clear cannot
    // start a phrase (see Keeps), so most tokens on a frequent first word are ruled out by one or two bits of this
    // array, without reading the table.
    private readonly ulong[] _pairs;
    private readonly int _pairShift;
    private readonly Dictionary<TermMatcher, int> _matchers;

    public TermIndex(IReadOnlyList<TermMatcher> matchers)
    {
        _matchers = new Dictionary<TermMatcher, int>(ReferenceEqualityComparer<TermMatcher>.Instance);
        var byWord = new Dictionary<string, List<First>>(StringComparer.Ordinal);
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
                    byWord[first.Key] = list = new List<First>();
                }

                list.Add(new First(id, first.Value));
            }
        }

        var items = new List<KeyValuePair<string, First[]>>();
        foreach (var pair in byWord)
        {
            items.Add(new KeyValuePair<string, First[]>(pair.Key, pair.Value.ToArray()));
        }

        _firstWords = new WordTable<First[]>(items);
        _keeps = new Keep[_firstWords.Count];
        var hashCounts = new Dictionary<int, int>();
        for (var i = 0; i < _keeps.Length; i++)
        {
            hashCounts[_firstWords.HashAt(i)] = hashCounts.TryGetValue(_firstWords.HashAt(i), out var n) ? n + 1 : 1;
        }

        var pairCount = 0;
        for (var i = 0; i < _keeps.Length; i++)
        {
            _keeps[i] = new Keep(_firstWords.ValueAt(i), shared: hashCounts[_firstWords.HashAt(i)] > 1);
            pairCount += (_keeps[i].Terminal ? 1 : 0) + PopCount(_keeps[i].Next);
        }

        // Sixteen bits a pair (about one clear pair in sixteen passes by chance), from 64 bits to 2 MB.
        var bits = 64;
        var shift = 26;
        while (bits < (long)pairCount * 16 && bits < 1 << 24)
        {
            bits <<= 1;
            shift--;
        }

        _pairs = new ulong[bits / 64];
        _pairShift = shift;
        for (var i = 0; i < _keeps.Length; i++)
        {
            var hash = _firstWords.HashAt(i);
            if (_keeps[i].Terminal)
            {
                SetPair(hash, 64);
            }

            for (var b = 0; b < 64; b++)
            {
                if ((_keeps[i].Next & (1UL << b)) != 0)
                {
                    SetPair(hash, b);
                }
            }
        }
    }

    private void SetPair(int hash, int follower)
    {
        var bit = PairBit(hash, follower, _pairShift);
        _pairs[bit >> 6] |= 1UL << (int)(bit & 63);
    }

    // The filter bit of a first word's hash and a follower: 64 for "a term ends here", else a signature bit's index
    // (WordTable.SignatureBit: the hash's top six bits). The two are mixed, and the top bits of the product taken.
    private static uint PairBit(int hash, int follower, int shift) =>
        ((uint)hash ^ ((uint)(follower + 1) * 0x9E3779B9u)) * 0x85EBCA6Bu >> shift;

    private static int PopCount(ulong value)
    {
#if NET
        return System.Numerics.BitOperations.PopCount(value);
#else
        var count = 0;
        for (; value != 0; value &= value - 1)
        {
            count++;
        }

        return count;
#endif
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
        /// first word leads to; null for a matcher the index does not hold. A token listed has the hash of the node's
        /// word and is surely no other first word, but may not be that word (see <see cref="Keep.Shared"/>).
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
            // Two passes, so that nothing grows and no reference is stored per token: the tokens whose stem hash is a
            // first word's (most are not, and the filters say so; see Survivors) with their entry, and a count per
            // matcher; then exact arrays. The per-token lists are pooled: a long text's would be large objects.
            var stems = _document.Stems;
            var hashes = stems.Hashes;
            var table = _index._firstWords;
            var keeps = _index._keeps;
            var pairs = _index._pairs;
            var shift = _index._pairShift;
            var hitTokens = ArrayPool<int>.Shared.Rent(Math.Max(hashes.Length, 1));
            var hitEntries = ArrayPool<int>.Shared.Rent(Math.Max(hashes.Length, 1));
            try
            {
                var counts = new int[_index._matchers.Count];
                var survivors = Survivors(hashes, table.FilterBits, pairs, shift, hitTokens);
                var hits = 0;
                for (var s = 0; s < survivors; s++)
                {
                    // The filters above are probabilistic; the entry's own test is exact. The word itself is compared
                    // only where the hash does not tell the entry (Keep.Shared).
                    var t = hitTokens[s];
                    var hash = hashes[t];
                    for (var entry = table.FirstWithHash(hash); entry >= 0; entry = table.NextWithHash(entry, hash))
                    {
                        if (!keeps[entry].Keeps(hashes, t) || (keeps[entry].Shared && !table.KeyEquals(entry, stems.Stem(t))))
                        {
                            continue;
                        }

                        if (keeps[entry].Single >= 0)
                        {
                            counts[keeps[entry].Single]++; // its one First can match: the Keep says so
                        }
                        else
                        {
                            foreach (var first in table.ValueAt(entry))
                            {
                                counts[first.Matcher] += first.CanMatch(hashes, t) ? 1 : 0;
                            }
                        }

                        hitTokens[hits] = t; // hits <= s: the survivors not yet read are past it
                        hitEntries[hits++] = entry;
                        break; // keys are distinct: no other entry is this word
                    }
                }

                var found = new (int[] Starts, TermMatcher.Node[] Nodes)[counts.Length];
                for (var i = 0; i < found.Length; i++)
                {
                    found[i] = counts[i] == 0 ? (Array.Empty<int>(), Array.Empty<TermMatcher.Node>()) : (new int[counts[i]], new TermMatcher.Node[counts[i]]);
                    counts[i] = 0;
                }

                for (var h = 0; h < hits; h++)
                {
                    var keep = keeps[hitEntries[h]];
                    if (keep.Single >= 0)
                    {
                        var k = counts[keep.Single]++;
                        found[keep.Single].Starts[k] = hitTokens[h];
                        found[keep.Single].Nodes[k] = keep.Node!;
                        continue;
                    }

                    foreach (var first in table.ValueAt(hitEntries[h]))
                    {
                        if (!first.CanMatch(hashes, hitTokens[h]))
                        {
                            continue;
                        }

                        var j = counts[first.Matcher]++;
                        found[first.Matcher].Starts[j] = hitTokens[h];
                        found[first.Matcher].Nodes[j] = first.Node;
                    }
                }

                return found;
            }
            finally
            {
                ArrayPool<int>.Shared.Return(hitTokens);
                ArrayPool<int>.Shared.Return(hitEntries);
            }
        }
    }

    /// <summary>
    /// The tokens that may start a phrase, by their hashes alone, written to <paramref name="survivors"/> in order; their
    /// count. A token survives when its hash's bit is set in the first words' filter and, in the pair filter, the bit of
    /// (its hash, "a term ends here") or of (its hash, the next token's signature bit) is set. With a large pack most
    /// tokens are a first word, so the tests are taken together without a branch: a branch per test would be
    /// mispredicted for a good share of the tokens.
    /// </summary>
    private static int Survivors(ReadOnlySpan<int> hashes, ulong[] firstWords, ulong[] pairs, int shift, int[] survivors)
    {
        var firstMask = (uint)((firstWords.Length * 64) - 1);
        var count = 0;
        var last = hashes.Length - 1;
        for (var t = 0; t < last; t++)
        {
            var hash = hashes[t];
            var bit = (uint)hash & firstMask;
            var ends = PairBit(hash, 64, shift);
            var follows = PairBit(hash, (int)((uint)hashes[t + 1] >> 26), shift);
            var pass = (firstWords[bit >> 6] >> (int)bit) & ((pairs[ends >> 6] >> (int)ends) | (pairs[follows >> 6] >> (int)follows)) & 1;
            survivors[count] = t;
            count += (int)pass;
        }

        if (last >= 0)
        {
            var hash = hashes[last];
            var bit = (uint)hash & firstMask;
            var ends = PairBit(hash, 64, shift);
            if (((firstWords[bit >> 6] >> (int)bit) & (pairs[ends >> 6] >> (int)ends) & 1) != 0)
            {
                survivors[count++] = last;
            }
        }

        return count;
    }

    /// <summary>
    /// What all the <see cref="First"/>s of a first word allow together: a phrase can match from a token that is the
    /// word when one of them can (<see cref="First.CanMatch"/>), that is, when a term ends at the word or the next
    /// token's signature bit is in one of their signatures, which is the bit in the union of their signatures.
    /// </summary>
    private readonly struct Keep
    {
        private readonly ulong _next;
        private readonly bool _terminal;

        private readonly bool _shared;

        public Keep(First[] firsts, bool shared)
        {
            _shared = shared;
            Single = firsts.Length == 1 ? firsts[0].Matcher : -1;
            Node = firsts.Length == 1 ? firsts[0].Node : null;
            foreach (var first in firsts)
            {
                _terminal |= first.Terminal;
                _next |= first.NextSignature;
            }
        }

        // Whether a term ends at the word for one of its matchers.
        public bool Terminal => _terminal;

        // Whether another first word has the word's hash. A token with the hash of a word that shares it with no other
        // is that word or no first word at all: the index need not compare it, as the matcher compares the first word
        // of each match it finds (TermMatcher.Matches). A shared hash is compared here, to tell which word it is.
        public bool Shared => _shared;

        // The union of the signatures of the words that may follow it.
        public ulong Next => _next;

        // The word's matcher when it has one (most words), whose First then answers as the Keep does; else -1.
        public int Single { get; }

        // The one matcher's trie node (null when Single is -1): the First's, kept here so as not to read the array.
        public TermMatcher.Node? Node { get; }

        // Whether any First of the word can match from token t (exactly what one of them would answer).
        public bool Keeps(ReadOnlySpan<int> hashes, int t) =>
            _terminal || (t + 1 < hashes.Length && (_next & WordTable<TermMatcher.Node>.SignatureBit(hashes[t + 1])) != 0);
    }

    /// <summary>
    /// A matcher whose phrases can start with a word, the trie node that word leads to, and what the node allows next,
    /// kept here so that a candidate is judged without reading the node.
    /// </summary>
    private readonly struct First
    {
        private readonly ulong _next;
        private readonly bool _terminal;

        public First(int matcher, TermMatcher.Node node)
        {
            Matcher = matcher;
            Node = node;
            _terminal = node.Terminals.Length > 0;
            _next = node.Next.Signature;
        }

        public int Matcher { get; }

        public TermMatcher.Node Node { get; }

        // Whether a term ends at the first word.
        public bool Terminal => _terminal;

        // The signature of the words that may follow the first word.
        public ulong NextSignature => _next;

        // Whether a phrase can match from token t: a term ends at its first word, or the next token's word may follow
        // (its signature bit is set). With frequent first words most phrases of several words are ruled out here,
        // exactly: the signature never rules out a word that follows.
        public bool CanMatch(ReadOnlySpan<int> hashes, int t) =>
            _terminal || (t + 1 < hashes.Length && (_next & WordTable<TermMatcher.Node>.SignatureBit(hashes[t + 1])) != 0);
    }

    private sealed class ReferenceEqualityComparer<T> : IEqualityComparer<T>
        where T : class
    {
        public static readonly ReferenceEqualityComparer<T> Instance = new();

        public bool Equals(T? x, T? y) => ReferenceEquals(x, y);

        public int GetHashCode(T obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }
}

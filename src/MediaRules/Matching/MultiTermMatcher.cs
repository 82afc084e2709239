using System;
using System.Buffers;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using MediaRules.Documents;

namespace MediaRules.Matching;

/// <summary>How a <see cref="MultiTermMatcher"/> finds where terms may start.</summary>
internal enum MatcherEngine
{
    /// <summary><see cref="SearchValues"/> where the platform has it (net10.0), else <see cref="Portable"/>.</summary>
    Auto = 0,

    /// <summary>Word by word: every unit of the text is hashed (case-folded) and looked up. Runs everywhere.</summary>
    Portable = 1,

    /// <summary>
    /// A vectorized <c>SearchValues&lt;string&gt;</c> search for the start of any term's first word, each candidate then
    /// checked as <see cref="Portable"/> does; where candidates come thick, it scans word by word for a while instead.
    /// net10.0 only.
    /// </summary>
    SearchValues = 2,
}

/// <summary>Options of a <see cref="MultiTermMatcher"/>.</summary>
internal sealed class MultiTermMatcherOptions
{
    /// <summary>
    /// Whether words are compared without a possessive suffix, as <see cref="TermMatcher"/> does (default true):
    /// a word of the text or of a term that ends in 's or ’s (with at least one character before the apostrophe) is
    /// compared by what comes before the suffix, and a match includes the suffix ("Israel" and "Israel's" each
    /// match "Israel’s" and "ISRAEL"); a term's word that ends in s' loses the apostrophe ("Palestinians'" is
    /// "Palestinians").
    /// </summary>
    public bool Possessives { get; set; } = true;

    /// <summary>Which engine finds candidate starts (both give identical results).</summary>
    public MatcherEngine Engine { get; set; } = MatcherEngine.Auto;

    /// <summary>
    /// For tests: the bits of each unit's hash that are kept (all by default). With few bits, hashes collide and the
    /// filters fill up, so every check after a look-up by hash is exercised; results must not change.
    /// </summary>
    internal uint HashMask { get; set; } = uint.MaxValue;
}

/// <summary>
/// Finds every occurrence of any number of literal terms (words and phrases, thousands of them) in one pass over a
/// text, case-insensitively and on word boundaries, without allocating per match. Built once by
/// <see cref="MultiTermMatcherBuilder"/>; immutable and safe to use from many threads.
/// </summary>
/// <remarks>
/// <para><b>Units.</b> A text (and each term) is read as a sequence of units. A <i>word</i> is a maximal run of word
/// characters (letters, combining marks, decimal digits, letter-numbers; a surrogate pair by its code point) in which
/// a joiner (apostrophe look-alike ' ’ ‘ ʼ, hyphen - ‐ ‑, ZWJ, ZWNJ) may stand between two word characters:
/// "don't", "Israel’s", "well-known" are one word each. Every other character that is not whitespace is a unit of its
/// own (".", ",", a quotation mark, a lone apostrophe, each half of an emoji's surrogate pair). Soft hyphens (U+00AD)
/// are invisible: read through inside words and skipped between units. Whitespace separates units; a paragraph break
/// (CR, LF, U+0085, U+2029, U+001E) ends every phrase.</para>
/// <para><b>Matching.</b> A term matches where its units equal consecutive units of the text: each unit compared
/// after folding (<see cref="TokenText.NormalizeChar"/>: invariant lower case one code unit at a time, apostrophe
/// look-alikes equal), units that are adjacent in the term (no whitespace between) adjacent in the text (nothing
/// but soft hyphens between), and units separated by whitespace in the term separated in the text by any run of
/// whitespace and soft hyphens that holds at least one whitespace character and no paragraph break. So a match
/// never starts or ends inside a word ("war" is not found in "toward" or "war-torn"; "U.S." is found in "U.S.-led").
/// With <see cref="MultiTermMatcherOptions.Possessives"/>, words are compared without their possessive suffix.</para>
/// <para><b>Results.</b> <c>Scan</c> reports every match (every term at every position), grouped by
/// start position: for each position, once, all the terms that match there, longest first. A caller that wants
/// leftmost-longest non-overlapping matches per rule picks them with <see cref="LeftmostLongestSelector"/>.</para>
/// </remarks>
internal sealed partial class MultiTermMatcher
{
    internal const uint HashSeed = 2166136261;
    internal const uint HashPrime = 16777619;

    // Table entries hold a node id with flags, so a walk reads a node's own record only where a term ends. Collides: another
    // entry of the table has the same hash (and parent and edge), so a look-up must compare the text with the keys.
    private const int NodeMask = 0x0FFFFFFF;
    private const int CollidesFlag = 1 << 28;
    private const int HasTermsFlag = 1 << 29;
    private const int HasChildrenFlag = 1 << 30;

    // How many units of a walk wait for verification on the stack (deeper walks verify as they go).
    private const int MaxPendingUnits = 16;

    private readonly bool _possessives;
    private readonly uint _hashMask;
    private readonly int[] _termIds;
    private readonly string[] _terms;
    private readonly NodeInfo[] _nodes;
    private readonly char[] _keys;
    private readonly int[] _nodeTerms;
    private readonly RootSlot[] _roots;
    private readonly ChildSlot[] _children;
    private readonly ulong[] _rootBloom;
    private readonly ulong[] _childBloom;
    private readonly ulong[] _pairBloom;
    private readonly bool _punctuationRoots;
    private readonly int _bloomShift;
    private readonly int _rootShift;

    internal MultiTermMatcher(MultiTermMatcherBuilder.Compiled compiled, MatcherEngine engine)
    {
        _possessives = compiled.Possessives;
        _hashMask = compiled.HashMask;
        _termIds = compiled.TermIds;
        _terms = compiled.Terms;
        _nodeTerms = compiled.NodeTerms;
        var keys = new System.Text.StringBuilder();
        _nodes = new NodeInfo[compiled.NodeKeys.Length];
        for (var node = 0; node < _nodes.Length; node++)
        {
            _nodes[node] = new NodeInfo(keys.Length, compiled.NodeKeys[node].Length, compiled.NodeTermStart[node], compiled.NodeTermStart[node + 1], compiled.NodeHasChildren[node]);
            keys.Append(compiled.NodeKeys[node]);
        }

        _keys = keys.ToString().ToCharArray();
        _punctuationRoots = compiled.PunctuationRoots;

        // Bloom filters answer most look-ups without touching the tables: every first unit, and among them those where a
        // term ends (both in one filter, twice the size); every pair of a first unit and the unit after it. Each entry sets two bits of one 64-bit word (one
        // memory access a test); sixteen bits an entry give about 2% false positives.
        var bloomBits = 12;
        while (bloomBits < 22 && (1 << bloomBits) < Math.Max(compiled.Roots.Count, compiled.Children.Count) * 16)
        {
            bloomBits++;
        }

        _bloomShift = 32 - (bloomBits - 6);
        _roots = new RootSlot[TableSize(compiled.Roots.Count)];
        _rootBloom = NewBloom(bloomBits + 1);
        _rootShift = _bloomShift - 1;
        _pairBloom = NewBloom(bloomBits);
        var rootHashes = new Dictionary<int, uint>();
        foreach (var (hash, node) in compiled.Roots)
        {
            var mixed = Mix(hash);
            var slot = (int)(mixed & (uint)(_roots.Length - 1));
            while (_roots[slot].Node != 0)
            {
                slot = (slot + 1) & (_roots.Length - 1);
            }

            _roots[slot] = new RootSlot(hash, Pack(node));
            _rootBloom[mixed >> _rootShift] |= BloomMask(mixed) | (_nodes[node].TermEnd > _nodes[node].TermStart ? TermRootMask(mixed) : 0);

            rootHashes[node] = hash;
        }

        _children = new ChildSlot[TableSize(compiled.Children.Count)];
        _childBloom = NewBloom(bloomBits);
        foreach (var (parent, edge, hash, node) in compiled.Children)
        {
            var mixed = ChildMix(parent, edge, hash);
            SetBloom(_childBloom, mixed);
            if (rootHashes.TryGetValue(parent, out var parentHash))
            {
                SetBloom(_pairBloom, PairMix(Mix(parentHash), edge, Mix(hash)));
            }

            var slot = (int)(mixed & (uint)(_children.Length - 1));
            while (_children[slot].Node != 0)
            {
                slot = (slot + 1) & (_children.Length - 1);
            }

            _children[slot] = new ChildSlot(hash, parent, edge, Pack(node));
        }

        MarkCollisions();
        Engine = ResolveEngine(engine, compiled);
        InitializeSearch(compiled);
    }

    /// <summary>The engine this matcher runs (never <see cref="MatcherEngine.Auto"/>).</summary>
    public MatcherEngine Engine { get; }

    /// <summary>How many terms were compiled.</summary>
    public int TermCount => _termIds.Length;

    /// <summary>Whether words are compared without their possessive suffix.</summary>
    public bool Possessives => _possessives;

    /// <summary>The id of a term.</summary>
    /// <param name="termIndex">The term's index.</param>
    /// <returns>Its id.</returns>
    public int GetId(int termIndex) => _termIds[termIndex];

    /// <summary>A term as it was added (for a caller that checks the capitalisation of a match, say).</summary>
    /// <param name="termIndex">The term's index.</param>
    /// <returns>The term.</returns>
    public string GetTerm(int termIndex) => _terms[termIndex];

    /// <summary>Compiles terms (each with its id) into a matcher.</summary>
    /// <param name="terms">The terms and their ids.</param>
    /// <param name="options">Options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The matcher.</returns>
    public static MultiTermMatcher Create(IEnumerable<(string Term, int Id)> terms, MultiTermMatcherOptions? options = null)
    {
        var builder = new MultiTermMatcherBuilder(options);
        foreach (var (term, id) in terms)
        {
            builder.Add(term, id);
        }

        return builder.Build();
    }

    /// <summary>Reports every match in the whole text.</summary>
    /// <typeparam name="TSink">The receiver (a struct, to avoid allocating).</typeparam>
    /// <param name="text">The text.</param>
    /// <param name="sink">Receives the matches at each position.</param>
    public void Scan<TSink>(ReadOnlySpan<char> text, ref TSink sink)
        where TSink : ITermMatchSink => Scan(text, 0, text.Length, ref sink);

    /// <summary>
    /// Reports every match that lies within <paramref name="start"/> … <paramref name="end"/> of the text. Word
    /// boundaries are judged on the whole text (a match at <paramref name="start"/> must not continue a word that began
    /// before it); positions are offsets in <paramref name="text"/>.
    /// </summary>
    /// <typeparam name="TSink">The receiver (a struct, to avoid allocating).</typeparam>
    /// <param name="text">The text.</param>
    /// <param name="start">The first offset a match may cover.</param>
    /// <param name="end">One past the last offset a match may cover.</param>
    /// <param name="sink">Receives the matches at each position, in order of position.</param>
    public void Scan<TSink>(ReadOnlySpan<char> text, int start, int end, ref TSink sink)
        where TSink : ITermMatchSink
    {
        if (start < 0 || end > text.Length || start > end)
        {
            throw new ArgumentOutOfRangeException(nameof(start), "The range must lie within the text.");
        }

        var buffer = new MatchBuffer(stackalloc TermMatch[32], stackalloc int[3 * MaxPendingUnits]);
        try
        {
            if (_termIds.Length == 0 || start == end)
            {
                return;
            }

#if NET
            if (Engine == MatcherEngine.SearchValues)
            {
                ScanWithSearchValues(text, start, end, ref buffer, ref sink);
                return;
            }
#endif
            ScanUnits(text, start, end, end, ref buffer, ref sink);
        }
        finally
        {
            buffer.Dispose();
        }
    }

    /// <summary>Every match in a text, in order of position and, at one position, longest first (allocates a list).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The matches.</returns>
    public List<TermMatch> FindAll(string text)
    {
        var sink = new ListSink(new List<TermMatch>());
        Scan(text.AsSpan(), ref sink);
        return sink.Matches;
    }

    /// <summary>Leftmost-longest matches that do not overlap within a group of ids (allocates a list).</summary>
    /// <param name="text">The text.</param>
    /// <param name="groupCount">How many groups.</param>
    /// <param name="groupOfId">The group of each id, or <see langword="null"/> when each id is its own group.</param>
    /// <returns>The chosen matches, in order of position.</returns>
    public List<TermMatch> FindLeftmostLongest(string text, int groupCount, int[]? groupOfId)
    {
        var sink = new SelectingSink(new LeftmostLongestSelector(groupCount, groupOfId), new List<TermMatch>());
        Scan(text.AsSpan(), ref sink);
        return sink.Matches;
    }

    // The portable scan: visits every unit that starts in [from, to) and walks the trie from those that may begin a
    // term. Returns where it stopped: the end of the last unit it read, or `to` (never inside a word).
    //
    // Each word is hashed once, as it is read, and tested against Bloom filters before any table: most words begin no
    // term. A word that begins only longer terms (a phrase's first word) is held back, and walked from only when the
    // pair it forms with the next unit may begin a term, so the common case, a first word followed by anything else,
    // costs two filter tests and no walk.
    private int ScanUnits<TSink>(ReadOnlySpan<char> text, int from, int to, int end, ref MatchBuffer buffer, ref TSink sink)
        where TSink : ITermMatchSink
    {
        var classes = MatchChars.ClassTable;
        var folds = MatchChars.FoldTable;
        var rootBloom = _rootBloom;
        var rootShift = _rootShift;
        var pairBloom = _pairBloom;
        var held = -1;
        var heldHash = 0u;
        var heldMixed = 0u;
        var heldEnd = 0;
        var heldKeyEnd = 0;
        var spaced = false;
        var i = from;
        if (MatchChars.IsInsideWord(text, i))
        {
            i = EndOfWord(text, i);
        }

        while (i < to)
        {
            var c = text[i];
            var cls = (MatchCharClass)classes[c];
            int unitEnd;
            int keyEnd;
            uint hash;
            if (cls == MatchCharClass.Word)
            {
                unitEnd = ReadUnitFast(text, i, _possessives, classes, folds, out keyEnd, out hash);
                hash &= _hashMask;
            }
            else if (cls == MatchCharClass.Space)
            {
                spaced = true;
                i++;
                continue;
            }
            else if (cls == MatchCharClass.Ignorable)
            {
                i++;
                continue;
            }
            else if (cls == MatchCharClass.Break)
            {
                held = -1;
                i++;
                continue;
            }
            else
            {
                // A word that starts with a surrogate pair, or a unit of one code unit (punctuation, a lone joiner, a
                // surrogate of a symbol).
                unitEnd = ReadUnit(text, i, _possessives, out keyEnd, out hash);
                hash &= _hashMask;
            }

            var mixed = Mix(hash);
            if (held >= 0)
            {
                if (TestBloom(pairBloom, PairMix(heldMixed, spaced ? Edge.Spaced : Edge.Glued, mixed)))
                {
                    var node = FindRoot(heldMixed, heldHash, text, held, heldKeyEnd);
                    if (node != 0)
                    {
                        Walk(text, held, node, heldEnd, heldKeyEnd, end, ref buffer, ref sink);
                    }
                }

                held = -1;
            }

            var rootWord = rootBloom[mixed >> rootShift];
            var rootMask = BloomMask(mixed);
            if ((rootWord & rootMask) == rootMask)
            {
                var termMask = TermRootMask(mixed);
                if ((rootWord & termMask) == termMask)
                {
                    var node = FindRoot(mixed, hash, text, i, keyEnd);
                    if (node != 0)
                    {
                        Walk(text, i, node, unitEnd, keyEnd, end, ref buffer, ref sink);
                    }
                }
                else
                {
                    held = i;
                    heldHash = hash;
                    heldMixed = mixed;
                    heldEnd = unitEnd;
                    heldKeyEnd = keyEnd;
                }
            }

            spaced = false;
            i = unitEnd;
        }

        if (held >= 0)
        {
            // The window ends after a held word: walk from it (the walk reads what follows).
            var node = FindRoot(heldMixed, heldHash, text, held, heldKeyEnd);
            if (node != 0)
            {
                Walk(text, held, node, heldEnd, heldKeyEnd, end, ref buffer, ref sink);
            }
        }

        return i;
    }

    // ReadUnit for the common case, an ordinary word followed by a space or punctuation, read with the tables at hand.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ReadUnitFast(ReadOnlySpan<char> text, int i, bool possessives, byte[] classes, char[] folds, out int keyEnd, out uint hash)
    {
        var c = text[i];
        if ((MatchCharClass)classes[c] == MatchCharClass.Word)
        {
            var h = HashSeed;
            var j = i;
            var n = text.Length;
            while (true)
            {
                h = (h ^ folds[c]) * HashPrime;
                j++;
                if (j >= n)
                {
                    break;
                }

                c = text[j];
                if ((MatchCharClass)classes[c] != MatchCharClass.Word)
                {
                    break;
                }
            }

            if (j >= n || (MatchCharClass)classes[c] is MatchCharClass.Space or MatchCharClass.Other or MatchCharClass.Break)
            {
                keyEnd = j;
                hash = h;
                return j;
            }
        }

        return ReadUnit(text, i, possessives, out keyEnd, out hash);
    }

    // Reads the unit that starts at i (not whitespace, a break or a soft hyphen): a word, or one code unit. Returns its
    // end; keyEnd is where the part compared ends (before a possessive suffix) and hash is the hash of that part folded.
    internal static int ReadUnit(ReadOnlySpan<char> text, int i, bool possessives, out int keyEnd, out uint hash)
    {
        var folds = MatchChars.FoldTable;
        if (MatchChars.ClassAt(text, i) != MatchCharClass.Word)
        {
            keyEnd = i + 1;
            hash = (HashSeed ^ folds[text[i]]) * HashPrime;
            return i + 1;
        }

        var n = text.Length;
        var h = HashSeed;
        var j = i;
        var last = i;
        while (j < n)
        {
            var c = text[j];
            var cls = MatchChars.ClassAt(text, j);
            if (cls == MatchCharClass.Word)
            {
                h = (h ^ folds[c]) * HashPrime;
                j++;
                last = j;
                continue;
            }

            if (cls is MatchCharClass.Joiner or MatchCharClass.Ignorable)
            {
                var k = cls == MatchCharClass.Ignorable ? MatchChars.SkipIgnorable(text, j) : j;
                if (k >= n)
                {
                    break;
                }

                var kc = MatchChars.ClassAt(text, k);
                if (kc == MatchCharClass.Word)
                {
                    j = k;
                    continue;
                }

                if (kc == MatchCharClass.Joiner)
                {
                    var m = MatchChars.SkipIgnorable(text, k + 1);
                    if (m < n && MatchChars.ClassAt(text, m) == MatchCharClass.Word)
                    {
                        h = (h ^ folds[text[k]]) * HashPrime;
                        j = m;
                        continue;
                    }
                }
            }

            break;
        }

        keyEnd = last;
        if (possessives)
        {
            keyEnd = StemEnd(text, i, last);
            if (keyEnd != last)
            {
                h = HashSeed;
                for (var k = i; k < keyEnd; k++)
                {
                    if (text[k] != TextChars.Ignorable)
                    {
                        h = (h ^ folds[text[k]]) * HashPrime;
                    }
                }
            }
        }

        hash = h;
        return last;
    }

    // The end of a word's stem: before every trailing possessive suffix ('s, ’s), keeping at least one character.
    internal static int StemEnd(ReadOnlySpan<char> text, int start, int end)
    {
        while (true)
        {
            var s = MatchChars.SkipIgnorableBackward(text, end - 1);
            if (s <= start || text[s] is not ('s' or 'S'))
            {
                return end;
            }

            var apostrophe = MatchChars.SkipIgnorableBackward(text, s - 1);
            if (apostrophe <= start || !TextChars.IsApostrophe(text[apostrophe]))
            {
                return end;
            }

            end = apostrophe;
        }
    }

    // The first position at or after i that is not inside a word.
    private static int EndOfWord(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && MatchChars.IsInsideWord(text, i))
        {
            i++;
        }

        return i;
    }

    // Walks the trie from the unit at start (looked up by hash: packed node, ending at unitEnd, compared up to keyEnd),
    // collects every term that ends on the way, and reports them. Units are found by hash alone; their text is compared
    // with the keys only where a term ends, so the walks that lead nowhere (most of them) never read a key.
    private void Walk<TSink>(ReadOnlySpan<char> text, int start, int packed, int unitEnd, int keyEnd, int end, ref MatchBuffer buffer, ref TSink sink)
        where TSink : ITermMatchSink
    {
        var classes = MatchChars.ClassTable;
        var folds = MatchChars.FoldTable;
        var pendingStart = buffer.Pending.Slice(0, MaxPendingUnits);
        var pendingKeyEnd = buffer.Pending.Slice(MaxPendingUnits, MaxPendingUnits);
        var pendingNode = buffer.Pending.Slice(2 * MaxPendingUnits, MaxPendingUnits);
        pendingStart[0] = start;
        pendingKeyEnd[0] = keyEnd;
        pendingNode[0] = packed & NodeMask;
        var pending = 1;
        var verified = 0;
        buffer.Clear();
        while (unitEnd <= end)
        {
            if ((packed & HasTermsFlag) != 0)
            {
                for (; verified < pending; verified++)
                {
                    if (!KeyEquals(text, pendingStart[verified], pendingKeyEnd[verified], pendingNode[verified]))
                    {
                        // A hash collision: nothing from here on is a match.
                        goto Report;
                    }
                }

                ref readonly var info = ref _nodes[packed & NodeMask];
                for (var t = info.TermStart; t < info.TermEnd; t++)
                {
                    var term = _nodeTerms[t];
                    buffer.Add(new TermMatch(start, unitEnd, term, _termIds[term]));
                }
            }

            if ((packed & HasChildrenFlag) == 0)
            {
                break;
            }

            var j = unitEnd;
            var spaced = false;
            while (j < end)
            {
                var cls = (MatchCharClass)classes[text[j]];
                if (cls == MatchCharClass.Ignorable)
                {
                    j++;
                }
                else if (cls == MatchCharClass.Space)
                {
                    spaced = true;
                    j++;
                }
                else
                {
                    break;
                }
            }

            if (j >= end || (MatchCharClass)classes[text[j]] == MatchCharClass.Break)
            {
                break;
            }

            var nextEnd = ReadUnitFast(text, j, _possessives, classes, folds, out var nextKeyEnd, out var hash);
            hash &= _hashMask;

            packed = FindChild(packed & NodeMask, spaced ? Edge.Spaced : Edge.Glued, hash, text, j, nextKeyEnd);
            if (packed == 0)
            {
                break;
            }

            if (pending == MaxPendingUnits)
            {
                // A long walk: verify what waits, then start the list again.
                for (; verified < pending; verified++)
                {
                    if (!KeyEquals(text, pendingStart[verified], pendingKeyEnd[verified], pendingNode[verified]))
                    {
                        goto Report;
                    }
                }

                pending = 0;
                verified = 0;
            }

            pendingStart[pending] = j;
            pendingKeyEnd[pending] = nextKeyEnd;
            pendingNode[pending] = packed & NodeMask;
            pending++;
            unitEnd = nextEnd;
        }

    Report:
        if (buffer.Count > 0)
        {
            buffer.SortLongestFirst();
            sink.OnMatches(buffer.Items);
        }
    }

    // The packed node of a first unit by its hash (0: none). Verified only where two keys share the hash: see Walk.
    private int FindRoot(uint mixed, uint hash, ReadOnlySpan<char> text, int start, int keyEnd)
    {
        var roots = _roots;
        var mask = roots.Length - 1;
        for (var slot = (int)(mixed & (uint)mask); ; slot = (slot + 1) & mask)
        {
            ref readonly var entry = ref roots[slot];
            if (entry.Node == 0)
            {
                return 0;
            }

            if (entry.Hash == hash && ((entry.Node & CollidesFlag) == 0 || KeyEquals(text, start, keyEnd, entry.Node & NodeMask)))
            {
                return entry.Node;
            }
        }
    }

    // The packed node of a following unit by its hash (0: none). Verified only where two keys share the hash: see Walk.
    private int FindChild(int parent, Edge edge, uint hash, ReadOnlySpan<char> text, int start, int keyEnd)
    {
        var mixed = ChildMix(parent, edge, hash);
        if (!TestBloom(_childBloom, mixed))
        {
            return 0;
        }

        var children = _children;
        var mask = children.Length - 1;
        for (var slot = (int)(mixed & (uint)mask); ; slot = (slot + 1) & mask)
        {
            ref readonly var entry = ref children[slot];
            if (entry.Node == 0)
            {
                return 0;
            }

            if (entry.Hash == hash && entry.Parent == parent && entry.Edge == edge
                && ((entry.Node & CollidesFlag) == 0 || KeyEquals(text, start, keyEnd, entry.Node & NodeMask)))
            {
                return entry.Node;
            }
        }
    }

    // Whether the text's unit (its compared part) folds to a node's key.
    private bool KeyEquals(ReadOnlySpan<char> text, int start, int keyEnd, int node)
    {
        ref readonly var info = ref _nodes[node];
        if (keyEnd - start < info.KeyLength)
        {
            return false;
        }

        var key = _keys.AsSpan(info.KeyStart, info.KeyLength);
        var folds = MatchChars.FoldTable;
        var k = 0;
        for (var j = start; j < keyEnd; j++)
        {
            var c = text[j];
            if (c == TextChars.Ignorable)
            {
                continue;
            }

            if (k == key.Length || folds[c] != key[k])
            {
                return false;
            }

            k++;
        }

        return k == key.Length;
    }

    // Flags the table entries that share their hash (and, for children, parent and edge) with another.
    private void MarkCollisions()
    {
        var roots = new Dictionary<uint, int>();
        foreach (var entry in _roots)
        {
            if (entry.Node != 0)
            {
                roots[entry.Hash] = roots.TryGetValue(entry.Hash, out var n) ? n + 1 : 1;
            }
        }

        for (var i = 0; i < _roots.Length; i++)
        {
            if (_roots[i].Node != 0 && roots[_roots[i].Hash] > 1)
            {
                _roots[i] = new RootSlot(_roots[i].Hash, _roots[i].Node | CollidesFlag);
            }
        }

        var children = new Dictionary<(uint, int, Edge), int>();
        foreach (var entry in _children)
        {
            if (entry.Node != 0)
            {
                var key = (entry.Hash, entry.Parent, entry.Edge);
                children[key] = children.TryGetValue(key, out var n) ? n + 1 : 1;
            }
        }

        for (var i = 0; i < _children.Length; i++)
        {
            var entry = _children[i];
            if (entry.Node != 0 && children[(entry.Hash, entry.Parent, entry.Edge)] > 1)
            {
                _children[i] = new ChildSlot(entry.Hash, entry.Parent, entry.Edge, entry.Node | CollidesFlag);
            }
        }
    }

    private int Pack(int node) =>
        node | (_nodes[node].TermEnd > _nodes[node].TermStart ? HasTermsFlag : 0) | (_nodes[node].HasChildren ? HasChildrenFlag : 0);

    internal static uint Mix(uint h)
    {
        unchecked
        {
            h ^= h >> 16;
            h *= 0x85EBCA6B;
            h ^= h >> 13;
            h *= 0xC2B2AE35;
            h ^= h >> 16;
            return h;
        }
    }

    private static ulong[] NewBloom(int bits) => new ulong[(1 << bits) / 64];

    // The word is chosen by the hash's top bits, the two bits in it by its lowest twelve.
    private void SetBloom(ulong[] bloom, uint mixed) => bloom[mixed >> _bloomShift] |= BloomMask(mixed);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TestBloom(ulong[] bloom, uint mixed)
    {
        var mask = BloomMask(mixed);
        return (bloom[mixed >> _bloomShift] & mask) == mask;
    }

    // The first-unit filter holds two filters in each word: every first unit (BloomMask), and the first units where a
    // term ends (two more bits, from a second hash).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong TermRootMask(uint mixed)
    {
        var second = unchecked(mixed * 0x2545F491);
        return (1UL << (int)(second >> 26)) | (1UL << (int)((second >> 20) & 63));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong BloomMask(uint mixed) => (1UL << (int)(mixed & 63)) | (1UL << (int)((mixed >> 6) & 63));

    // A pair of units, from their mixed hashes (cheap: both are mixed already).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint PairMix(uint first, Edge edge, uint second) => unchecked(((first + (uint)edge) * 0x9E3779B1) ^ second);

    private static uint ChildMix(int parent, Edge edge, uint hash) => unchecked(Mix(hash ^ ((uint)parent * 0x9E3779B1) ^ ((uint)edge * 0x7FEB352D)));

    private static int TableSize(int count)
    {
        var size = 16;
        while (size < count * 2)
        {
            size <<= 1;
        }

        return size;
    }

    private static MatcherEngine ResolveEngine(MatcherEngine requested, MultiTermMatcherBuilder.Compiled compiled)
    {
#if NET
        if (requested is MatcherEngine.Auto or MatcherEngine.SearchValues)
        {
            return compiled.SearchPrefixes is not null ? MatcherEngine.SearchValues : MatcherEngine.Portable;
        }

        return MatcherEngine.Portable;
#else
        if (requested == MatcherEngine.SearchValues)
        {
            throw new PlatformNotSupportedException("The SearchValues engine needs net8.0 or later.");
        }

        _ = compiled;
        return MatcherEngine.Portable;
#endif
    }

    partial void InitializeSearch(MultiTermMatcherBuilder.Compiled compiled);

    /// <summary>How a unit follows the one before it in a term.</summary>
    internal enum Edge : byte
    {
        /// <summary>The first unit.</summary>
        None = 0,

        /// <summary>Directly after the previous unit (soft hyphens aside).</summary>
        Glued = 1,

        /// <summary>After whitespace.</summary>
        Spaced = 2,
    }

    // A trie node: where its key lies in the key pool, which terms end there, whether units follow.
    private readonly struct NodeInfo
    {
        public NodeInfo(int keyStart, int keyLength, int termStart, int termEnd, bool hasChildren)
        {
            KeyStart = keyStart;
            KeyLength = keyLength;
            TermStart = termStart;
            TermEnd = termEnd;
            HasChildren = hasChildren;
        }

        public int KeyStart { get; }

        public int KeyLength { get; }

        public int TermStart { get; }

        public int TermEnd { get; }

        public bool HasChildren { get; }
    }

    private readonly struct RootSlot
    {
        public RootSlot(uint hash, int node)
        {
            Hash = hash;
            Node = node;
        }

        public uint Hash { get; }

        public int Node { get; }
    }

    private readonly struct ChildSlot
    {
        public ChildSlot(uint hash, int parent, Edge edge, int node)
        {
            Hash = hash;
            Parent = parent;
            Edge = edge;
            Node = node;
        }

        public uint Hash { get; }

        public int Parent { get; }

        public Edge Edge { get; }

        public int Node { get; }
    }

    // The matches found at one position (a stack buffer first, a pooled array when it overflows), and a walk's scratch.
    private ref struct MatchBuffer
    {
        private Span<TermMatch> _items;
        private TermMatch[]? _rented;

        public MatchBuffer(Span<TermMatch> initial, Span<int> pending)
        {
            _items = initial;
            Pending = pending;
            _rented = null;
            Count = 0;
        }

        public int Count { get; private set; }

        // Room for the units a walk has yet to verify (three lists of MaxPendingUnits).
        public Span<int> Pending { get; }

        public readonly ReadOnlySpan<TermMatch> Items => _items.Slice(0, Count);

        public void Clear() => Count = 0;

        public void Add(TermMatch match)
        {
            if (Count == _items.Length)
            {
                var larger = ArrayPool<TermMatch>.Shared.Rent(_items.Length * 2);
                _items.CopyTo(larger);
                if (_rented is not null)
                {
                    ArrayPool<TermMatch>.Shared.Return(_rented);
                }

                _rented = larger;
                _items = larger;
            }

            _items[Count++] = match;
        }

        // Insertion sort: longest first, then by term index (a walk finds them shortest first, in node order).
        public readonly void SortLongestFirst()
        {
            var items = _items.Slice(0, Count);
            for (var i = 1; i < items.Length; i++)
            {
                var item = items[i];
                var j = i - 1;
                while (j >= 0 && (items[j].End < item.End || (items[j].End == item.End && items[j].TermIndex > item.TermIndex)))
                {
                    items[j + 1] = items[j];
                    j--;
                }

                items[j + 1] = item;
            }
        }

        public void Dispose()
        {
            if (_rented is not null)
            {
                ArrayPool<TermMatch>.Shared.Return(_rented);
                _rented = null;
            }
        }
    }

    private readonly struct ListSink : ITermMatchSink
    {
        public ListSink(List<TermMatch> matches) => Matches = matches;

        public List<TermMatch> Matches { get; }

        public void OnMatches(ReadOnlySpan<TermMatch> matches)
        {
            foreach (var match in matches)
            {
                Matches.Add(match);
            }
        }
    }

    private readonly struct SelectingSink : ITermMatchSink
    {
        private readonly LeftmostLongestSelector _selector;

        public SelectingSink(LeftmostLongestSelector selector, List<TermMatch> matches)
        {
            _selector = selector;
            Matches = matches;
        }

        public List<TermMatch> Matches { get; }

        public void OnMatches(ReadOnlySpan<TermMatch> matches)
        {
            var chosen = matches.Length <= 16 ? stackalloc TermMatch[matches.Length] : new TermMatch[matches.Length];
            var count = _selector.Select(matches, chosen);
            for (var i = 0; i < count; i++)
            {
                Matches.Add(chosen[i]);
            }
        }
    }
}

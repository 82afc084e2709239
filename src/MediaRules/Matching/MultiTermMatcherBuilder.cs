using System;
using System.Collections.Generic;
using System.Text;
using MediaRules.Documents;

namespace MediaRules.Matching;

/// <summary>
/// Collects terms, each with an id, and compiles them once into a <see cref="MultiTermMatcher"/>: a trie of units
/// (words and single punctuation characters) whose edges are looked up by a case-folded hash in one open-addressing
/// table, so that the cost of a scan does not grow with the number of terms.
/// </summary>
internal sealed class MultiTermMatcherBuilder
{
    private readonly MultiTermMatcherOptions _options;
    private readonly List<int> _termIds = new();
    private readonly List<string> _terms = new();
    private readonly List<string> _nodeKeys = new() { string.Empty };
    private readonly List<List<int>?> _nodeTerms = new() { null };
    private readonly List<bool> _nodeHasChildren = new() { false };
    private readonly Dictionary<(int Parent, MultiTermMatcher.Edge Edge, string Key), int> _edges = new();
    private readonly List<(uint Hash, int Node)> _roots = new();
    private readonly List<(int Parent, MultiTermMatcher.Edge Edge, uint Hash, int Node)> _children = new();
    private readonly List<(string Key, bool Word)> _rootKeys = new();

    /// <summary>Creates a builder.</summary>
    /// <param name="options">Options, or <see langword="null"/> for the defaults.</param>
    public MultiTermMatcherBuilder(MultiTermMatcherOptions? options = null)
    {
        _options = options ?? new MultiTermMatcherOptions();
    }

    /// <summary>How many terms were added.</summary>
    public int Count => _termIds.Count;

    /// <summary>
    /// Adds a term: a word or a phrase (words separated by whitespace). Its id comes back with each of its matches;
    /// several terms may share an id (a rule's terms, or a word's inflected forms).
    /// </summary>
    /// <param name="term">The term.</param>
    /// <param name="id">Its id (any int).</param>
    /// <returns>The term's index (0, 1, 2… in order of addition), or -1 when it has nothing but whitespace.</returns>
    public int Add(string term, int id)
    {
        if (term is null)
        {
            throw new ArgumentNullException(nameof(term));
        }

        var units = Segment(term, _options.Possessives);
        if (units.Count == 0)
        {
            return -1;
        }

        var node = 0;
        foreach (var unit in units)
        {
            var key = (node, unit.Edge, unit.Key);
            if (!_edges.TryGetValue(key, out var child))
            {
                child = _nodeKeys.Count;
                _nodeKeys.Add(unit.Key);
                _nodeTerms.Add(null);
                _nodeHasChildren.Add(false);
                _edges.Add(key, child);
                _nodeHasChildren[node] = true;
                if (node == 0)
                {
                    _roots.Add((unit.Hash & _options.HashMask, child));
                    _rootKeys.Add((unit.Key, unit.Word));
                }
                else
                {
                    _children.Add((node, unit.Edge, unit.Hash & _options.HashMask, child));
                }
            }

            node = child;
        }

        var index = _termIds.Count;
        _termIds.Add(id);
        _terms.Add(term);
        (_nodeTerms[node] ??= new List<int>()).Add(index);
        return index;
    }

    /// <summary>Compiles the terms.</summary>
    /// <returns>The matcher.</returns>
    public MultiTermMatcher Build()
    {
        var termStart = new int[_nodeKeys.Count + 1];
        var terms = new List<int>();
        for (var node = 0; node < _nodeKeys.Count; node++)
        {
            termStart[node] = terms.Count;
            if (_nodeTerms[node] is { } list)
            {
                terms.AddRange(list);
            }
        }

        termStart[_nodeKeys.Count] = terms.Count;
        var punctuationRoots = false;
        foreach (var (_, word) in _rootKeys)
        {
            punctuationRoots |= !word;
        }

        var compiled = new Compiled
        {
            Possessives = _options.Possessives,
            HashMask = _options.HashMask,
            TermIds = _termIds.ToArray(),
            Terms = _terms.ToArray(),
            NodeKeys = _nodeKeys.ToArray(),
            NodeTermStart = termStart,
            NodeTerms = terms.ToArray(),
            NodeHasChildren = _nodeHasChildren.ToArray(),
            Roots = _roots,
            Children = _children,
            PunctuationRoots = punctuationRoots,
        };
#if NET
        if (_options.Engine != MatcherEngine.Portable)
        {
            var (prefixes, hazards) = MultiTermMatcher.SearchPrefixes(_rootKeys);
            if (prefixes is not null && (_options.Engine == MatcherEngine.SearchValues || MultiTermMatcher.SearchFits(prefixes)))
            {
                compiled.SearchPrefixes = prefixes;
                compiled.SearchHazards = hazards;
            }
        }
#endif
        return new MultiTermMatcher(compiled, _options.Engine);
    }

    /// <summary>
    /// The units of a term, as the matcher compares them: soft hyphens removed, whitespace-separated chunks, each cut
    /// into words and single characters; each unit's key is its folded text (a word's without its possessive suffix).
    /// </summary>
    internal static List<(string Key, uint Hash, MultiTermMatcher.Edge Edge, bool Word)> Segment(string term, bool possessives)
    {
        var units = new List<(string, uint, MultiTermMatcher.Edge, bool)>();
        var text = term.Replace(TextChars.Ignorable.ToString(), string.Empty);
        var i = 0;
        while (i < text.Length)
        {
            if (MatchChars.ClassOf(text[i]) is MatchCharClass.Space or MatchCharClass.Break)
            {
                i++;
                continue;
            }

            var j = i;
            while (j < text.Length && MatchChars.ClassOf(text[j]) is not (MatchCharClass.Space or MatchCharClass.Break))
            {
                j++;
            }

            var chunk = text.AsSpan(i, j - i);
            if (possessives && chunk.Length >= 2 && TextChars.IsApostrophe(chunk[chunk.Length - 1]) && chunk[chunk.Length - 2] is 's' or 'S')
            {
                chunk = chunk.Slice(0, chunk.Length - 1);
            }

            var k = 0;
            while (k < chunk.Length)
            {
                var end = MultiTermMatcher.ReadUnit(chunk, k, possessives, out var keyEnd, out var hash);
                var key = new StringBuilder(keyEnd - k);
                for (var m = k; m < keyEnd; m++)
                {
                    key.Append(MatchChars.Fold(chunk[m]));
                }

                var edge = units.Count == 0 ? MultiTermMatcher.Edge.None : k == 0 ? MultiTermMatcher.Edge.Spaced : MultiTermMatcher.Edge.Glued;
                units.Add((key.ToString(), hash, edge, MatchChars.ClassAt(chunk, k) == MatchCharClass.Word));
                k = end;
            }

            i = j;
        }

        return units;
    }

    /// <summary>What the matcher is built from.</summary>
    internal sealed class Compiled
    {
        public bool Possessives { get; set; }

        public uint HashMask { get; set; } = uint.MaxValue;

        public int[] TermIds { get; set; } = Array.Empty<int>();

        public string[] Terms { get; set; } = Array.Empty<string>();

        public string[] NodeKeys { get; set; } = Array.Empty<string>();

        public int[] NodeTermStart { get; set; } = Array.Empty<int>();

        public int[] NodeTerms { get; set; } = Array.Empty<int>();

        public bool[] NodeHasChildren { get; set; } = Array.Empty<bool>();

        public List<(uint Hash, int Node)> Roots { get; set; } = new();

        public List<(int Parent, MultiTermMatcher.Edge Edge, uint Hash, int Node)> Children { get; set; } = new();

        public bool PunctuationRoots { get; set; }

        /// <summary>The strings a <c>SearchValues</c> search looks for (null: the engine cannot be used).</summary>
        public string[]? SearchPrefixes { get; set; }

        /// <summary>The characters that may hide a prefix from the search.</summary>
        public string SearchHazards { get; set; } = string.Empty;
    }
}

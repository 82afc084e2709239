#if NET
using System;
using System.Buffers;
using System.Collections.Generic;
using System.Threading;
using MediaRules.Documents;

namespace MediaRules.Matching;

/// <summary>
/// The SearchValues engine: a vectorized search for the start of any term's first unit finds the candidates, and each
/// is checked and walked exactly as the portable scan does. The search looks for a prefix of each first unit, compared
/// with <see cref="StringComparison.OrdinalIgnoreCase"/>; where that equates fewer forms than the matcher's folding,
/// nothing is lost: the prefix stops before an apostrophe (four forms; spelled out in each when it comes first), and
/// a text character that folds to a prefix character without OrdinalIgnoreCase equating them (the Kelvin sign K for
/// k) is a hazard, as a soft hyphen is (it hides a prefix): the whitespace-delimited chunk around each hazard is read
/// word by word. Where candidates come thick, the scan reads word by word for a while, which is then cheaper than
/// restarting the search. <see cref="MatcherEngine.Auto"/> picks this engine only where <c>SearchValues</c> is
/// vectorized (<see cref="SearchFits"/>).
/// </summary>
internal sealed partial class MultiTermMatcher
{
    // After this many searches, if they advanced fewer than DenseGap characters each on average, read word by word for
    // the next UnitWindow characters.
    private const int DensityCheck = 32;
    private const int DenseGap = 40;
    private const int UnitWindow = 4096;

    private static Dictionary<char, char[]>? s_foldClasses;

    private SearchValues<string>? _search;
    private SearchValues<char>? _hazards;

    partial void InitializeSearch(MultiTermMatcherBuilder.Compiled compiled)
    {
        if (Engine == MatcherEngine.SearchValues)
        {
            _search = SearchValues.Create(compiled.SearchPrefixes!, StringComparison.OrdinalIgnoreCase);
            _hazards = SearchValues.Create(compiled.SearchHazards);
        }
    }

    /// <summary>
    /// The strings to search for (null when some first unit has no usable prefix) and the characters that may hide a
    /// prefix from the search (the soft hyphen, and forms that fold to a prefix character although OrdinalIgnoreCase
    /// does not equate them, such as the Kelvin sign K for k).
    /// </summary>
    internal static (string[]? Prefixes, string Hazards) SearchPrefixes(List<(string Key, bool Word)> rootKeys)
    {
        var prefixes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var hazards = new HashSet<char> { TextChars.Ignorable };
        var scratch = new List<string>();
        foreach (var (key, _) in rootKeys)
        {
            scratch.Clear();
            scratch.Add(string.Empty);
            for (var i = 0; i < key.Length; i++)
            {
                var forms = FoldClass(key[i]);
                if (!IsSafe(key[i], forms, hazards) && TextChars.IsApostrophe(key[i]))
                {
                    // An apostrophe has four forms that OrdinalIgnoreCase tells apart: the prefix stops before it, or,
                    // when it comes first, is each of them.
                    if (i > 0)
                    {
                        break;
                    }

                    scratch.Clear();
                    foreach (var form in forms)
                    {
                        scratch.Add(form.ToString());
                    }

                    continue;
                }

                for (var v = 0; v < scratch.Count; v++)
                {
                    scratch[v] += key[i];
                }
            }

            foreach (var prefix in scratch)
            {
                prefixes.Add(prefix);
            }
        }

        var result = new string[prefixes.Count];
        prefixes.CopyTo(result);
        var hazardChars = new char[hazards.Count];
        hazards.CopyTo(hazardChars);
        return (result, new string(hazardChars));
    }

    /// <summary>
    /// Whether the SearchValues engine is likely to beat the portable scan: <c>SearchValues&lt;string&gt;</c> is
    /// vectorized (Teddy) for values whose first three characters are ASCII, at most 80 of them, and IndexOf for one
    /// value; for more it runs Aho–Corasick one character at a time, slower than hashing word by word. Measured on news
    /// text, Teddy beat the portable scan (up to seven times over) with a handful of values but not with twenty, as
    /// its buckets fill and candidates need checking: the engine is picked for one value or up to eight.
    /// </summary>
    internal static bool SearchFits(string[] prefixes)
    {
        if (prefixes.Length == 1)
        {
            return true;
        }

        if (prefixes.Length > 8)
        {
            return false;
        }

        foreach (var prefix in prefixes)
        {
            if (prefix.Length < 3 || prefix[0] > 127 || prefix[1] > 127 || prefix[2] > 127 || prefix.AsSpan(0, 3).Contains('\0'))
            {
                return false;
            }
        }

        return true;
    }

    // Every code unit that folds to c.
    private static char[] FoldClass(char c)
    {
        var classes = s_foldClasses ?? BuildFoldClasses();
        if (classes.TryGetValue(c, out var forms))
        {
            return forms;
        }

        return new[] { c };
    }

    // Whether OrdinalIgnoreCase equates c with every form that folds to it (it may equate more: candidates are checked).
    // The forms it does not equate are added to the hazards.
    private static bool IsSafe(char c, char[] forms, HashSet<char> hazards)
    {
        Span<char> a = stackalloc char[1];
        Span<char> b = stackalloc char[1];
        a[0] = c;
        var safe = true;
        foreach (var form in forms)
        {
            b[0] = form;
            if (!MemoryExtensions.Equals(a, b, StringComparison.OrdinalIgnoreCase))
            {
                safe = false;
                if (!TextChars.IsApostrophe(c))
                {
                    hazards.Add(form);
                }
            }
        }

        return safe;
    }

    private static Dictionary<char, char[]> BuildFoldClasses()
    {
        var lists = new Dictionary<char, List<char>>();
        for (var i = 0; i < 65536; i++)
        {
            var c = (char)i;
            var folded = MatchChars.Fold(c);
            if (folded == c)
            {
                continue;
            }

            if (!lists.TryGetValue(folded, out var list))
            {
                list = new List<char>();
                if (MatchChars.Fold(folded) == folded)
                {
                    list.Add(folded);
                }

                lists.Add(folded, list);
            }

            list.Add(c);
        }

        var classes = new Dictionary<char, char[]>(lists.Count);
        foreach (var pair in lists)
        {
            classes.Add(pair.Key, pair.Value.ToArray());
        }

        Interlocked.CompareExchange(ref s_foldClasses, classes, null);
        return s_foldClasses!;
    }

    private void ScanWithSearchValues<TSink>(ReadOnlySpan<char> text, int start, int end, ref MatchBuffer buffer, ref TSink sink)
        where TSink : ITermMatchSink
    {
        var search = _search!;
        var hazards = _hazards!;
        var pos = start;
        if (MatchChars.IsInsideWord(text, pos))
        {
            pos = EndOfWord(text, pos);
        }

        var hazard = -1;
        var searches = 0;
        var checkpoint = pos;
        while (pos < end)
        {
            if (hazard < pos)
            {
                var found = text.Slice(pos, end - pos).IndexOfAny(hazards);
                hazard = found < 0 ? end : pos + found;
            }

            var limit = hazard < end ? ChunkStart(text, hazard, pos) : end;
            if (pos < limit)
            {
                var found = text.Slice(pos, limit - pos).IndexOfAny(search);
                if (found < 0)
                {
                    pos = limit;
                    continue;
                }

                var candidate = pos + found;
                pos = MatchChars.IsInsideWord(text, candidate) ? EndOfWord(text, candidate) : VisitUnit(text, candidate, end, ref buffer, ref sink);
                if (++searches == DensityCheck)
                {
                    if (pos - checkpoint < DensityCheck * DenseGap)
                    {
                        // Dense: restarting the search costs more than reading every word.
                        pos = ScanUnits(text, pos, Math.Min(end, pos + UnitWindow), end, ref buffer, ref sink);
                    }

                    searches = 0;
                    checkpoint = pos;
                }

                continue;
            }

            // A soft hyphen (or a look-alike) may hide a prefix: read its whitespace-delimited chunk word by word.
            pos = ScanUnits(text, pos, ChunkEnd(text, hazard, end), end, ref buffer, ref sink);
        }
    }

    // Reads the unit at a candidate start (not inside a word), walks from it, and returns the unit's end.
    private int VisitUnit<TSink>(ReadOnlySpan<char> text, int start, int end, ref MatchBuffer buffer, ref TSink sink)
        where TSink : ITermMatchSink
    {
        var unitEnd = ReadUnit(text, start, _possessives, out var keyEnd, out var hash);
        hash &= _hashMask;
        var node = FindRoot(Mix(hash), hash, text, start, keyEnd);
        if (node != 0)
        {
            Walk(text, start, node, unitEnd, keyEnd, end, ref buffer, ref sink);
        }

        return unitEnd;
    }

    // The start of the whitespace-delimited chunk holding index (not before floor).
    private static int ChunkStart(ReadOnlySpan<char> text, int index, int floor)
    {
        while (index > floor && MatchChars.ClassOf(text[index - 1]) is not (MatchCharClass.Space or MatchCharClass.Break))
        {
            index--;
        }

        return index;
    }

    // The end of the whitespace-delimited chunk holding index (not after limit).
    private static int ChunkEnd(ReadOnlySpan<char> text, int index, int limit)
    {
        while (index < limit && MatchChars.ClassOf(text[index]) is not (MatchCharClass.Space or MatchCharClass.Break))
        {
            index++;
        }

        return index;
    }
}
#endif

#if NET
using System;
using System.Buffers;
using System.Collections.Generic;
using System.Threading;
using MediaRules.Documents;

namespace MediaRules.Matching;

/// <summary>
/// The SearchValues engine: a vectorized search for the start of any term's first unit finds the candidates, and each
/// is checked and walked exactly as the portable scan does. The search looks for a prefix of each first unit made of
/// characters that <see cref="StringComparison.OrdinalIgnoreCase"/> equates exactly as the matcher's folding does (a
/// character it does not, such as an apostrophe or a letter with a look-alike, ends the prefix, or, as the first
/// character, is spelled out in every form that folds to it), so every place a term can match is a candidate. Soft
/// hyphens hide a prefix from the search: the whitespace-delimited chunk around each is scanned word by word. Where
/// candidates are dense the scan reads word by word for a while, which is then cheaper than restarting the search.
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

    partial void InitializeSearch(MultiTermMatcherBuilder.Compiled compiled)
    {
        if (Engine == MatcherEngine.SearchValues)
        {
            _search = SearchValues.Create(compiled.SearchPrefixes!, StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>The strings to search for, or <see langword="null"/> when some first unit has no usable prefix.</summary>
    internal static string[]? SearchPrefixes(List<(string Key, bool Word)> rootKeys)
    {
        var prefixes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var scratch = new List<string>();
        foreach (var (key, _) in rootKeys)
        {
            scratch.Clear();
            scratch.Add(string.Empty);
            for (var i = 0; i < key.Length; i++)
            {
                var forms = FoldClass(key[i]);
                if (IsSafe(key[i], forms))
                {
                    for (var v = 0; v < scratch.Count; v++)
                    {
                        scratch[v] += key[i];
                    }

                    continue;
                }

                if (i > 0)
                {
                    break;
                }

                if (forms.Length > 16)
                {
                    return null;
                }

                scratch.Clear();
                foreach (var form in forms)
                {
                    scratch.Add(form.ToString());
                }
            }

            foreach (var prefix in scratch)
            {
                prefixes.Add(prefix);
            }
        }

        var result = new string[prefixes.Count];
        prefixes.CopyTo(result);
        return result;
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
    private static bool IsSafe(char c, char[] forms)
    {
        Span<char> a = stackalloc char[1];
        Span<char> b = stackalloc char[1];
        a[0] = c;
        foreach (var form in forms)
        {
            b[0] = form;
            if (!MemoryExtensions.Equals(a, b, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
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
        var pos = start;
        if (MatchChars.IsInsideWord(text, pos))
        {
            pos = EndOfWord(text, pos);
        }

        var softHyphen = -1;
        var searches = 0;
        var checkpoint = pos;
        while (pos < end)
        {
            if (softHyphen < pos)
            {
                var found = text.Slice(pos, end - pos).IndexOf(TextChars.Ignorable);
                softHyphen = found < 0 ? end : pos + found;
            }

            var limit = softHyphen < end ? ChunkStart(text, softHyphen, pos) : end;
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

            // A soft hyphen may hide a prefix: read its whitespace-delimited chunk word by word.
            pos = ScanUnits(text, pos, ChunkEnd(text, softHyphen, end), end, ref buffer, ref sink);
        }
    }

    // Reads the unit at a candidate start (not inside a word), walks from it, and returns the unit's end.
    private int VisitUnit<TSink>(ReadOnlySpan<char> text, int start, int end, ref MatchBuffer buffer, ref TSink sink)
        where TSink : ITermMatchSink
    {
        var unitEnd = ReadUnit(text, start, _possessives, out var keyEnd, out var hash);
        var node = FindRoot(Mix(hash), hash);
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

using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using MediaRules.Matching;

namespace MediaRules.Tests.Matching;

/// <summary>
/// The multi-term matcher's semantics written plainly, for comparison: for each term, for each position, a
/// character-by-character case-folded comparison and the boundary checks. Slow (terms × positions) on purpose.
/// </summary>
internal static class ReferenceMatcher
{
    private const char SoftHyphen = '\u00AD';

    /// <summary>Every match within [start, end), ordered as the matcher reports them.</summary>
    public static List<TermMatch> FindAll(string text, IReadOnlyList<(string Term, int Id)> terms, bool possessives, int start = 0, int end = -1)
    {
        if (end < 0)
        {
            end = text.Length;
        }

        var matches = new List<TermMatch>();
        for (var t = 0; t < terms.Count; t++)
        {
            var chunks = Chunks(terms[t].Term, possessives);
            if (chunks.Count == 0)
            {
                continue;
            }

            for (var p = start; p < end; p++)
            {
                if (MatchAt(text, p, end, chunks, possessives) is { } e)
                {
                    matches.Add(new TermMatch(p, e, t, terms[t].Id));
                }
            }
        }

        return matches.OrderBy(m => m.Start).ThenByDescending(m => m.End).ThenBy(m => m.TermIndex).ToList();
    }

    /// <summary>Leftmost-longest, non-overlapping within each group, from all matches.</summary>
    public static List<TermMatch> LeftmostLongest(List<TermMatch> all, System.Func<int, int> groupOf)
    {
        var nextFree = new Dictionary<int, int>();
        var chosen = new List<TermMatch>();
        foreach (var m in all)
        {
            var g = groupOf(m.Id);
            if (m.Start >= nextFree.GetValueOrDefault(g))
            {
                chosen.Add(m);
                nextFree[g] = m.End;
            }
        }

        return chosen;
    }

    // A term: soft hyphens out, whitespace-separated chunks, folded; with possessives, a trailing apostrophe after s
    // dropped and every word's 's suffixes removed.
    private static List<string> Chunks(string term, bool possessives)
    {
        var chunks = new List<string>();
        foreach (var raw in SplitWhere(term.Replace(SoftHyphen.ToString(), string.Empty), IsSeparatorInTerm))
        {
            if (raw.Length == 0)
            {
                continue;
            }

            var chunk = new string(raw.Select(Fold).ToArray());
            if (possessives)
            {
                if (chunk.Length >= 2 && chunk[^1] == '\'' && chunk[^2] == 's')
                {
                    chunk = chunk[..^1];
                }

                chunk = StripPossessives(chunk);
            }

            chunks.Add(chunk);
        }

        return chunks;
    }

    private static string[] SplitWhere(string s, System.Func<char, bool> separator)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        foreach (var c in s)
        {
            if (separator(c))
            {
                parts.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        parts.Add(current.ToString());
        return parts.ToArray();
    }

    private static bool IsSeparatorInTerm(char c) => char.IsWhiteSpace(c) || IsBreak(c);

    // Removes 's at the end of any word of a folded chunk (repeatedly), keeping at least one character of the word.
    private static string StripPossessives(string chunk)
    {
        var changed = true;
        while (changed)
        {
            changed = false;
            for (var k = 1; k + 1 < chunk.Length; k++)
            {
                if (chunk[k] == '\'' && chunk[k + 1] == 's' && IsWord(chunk, k - 1) && !IsInside(chunk, k + 2))
                {
                    chunk = chunk.Remove(k, 2);
                    changed = true;
                    break;
                }
            }
        }

        return chunk;
    }

    private static int? MatchAt(string text, int p, int end, List<string> chunks, bool possessives)
    {
        if (IsSpace(text[p]) || IsBreak(text[p]) || text[p] == SoftHyphen || IsInside(text, p))
        {
            return null;
        }

        var pos = p;
        for (var j = 0; j < chunks.Count; j++)
        {
            var chunk = chunks[j];
            if (j > 0)
            {
                var sawSpace = false;
                while (pos < end && (text[pos] == SoftHyphen || IsSpace(text[pos])))
                {
                    sawSpace |= text[pos] != SoftHyphen;
                    pos++;
                }

                if (!sawSpace)
                {
                    return null;
                }
            }

            for (var k = 0; k < chunk.Length; k++)
            {
                if (k > 0)
                {
                    while (pos < end && text[pos] == SoftHyphen)
                    {
                        pos++;
                    }
                }

                if (pos >= end || Fold(text[pos]) != chunk[k])
                {
                    return null;
                }

                pos++;
                if (possessives && IsWord(chunk, k) && !IsInside(chunk, k + 1))
                {
                    // The term's word ends here: the text's may end here too, or after possessive suffixes ('s, 's's…).
                    var q = pos;
                    while (true)
                    {
                        var a = SkipSoftHyphens(text, q, end);
                        if (a >= end || !IsApostrophe(text[a]))
                        {
                            break;
                        }

                        var b = SkipSoftHyphens(text, a + 1, end);
                        if (b >= end || text[b] is not ('s' or 'S'))
                        {
                            break;
                        }

                        q = b + 1;
                        if (!IsInside(text, q))
                        {
                            pos = q;
                            break;
                        }
                    }

                    if (IsInside(text, pos))
                    {
                        return null;
                    }
                }
            }
        }

        return IsInside(text, pos) ? null : pos;
    }

    private static int SkipSoftHyphens(string text, int i, int end)
    {
        while (i < end && text[i] == SoftHyphen)
        {
            i++;
        }

        return i;
    }

    /// <summary>Whether position i (between two code units) is inside a word: the characters on either side (soft hyphens aside) belong to one word.</summary>
    public static bool IsInside(string s, int i)
    {
        if (i <= 0 || i >= s.Length)
        {
            return false;
        }

        var r = i;
        while (r < s.Length && s[r] == SoftHyphen)
        {
            r++;
        }

        var l = i - 1;
        while (l >= 0 && s[l] == SoftHyphen)
        {
            l--;
        }

        if (r >= s.Length || l < 0)
        {
            return false;
        }

        if (IsWord(s, l) && IsWord(s, r))
        {
            return true;
        }

        if (IsWord(s, l) && IsJoiner(s[r]))
        {
            var n = r + 1;
            while (n < s.Length && s[n] == SoftHyphen)
            {
                n++;
            }

            return n < s.Length && IsWord(s, n);
        }

        if (IsJoiner(s[l]) && IsWord(s, r))
        {
            var b = l - 1;
            while (b >= 0 && s[b] == SoftHyphen)
            {
                b--;
            }

            return b >= 0 && IsWord(s, b);
        }

        return false;
    }

    /// <summary>Letters, marks, decimal digits and letter-numbers, not apostrophes; a surrogate pair by its code point.</summary>
    public static bool IsWord(string s, int i)
    {
        var c = s[i];
        if (IsApostrophe(c))
        {
            return false;
        }

        UnicodeCategory category;
        if (char.IsHighSurrogate(c))
        {
            if (i + 1 >= s.Length || !char.IsLowSurrogate(s[i + 1]))
            {
                return false;
            }

            category = CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(c, s[i + 1]));
        }
        else if (char.IsLowSurrogate(c))
        {
            if (i == 0 || !char.IsHighSurrogate(s[i - 1]))
            {
                return false;
            }

            category = CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(s[i - 1], c));
        }
        else
        {
            category = CharUnicodeInfo.GetUnicodeCategory(c);
        }

        return category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark or UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.LetterNumber;
    }

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018' or '\u02BC';

    private static bool IsJoiner(char c) => IsApostrophe(c) || c is '-' or '\u2010' or '\u2011' or '\u200C' or '\u200D';

    private static bool IsBreak(char c) => c is '\n' or '\r' or '\u0085' or '\u2029' or '\u001E';

    private static bool IsSpace(char c) => char.IsWhiteSpace(c) && !IsBreak(c);

    private static char Fold(char c) => IsApostrophe(c) ? '\'' : char.ToLowerInvariant(c);
}

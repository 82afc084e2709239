using System;
using System.Collections.Generic;
using System.Text;

namespace MediaRules.Matching;

/// <summary>
/// Whether a text may hold any of a set of phrases as <see cref="TextSearch"/> finds them, in one vectorized pass: each
/// phrase's longest run of letters, digits and spaces (as folded) is looked for ignoring case. A text that holds a
/// phrase holds its run, written with ASCII characters of either case or with one of the few other characters that
/// fold to ASCII letters (the Kelvin sign for k): a text with one of those always passes. Scope exceptions use it to
/// skip the sentences that hold none of a rule's phrases.
/// </summary>
internal sealed class PhrasePrefilter
{
#if NET
    private static readonly System.Buffers.SearchValues<char> Traps = System.Buffers.SearchValues.Create(BuildTraps());

    private readonly System.Buffers.SearchValues<string> _runs;

    private PhrasePrefilter(string[] runs) => _runs = System.Buffers.SearchValues.Create(runs, StringComparison.OrdinalIgnoreCase);
#else
    private PhrasePrefilter()
    {
    }
#endif

    /// <summary>A prefilter for <paramref name="phrases"/>, or null when one has no letter or digit to look for (or there are none, or this platform has no vectorized search).</summary>
    public static PhrasePrefilter? Create(IReadOnlyCollection<string> phrases)
    {
#if NET
        if (phrases.Count == 0)
        {
            return null;
        }

        var runs = new List<string>(phrases.Count);
        foreach (var phrase in phrases)
        {
            var run = LongestRun(phrase);
            if (run.Length == 0)
            {
                return null;
            }

            runs.Add(run);
        }

        return new PhrasePrefilter(runs.ToArray());
#else
        return null;
#endif
    }

    /// <summary>Whether <paramref name="text"/> may hold one of the phrases (false only when it holds none).</summary>
#pragma warning disable CA1822 // Instance data on .NET only (netstandard2.0 never creates one).
    public bool MayContainAny(ReadOnlySpan<char> text)
#pragma warning restore CA1822
    {
#if NET
        return text.IndexOfAny(Traps) >= 0 || text.IndexOfAny(_runs) >= 0;
#else
        return true;
#endif
    }

    // The longest stretch of the folded phrase made of ASCII letters, digits and spaces, trimmed of spaces.
    private static string LongestRun(string phrase)
    {
        string best = string.Empty;
        var current = new StringBuilder();
        foreach (var c in phrase + "\0")
        {
            var f = TextSearch.Fold(c);
            if (IsRunChar(f) && c != '\0')
            {
                current.Append(f);
                continue;
            }

            var run = current.ToString().Trim(' ');
            if (run.Length > best.Length)
            {
                best = run;
            }

            current.Clear();
        }

        return best;
    }

    private static bool IsRunChar(char f) => f is (>= 'a' and <= 'z') or (>= '0' and <= '9') or ' ';

#if NET
    // Every character other than an ASCII letter, digit or space that folds to one: a text holding any of them is
    // always searched.
    private static char[] BuildTraps()
    {
        var traps = new List<char>();
        for (var c = 128; c <= char.MaxValue; c++)
        {
            if (IsRunChar(TextSearch.Fold((char)c)))
            {
                traps.Add((char)c);
            }
        }

        return traps.ToArray();
    }
#endif
}

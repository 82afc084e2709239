using System;
using MediaRules.Documents;

namespace MediaRules.Matching;

/// <summary>
/// Word-bounded, case-insensitive phrase search that treats curly and straight apostrophes and quotes alike.
/// Used for exceptions and short look-ups inside one sentence, not for the document-wide scan.
/// </summary>
internal static class TextSearch
{
    /// <summary>Folds a character for matching: the token matching form (lower case, straight apostrophe), and straight double quotes and hyphens.</summary>
    public static char Fold(char c) => c switch
    {
        '\u201C' or '\u201D' or '\u201E' or '\u00AB' or '\u00BB' => '"',
        '\u2010' or '\u2011' => '-',
        _ => TokenText.NormalizeChar(c),
    };

    /// <summary>The first word-bounded occurrence of <paramref name="phrase"/> in <paramref name="text"/> at or after <paramref name="start"/>, or -1.</summary>
    public static int IndexOfPhrase(ReadOnlySpan<char> text, string phrase, int start = 0)
    {
        if (phrase.Length == 0)
        {
            return -1;
        }

        var first = Fold(phrase[0]);
        var sources = first < FoldSources.Length ? FoldSources[first] : null;
        var last = text.Length - phrase.Length;
        for (var i = start; i <= last; i++)
        {
            if (sources is not null)
            {
                // Every character that folds to the phrase's first one, found by a vectorized search.
                var next = text.Slice(i, last - i + 1).IndexOfAny(sources.AsSpan());
                if (next < 0)
                {
                    return -1;
                }

                i += next;
            }
            else if (Fold(text[i]) != first)
            {
                continue;
            }

            if (!Matches(text, i, phrase))
            {
                continue;
            }

            if (IsBoundary(text, i - 1, phrase[0]) && IsBoundary(text, i + phrase.Length, phrase[phrase.Length - 1]))
            {
                return i;
            }
        }

        return -1;
    }

    // For each ASCII character, every character that folds to it (itself, its capital, and the few others: "\u212A"
    // for k, "\u0130" for i, curly quotes for '"', and so on), read once off the fold itself.
    private static readonly string[] FoldSources = BuildFoldSources();

    private static string[] BuildFoldSources()
    {
        var sources = new System.Text.StringBuilder[128];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var folded = Fold((char)c);
            if (folded < 128)
            {
                (sources[folded] ??= new System.Text.StringBuilder()).Append((char)c);
            }
        }

        var result = new string[128];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = sources[i]?.ToString() ?? string.Empty;
        }

        return result;
    }

    /// <summary>Whether <paramref name="phrase"/> occurs word-bounded in <paramref name="text"/>.</summary>
    public static bool ContainsPhrase(ReadOnlySpan<char> text, string phrase) => IndexOfPhrase(text, phrase) >= 0;

    private static bool Matches(ReadOnlySpan<char> text, int at, string phrase)
    {
        for (var j = 0; j < phrase.Length; j++)
        {
            if (Fold(text[at + j]) != Fold(phrase[j]))
            {
                return false;
            }
        }

        return true;
    }

    // A phrase that starts or ends with a letter or digit must not continue a word there.
    private static bool IsBoundary(ReadOnlySpan<char> text, int index, char phraseEdge) =>
        !char.IsLetterOrDigit(phraseEdge) || index < 0 || index >= text.Length || !char.IsLetterOrDigit(text[index]);
}

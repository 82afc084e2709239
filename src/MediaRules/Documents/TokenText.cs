using System;
using System.Text;
using MediaRules.Text;

namespace MediaRules.Documents;

/// <summary>
/// The matching form of a token: lower-cased (invariant culture, one code unit at a time) with every apostrophe
/// look-alike (’ ‘ ʼ) straightened to '. Term matchers compare these forms, so "Israel’s", "Israel's" and
/// "ISRAEL'S" are one word; <see cref="GetPossessiveSuffixLength"/> lets them also match "Israel". Soft hyphens
/// (<see cref="TextChars.Ignorable"/>, which also pad markup in texts read from Markdown and HTML) are left out.
/// </summary>
internal static class TokenText
{
    /// <summary>The matching form of one character.</summary>
    /// <param name="c">A character.</param>
    /// <returns>' for an apostrophe look-alike, else the character lower-cased.</returns>
    public static char NormalizeChar(char c) =>
        c < 128 ? (c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c) // ASCII (whose apostrophe is its own form): no call
        : TextChars.IsApostrophe(c) ? '\'' : LowerInvariant(c);

    // char.ToLowerInvariant of a character beyond ASCII asks the platform's Unicode library (ICU on Linux), a call that
    // costs far more than the rest of the hashing of a word: news text is full of curly quotation marks and dashes,
    // whose hashes and comparisons lower-case them. Each character is asked once per process and its answer kept
    // (0: not asked yet; no character beyond ASCII lower-cases to 0). Threads may fill one entry at once with the same
    // answer.
    private static readonly char[] Lowered = new char[char.MaxValue + 1];

    private static char LowerInvariant(char c)
    {
        var lowered = Lowered[c];
        if (lowered == '\0')
        {
            lowered = char.ToLowerInvariant(c);
            Lowered[c] = lowered;
        }

        return lowered;
    }

    /// <summary>The matching form of a token's characters.</summary>
    /// <param name="token">The characters.</param>
    /// <returns>The lower-cased, apostrophe-straightened string.</returns>
    public static string Normalize(ReadOnlySpan<char> token)
    {
        if (token.IsEmpty)
        {
            return string.Empty;
        }

        var chars = new char[token.Length];
        var length = 0;
        foreach (var c in token)
        {
            if (!TextChars.IsIgnorable(c))
            {
                chars[length++] = NormalizeChar(c);
            }
        }

        return new string(chars, 0, length);
    }

    /// <summary>
    /// A span as a message shows it: soft hyphens left out and each run of whitespace one space, so that a phrase read
    /// across markup ("Zionist &lt;a href=…&gt;regime", padded with spaces) reads "Zionist regime".
    /// </summary>
    /// <param name="chars">The characters.</param>
    /// <returns>The text to show.</returns>
    public static string ToDisplay(ReadOnlySpan<char> chars)
    {
        var builder = new StringBuilder(chars.Length);
        var space = false;
        foreach (var c in chars)
        {
            if (TextChars.IsIgnorable(c))
            {
                continue;
            }

            if (TextChars.IsSpace(c))
            {
                space = true;
                continue;
            }

            if (space && builder.Length > 0)
            {
                builder.Append(' ');
            }

            space = false;
            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Whether <see cref="ToDisplay"/> gives the characters back unchanged: no soft hyphen, and no whitespace but single
    /// spaces between other characters.
    /// </summary>
    /// <param name="chars">The characters.</param>
    /// <returns>Whether the characters are their own display.</returns>
    public static bool IsDisplayedAsWritten(ReadOnlySpan<char> chars)
    {
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            if (TextChars.IsIgnorable(c))
            {
                return false;
            }

            if (TextChars.IsSpace(c) && (c != ' ' || i == 0 || i == chars.Length - 1 || chars[i - 1] == ' '))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The matching form of a span of a text.</summary>
    /// <param name="text">The text.</param>
    /// <param name="span">The span (usually a token).</param>
    /// <returns>The lower-cased, apostrophe-straightened string.</returns>
    public static string Normalize(SourceText text, TextSpan span) => Normalize(text.AsSpan(span));

    /// <summary>The matching form of a token without its possessive suffix ("Resistance’s" → "resistance").</summary>
    /// <param name="token">The characters.</param>
    /// <returns>The normalized stem.</returns>
    public static string NormalizeWithoutPossessive(ReadOnlySpan<char> token) =>
        Normalize(token.Slice(0, token.Length - GetPossessiveSuffixLength(token)));

    /// <summary>
    /// How many trailing code units are a possessive suffix: 2 for 's or ’s ("Israel's"), 1 for a bare apostrophe after
    /// s ("Palestinians'"), 0 otherwise. The stem must keep at least one character. ("it's" counts too: the matcher
    /// only strips the suffix to try the stem.)
    /// </summary>
    /// <param name="token">The characters of a word.</param>
    /// <returns>The suffix length.</returns>
    public static int GetPossessiveSuffixLength(ReadOnlySpan<char> token)
    {
        var n = token.Length;
        var last = Back(token, n - 1);
        if (last < 0)
        {
            return 0;
        }

        var before = Back(token, last - 1);
        if (token[last] is 's' or 'S' && before >= 1 && TextChars.IsApostrophe(token[before]))
        {
            return n - before;
        }

        if (TextChars.IsApostrophe(token[last]) && before >= 0 && token[before] is 's' or 'S')
        {
            return n - last;
        }

        return 0;
    }

    // The last position at or before index that is not a soft hyphen, or -1.
    private static int Back(ReadOnlySpan<char> token, int index)
    {
        while (index >= 0 && TextChars.IsIgnorable(token[index]))
        {
            index--;
        }

        return index;
    }

    /// <summary>Whether a word ends with a possessive suffix ('s, ’s, or s').</summary>
    /// <param name="token">The characters of a word.</param>
    /// <returns><see langword="true"/> if it does.</returns>
    public static bool HasPossessiveSuffix(ReadOnlySpan<char> token) => GetPossessiveSuffixLength(token) > 0;

    /// <summary>Whether a token's matching form equals an already normalized word.</summary>
    /// <param name="token">The characters.</param>
    /// <param name="normalized">A normalized word.</param>
    /// <returns><see langword="true"/> if they match.</returns>
    public static bool EqualsNormalized(ReadOnlySpan<char> token, string normalized)
    {
        if (token.Length < normalized.Length)
        {
            return false;
        }

        var k = 0;
        foreach (var c in token)
        {
            if (TextChars.IsIgnorable(c))
            {
                continue;
            }

            if (k == normalized.Length || NormalizeChar(c) != normalized[k])
            {
                return false;
            }

            k++;
        }

        return k == normalized.Length;
    }

    /// <summary>A hash of a token's matching form (FNV-1a), equal for equal matching forms.</summary>
    /// <param name="token">The characters.</param>
    /// <returns>The hash.</returns>
    public static int GetNormalizedHashCode(ReadOnlySpan<char> token)
    {
        unchecked
        {
            var hash = (int)2166136261;
            foreach (var c in token)
            {
                if (!TextChars.IsIgnorable(c))
                {
                    hash = (hash ^ NormalizeChar(c)) * 16777619;
                }
            }

            return hash;
        }
    }
}

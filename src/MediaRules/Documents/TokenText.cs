using System;
using MediaRules.Text;

namespace MediaRules.Documents;

/// <summary>
/// The matching form of a token: lower-cased (invariant culture, one code unit at a time) with every apostrophe
/// look-alike (’ ‘ ʼ) straightened to '. Term matchers compare these forms, so "Israel’s", "Israel's" and
/// "ISRAEL'S" are one word; <see cref="GetPossessiveSuffixLength"/> lets them also match "Israel".
/// </summary>
internal static class TokenText
{
    /// <summary>The matching form of one character.</summary>
    /// <param name="c">A character.</param>
    /// <returns>' for an apostrophe look-alike, else the character lower-cased.</returns>
    public static char NormalizeChar(char c) => TextChars.IsApostrophe(c) ? '\'' : char.ToLowerInvariant(c);

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
        for (var i = 0; i < token.Length; i++)
        {
            chars[i] = NormalizeChar(token[i]);
        }

        return new string(chars);
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
        if (n >= 3 && TextChars.IsApostrophe(token[n - 2]) && (token[n - 1] == 's' || token[n - 1] == 'S'))
        {
            return 2;
        }

        if (n >= 2 && TextChars.IsApostrophe(token[n - 1]) && (token[n - 2] == 's' || token[n - 2] == 'S'))
        {
            return 1;
        }

        return 0;
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
        if (token.Length != normalized.Length)
        {
            return false;
        }

        for (var i = 0; i < token.Length; i++)
        {
            if (NormalizeChar(token[i]) != normalized[i])
            {
                return false;
            }
        }

        return true;
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
                hash = (hash ^ NormalizeChar(c)) * 16777619;
            }

            return hash;
        }
    }
}

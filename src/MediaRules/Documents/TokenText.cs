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

    /// <summary>A hash of a token's matching form, equal for equal matching forms.</summary>
    /// <param name="token">The characters.</param>
    /// <returns>The hash.</returns>
    /// <remarks>
    /// The matching form is hashed four characters at a time (one 64-bit block each), so that the chain of
    /// multiplications is a quarter of the characters long. A token of ASCII characters only (most of them) is its own
    /// matching form once its capitals are lowered, which is done on the blocks themselves; any other token is
    /// normalized first, character by character, and its form hashed the same way.
    /// </remarks>
    public static int GetNormalizedHashCode(ReadOnlySpan<char> token)
    {
        var hash = HashBlocks(token, out var seen);
        if ((seen & NonAscii) == 0)
        {
            return hash;
        }

        // Beyond ASCII: the matching form, then its blocks (already lower-cased: lowering again leaves them alone).
        var form = token.Length <= 64 ? stackalloc char[token.Length] : new char[token.Length];
        var length = 0;
        foreach (var c in token)
        {
            if (!TextChars.IsIgnorable(c))
            {
                form[length++] = NormalizeChar(c);
            }
        }

        return HashBlocks(form.Slice(0, length), out _);
    }

    private const ulong Lanes = 0x0001_0001_0001_0001; // one in each 16-bit lane of a block
    private const ulong NonAscii = 0xFF80_FF80_FF80_FF80; // the bits a character beyond ASCII sets in its lane

    // The hash of characters taken as 64-bit blocks of four (the last one padded with zeros; at least two blocks), each
    // block's ASCII capitals lowered on the way, with the length mixed in first; seen receives every block's bits OR-ed
    // together. Lowering is exact only in lanes below 128: a caller whose characters go beyond checks seen and does
    // not use the hash.
    private static int HashBlocks(ReadOnlySpan<char> chars, out ulong seen)
    {
        unchecked
        {
            var hash = Seed ^ (ulong)chars.Length;
            var all = 0UL;
            var blocks = System.Runtime.InteropServices.MemoryMarshal.Cast<char, ulong>(chars);
            foreach (var block in blocks)
            {
                all |= block;
                hash = Mix(hash, LowerAscii(block));
            }

            var mixed = blocks.Length;
            var rest = chars.Slice(blocks.Length * 4);
            if (!rest.IsEmpty)
            {
                var block = 0UL;
                for (var k = 0; k < rest.Length; k++)
                {
                    block |= (ulong)rest[k] << (16 * k);
                }

                all |= block;
                hash = Mix(hash, LowerAscii(block));
                mixed++;
            }

            for (; mixed < 2; mixed++)
            {
                hash = Mix(hash, 0);
            }

            seen = all;
            return Finish(hash);
        }
    }

    /// <summary>
    /// <see cref="GetNormalizedHashCode"/> of the stem of the token at <paramref name="start"/> (its characters without
    /// the possessive suffix, whose length <paramref name="suffix"/> receives), as the tokenizer asks it of every token.
    /// </summary>
    /// <remarks>
    /// A token of at most eight ASCII characters (most of them) with eight characters of text from its start is read as
    /// two blocks at once, masked to its length, without a loop over its characters.
    /// </remarks>
    internal static int HashStemAt(string text, int start, int length, out int suffix)
    {
        if (length <= 8 && text.Length - start >= 8 && BitConverter.IsLittleEndian)
        {
            var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(text.AsSpan(start, 8));
            var low = System.Runtime.InteropServices.MemoryMarshal.Read<ulong>(bytes) & LowMasks[length];
            var high = System.Runtime.InteropServices.MemoryMarshal.Read<ulong>(bytes.Slice(8)) & HighMasks[length];
            if (((low | high) & NonAscii) == 0)
            {
                // ASCII has no soft hyphen and one apostrophe: the suffix is 's after at least one character, or ' after s.
                var last = text[start + length - 1];
                var before = length >= 2 ? text[start + length - 2] : '\0';
                suffix = (last is 's' or 'S' && before == '\'' && length >= 3) || (last == '\'' && before is 's' or 'S') ? (last == '\'' ? 1 : 2) : 0;
                var stem = length - suffix;
                unchecked
                {
                    var hash = Mix(Seed ^ (ulong)stem, LowerAscii(low & LowMasks[stem]));
                    return Finish(Mix(hash, LowerAscii(high & HighMasks[stem])));
                }
            }
        }

        return TokenStems.HashStem(text.AsSpan(start, length), out suffix);
    }

    private const ulong Seed = 0x9E37_79B9_7F4A_7C15UL;

    // The lanes of the first and of the second block that hold characters of a token of 0 to 8 characters.
    private static readonly ulong[] LowMasks = { 0, 0xFFFF, 0xFFFF_FFFF, 0xFFFF_FFFF_FFFF, ulong.MaxValue, ulong.MaxValue, ulong.MaxValue, ulong.MaxValue, ulong.MaxValue };
    private static readonly ulong[] HighMasks = { 0, 0, 0, 0, 0, 0xFFFF, 0xFFFF_FFFF, 0xFFFF_FFFF_FFFF, ulong.MaxValue };

    private static int Finish(ulong hash)
    {
        unchecked
        {
            hash ^= hash >> 33;
            hash *= 0xFF51_AFD7_ED55_8CCDUL;
            hash ^= hash >> 33;
            return (int)hash;
        }
    }

    private static ulong Mix(ulong hash, ulong block)
    {
        unchecked
        {
            hash = (hash ^ block) * 0x9FB2_1C65_1E98_DF25UL;
            return (hash << 31) | (hash >> 33);
        }
    }

    // A block's capitals A-Z lowered, lane by lane: a lane holding a character from 'A' to 'Z' gains 0x20. Exact for
    // lanes below 128 (no sum below overflows its lane).
    private static ulong LowerAscii(ulong block)
    {
        unchecked
        {
            var atLeastA = block + (Lanes * (0x80 - 'A'));
            var pastZ = block + (Lanes * (0x80 - 'Z' - 1));
            return block | ((atLeastA & ~pastZ & (Lanes * 0x80)) >> 2);
        }
    }
}

using System;
using System.Buffers;
using MediaRules.Text;

namespace MediaRules.Documents;

/// <summary>
/// Splits a text into tokens in one pass: words (letters and combining marks, with inner apostrophes and hyphens
/// and the periods of letter-by-letter abbreviations such as "U.S." and "a.m."), numbers ("18,000", "3.5", "0500",
/// "18th"), quotation marks and other punctuation. Whitespace is not a token; every other character belongs to
/// exactly one token. U+001E (<see cref="TextChars.BlockSeparator"/>) separates tokens like a line break; soft
/// hyphens (<see cref="TextChars.Ignorable"/>) are not tokens and are read through inside words ("Israel’" + soft
/// hyphens + "s" is one word).
/// </summary>
/// <remarks>
/// Apostrophes: a ' or ’ between two letters or digits is part of the word ("don't", "Israel’s"). At the end of a
/// word it is part of the word ("Palestinians'", "goin’") unless a single quotation opened earlier on the same
/// line is still open, in which case it closes that quotation ("'Israel'"). Elsewhere it is a quotation mark.
/// </remarks>
internal static class Tokenizer
{
    /// <summary>Tokenizes a text, hashing each token's stem in the same pass (see <see cref="TokenStems"/>).</summary>
    /// <param name="text">The text.</param>
    /// <param name="stemHashes">Receives, by token index, the normalized hash of each token's stem.</param>
    /// <param name="suffixed">Receives, one bit a token (token i: bit i % 64 of element i / 64), which tokens end in a possessive suffix.</param>
    /// <returns>The tokens in order.</returns>
    public static Token[] Tokenize(string text, out int[] stemHashes, out ulong[] suffixed) =>
        Tokenize(text, pooled: false, out _, out stemHashes, out suffixed);

    /// <summary>
    /// <see cref="Tokenize(string, out int[], out ulong[])"/>; with <paramref name="pooled"/>, the tokens and the stem
    /// hashes are buffers rented from <see cref="System.Buffers.ArrayPool{T}.Shared"/>, longer than
    /// <paramref name="count"/>, which the caller returns when done with them (see <see cref="DocumentModel.ReturnBuffers"/>).
    /// </summary>
    public static Token[] Tokenize(string text, bool pooled, out int count, out int[] stemHashes, out ulong[] suffixed) =>
        Tokenize(text, new TextSpan(0, text.Length), pooled, out count, out stemHashes, out suffixed);

    /// <summary>
    /// The tokens of <paramref name="range"/> of a text, at their positions in the whole text (see
    /// <see cref="Tokenize(string, bool, out int, out int[], out ulong[])"/>). The range starts a line and ends one
    /// (after a paragraph break, or at the text's end), as a stretch of a long text does: its tokens are then the
    /// tokens of its characters alone.
    /// </summary>
    public static Token[] Tokenize(string text, TextSpan range, bool pooled, out int count, out int[] stemHashes, out ulong[] suffixed) =>
        Tokenize(text, range, pooled, fastPaths: true, out count, out stemHashes, out suffixed);

    /// <summary>
    /// <see cref="Tokenize(string, TextSpan, bool, out int, out int[], out ulong[])"/>; without
    /// <paramref name="fastPaths"/>, every character goes through the general tests, not the shortcuts for the common
    /// ones (spaces, ASCII letters, periods, commas and the like), which must decide as they do: tests compare the two.
    /// </summary>
    internal static Token[] Tokenize(string text, TextSpan range, bool pooled, bool fastPaths, out int count, out int[] stemHashes, out ulong[] suffixed)
    {
        var tokens = Tokenize(text, range, pooled, fastPaths, markCues: false, out count, out stemHashes, out suffixed, out _, out var cueStarts);
        System.Buffers.ArrayPool<int>.Shared.Return(cueStarts);
        return tokens;
    }

    /// <summary>
    /// <see cref="Tokenize(string, TextSpan, bool, bool, out int, out int[], out ulong[])"/>, and, with
    /// <paramref name="markCues"/>, the words where the cue finder must look (<see cref="CueFinder"/>): the word tokens
    /// whose hash one of its word lists may hold (by <see cref="Lexicon.CueStarts"/>'s filter), and every word with a
    /// possessive suffix (whose hash as a whole word the tokenizer does not compute). They are the first
    /// <paramref name="cueCount"/> items, ascending, of a buffer rented from
    /// <see cref="System.Buffers.ArrayPool{T}.Shared"/>, which the caller returns (also without marks).
    /// </summary>
    internal static Token[] Tokenize(string text, TextSpan range, bool pooled, bool fastPaths, bool markCues, out int count, out int[] stemHashes, out ulong[] suffixed, out int cueCount, out int[] cueStarts)
    {
        var possessives = new PooledArrayBuilder<int>(16);
        var cues = new PooledArrayBuilder<int>(markCues ? EstimateCapacity(range.Length) / 8 : 0); // a minimal buffer when none are marked
        var capacity = Math.Max(EstimateCapacity(range.Length), 16);
        var tokens = ArrayPool<Token>.Shared.Rent(capacity);
        var hashes = ArrayPool<int>.Shared.Rent(tokens.Length); // at least as long as the tokens' buffer, and so after each doubling
        count = Tokenize(text, range.Start, range.End, fastPaths, markCues, ref tokens, ref hashes, ref possessives, ref cues);
        cueCount = cues.Count;
        cueStarts = cues.ToArray(pooled: true);
        suffixed = new ulong[(count + 63) >> 6];
        foreach (var index in possessives.ToArrayAndReturn())
        {
            suffixed[index >> 6] |= 1UL << (index & 63);
        }

        stemHashes = pooled ? hashes : Arrays.ExactAndReturn(hashes, count);
        return pooled ? tokens : Arrays.ExactAndReturn(tokens, count);
    }

    // The tokens of text[start, stop) and their stem hashes, written into the two buffers (grown as needed, pooled) by
    // index: the loop keeps its own count, not a builder's, so nothing is read back from memory per token. Returns the
    // number of tokens.
    private static int Tokenize(string text, int start, int stop, bool fast, bool markCues, ref Token[] tokenBuffer, ref int[] hashBuffer, ref PooledArrayBuilder<int> possessives, ref PooledArrayBuilder<int> cues)
    {
        // The cue lists' one-bit filter (WordTable.MayContain), read inline: bit hash & cueMask.
        var cueBits = Lexicon.CueStarts.FilterBits;
        var cueMask = (uint)((cueBits.Length * 64) - 1);
        var tokens = tokenBuffer;
        var hashes = hashBuffer;
        var count = 0;
        var openSingles = 0;
        var i = start;
        var n = stop;
        while (i < n)
        {
            var c = text[i];
            int end;
            TokenKind kind;
            // The common cases first, each decided by its first character as the general tests below would decide it:
            // a space, an ASCII letter, a period, and punctuation that is never part of a word, number or quotation
            // mark (with no combining mark after it).
            if (c == ' ' && fast)
            {
                i++;
                continue;
            }

            if ((uint)((c | 0x20) - 'a') <= 'z' - 'a' && fast)
            {
                end = ScanWord(text, i, openSingles, fast);
                kind = TokenKind.Word;
            }
            else if (c == '.' && fast)
            {
                end = ScanPunctuation(text, i);
                kind = TokenKind.Punctuation;
            }
            else if (c is ',' or ';' or ':' or '(' or ')' && fast && (i + 1 == text.Length || text[i + 1] < 128))
            {
                end = i + 1;
                kind = TokenKind.Punctuation;
            }
            else if (TextChars.IsParagraphBreak(c))
            {
                openSingles = 0;
                i++;
                continue;
            }
            else if (char.IsWhiteSpace(c) || TextChars.IsIgnorable(c))
            {
                i++;
                continue;
            }
            else if (TextChars.IsWordStartAt(text, i))
            {
                end = ScanWord(text, i, openSingles, fast);
                kind = TokenKind.Word;
            }
            else if (char.IsDigit(c))
            {
                end = ScanNumber(text, i);
                kind = TokenKind.Number;
            }
            else if (TextChars.IsApostrophe(c) && IsDecadeElision(text, i))
            {
                end = ScanNumber(text, i + 1);
                kind = TokenKind.Number;
            }
            else if (TextChars.IsApostrophe(c) && IsNElision(text, i))
            {
                end = i + 3;
                kind = TokenKind.Word;
            }
            else if (IsPrime(text, i))
            {
                end = i + 1;
                kind = TokenKind.Punctuation;
            }
            else if (TextChars.IsQuote(c))
            {
                end = i + 1;
                kind = TokenKind.QuoteMark;
                openSingles = TrackSingles(text, i, openSingles);
            }
            else
            {
                end = ScanPunctuation(text, i);
                kind = TokenKind.Punctuation;
            }

            end = Clamp(text, i, end, Token.MaxLength);
            if (count == tokens.Length)
            {
                // Grown together (each doubled, pooled): the hashes' buffer is never the shorter.
                Arrays.Grow(ref tokenBuffer, count);
                Arrays.Grow(ref hashBuffer, count);
                tokens = tokenBuffer;
                hashes = hashBuffer;
            }

            tokens[count] = Token.Unchecked(i, end - i, kind); // Clamp keeps it within Token.MaxLength
            int hash, suffix;
            if (end - i == 1 && c < 128)
            {
                hash = SingleCharacterHashes[c]; // punctuation, mostly: one character has no suffix
                suffix = 0;
            }
            else
            {
                hash = TokenText.HashStemAt(text, i, end - i, out suffix); // while the characters are in cache
            }
            hashes[count] = hash;
            if (suffix > 0)
            {
                possessives.Add(count);
            }

            if (markCues && kind == TokenKind.Word && (suffix > 0 || (cueBits[((uint)hash & cueMask) >> 6] & (1UL << (int)((uint)hash & 63))) != 0))
            {
                cues.Add(count);
            }

            count++;
            i = end;
        }

        return count;
    }

    // The stem hash of each ASCII character as a token of its own.
    private static readonly int[] SingleCharacterHashes = BuildSingleCharacterHashes();

    private static int[] BuildSingleCharacterHashes()
    {
        var hashes = new int[128];
        for (var c = 0; c < hashes.Length; c++)
        {
            hashes[c] = TokenText.GetNormalizedHashCode(((char)c).ToString().AsSpan());
        }

        return hashes;
    }

    private static int EstimateCapacity(int length) => length < 64 ? 16 : length / 5;

    /// <summary>
    /// The end of a token that starts at <paramref name="start"/>: <paramref name="end"/>, or, for a run longer than
    /// <paramref name="maxLength"/> (only a text of more than half a billion characters has one), the end of its first
    /// <paramref name="maxLength"/> characters, not between the halves of a surrogate pair; the rest is read as the next token.
    /// </summary>
    internal static int Clamp(string text, int start, int end, int maxLength)
    {
        if (end - start <= maxLength)
        {
            return end;
        }

        end = start + maxLength;
        return char.IsHighSurrogate(text[end - 1]) && char.IsLowSurrogate(text[end]) && end - 1 > start ? end - 1 : end;
    }

    private static int TrackSingles(string text, int i, int openSingles)
    {
        var c = text[i];
        if (TextChars.GetQuoteFamily(c) != QuoteFamily.Single)
        {
            return openSingles;
        }

        var direction = TextChars.GetQuoteDirection(c);
        var p = TextChars.SkipIgnorableBackward(text, i - 1);
        var before = p < 0 || TextChars.IsSpace(text[p]) || TextChars.IsOpeningBracket(text[p]) || TextChars.IsQuote(text[p]) || TextChars.IsDash(text[p]);
        var q = TextChars.SkipIgnorable(text, i + 1);
        var opening = direction == QuoteDirection.Opening || (before && q < text.Length && !TextChars.IsSpace(text[q]));
        if (opening)
        {
            return openSingles + 1;
        }

        return openSingles > 0 ? openSingles - 1 : 0;
    }

    // "rock 'n' roll": the n between two apostrophes is a word, not a quotation.
    private static bool IsNElision(string text, int i) =>
        i + 2 < text.Length && (text[i + 1] == 'n' || text[i + 1] == 'N') && TextChars.IsApostrophe(text[i + 2])
        && (i == 0 || TextChars.IsSpace(text[i - 1])) && (i + 3 == text.Length || TextChars.IsSpace(text[i + 3]));

    // Feet and inches after a number (6'2", 5' 11"): a prime, not a quotation mark. A straight or curly single mark
    // between digits, or a double mark that closes such a measure.
    private static bool IsPrime(string text, int i)
    {
        var c = text[i];
        if (c is '\u2032' or '\u2033')
        {
            return true;
        }

        if (i == 0 || !char.IsDigit(text[i - 1]))
        {
            return false;
        }

        if (c is '\'' or '\u2019')
        {
            var j = i + 1;
            if (j < text.Length && text[j] == ' ')
            {
                j++;
            }

            return j < text.Length && char.IsDigit(text[j]);
        }

        if (c is '"' or '\u201D')
        {
            var j = i - 1;
            while (j >= 0 && char.IsDigit(text[j]))
            {
                j--;
            }

            if (j >= 0 && text[j] == ' ')
            {
                j--;
            }

            return j >= 1 && (text[j] is '\'' or '\u2019' or '\u2032') && char.IsDigit(text[j - 1]);
        }

        return false;
    }

    private static bool IsDecadeElision(string text, int i) =>
        i + 3 < text.Length && char.IsDigit(text[i + 1]) && char.IsDigit(text[i + 2]) && text[i + 3] == 's'
        && (i + 4 == text.Length || !TextChars.IsWordPartAt(text, i + 4))
        && (i == 0 || !TextChars.IsWordPartAt(text, i - 1));

    private static int ScanWord(string text, int start, int openSingles, bool fast)
    {
        var n = text.Length;
        var j = start;
        var segmentStart = start;
        var abbreviation = false;
        while (j < n)
        {
            var c = text[j];
            if (TextChars.IsAsciiLetterOrDigit(c))
            {
                // Most words are ASCII: a run of letters and digits, one test a character.
                j++;
                while ((uint)j < (uint)text.Length && TextChars.IsAsciiLetterOrDigit(text[j]))
                {
                    j++;
                }

                if (fast && j < n && text[j] is ' ' or ',')
                {
                    return j; // nothing below reads on past a space or a comma
                }

                continue;
            }

            if (c >= 128 && TextChars.IsWordPartAt(text, j))
            {
                j += TextChars.CodePointLength(text, j);
                continue;
            }

            var k = j;
            if (TextChars.IsIgnorable(c))
            {
                // Soft hyphens (markup padding in texts read from Markdown and HTML) are read through.
                k = TextChars.SkipIgnorable(text, j);
                if (TextChars.IsWordPartAt(text, k))
                {
                    j = k;
                    segmentStart = j;
                    continue;
                }

                if (k >= n)
                {
                    break;
                }

                c = text[k];
            }

            if (TextChars.IsHyphen(c) || TextChars.IsApostrophe(c) || TextChars.IsJoiner(c))
            {
                var after = TextChars.SkipIgnorable(text, k + 1);
                if (TextChars.IsWordPartAt(text, after))
                {
                    j = after;
                    segmentStart = j;
                    continue;
                }
            }

            if (k == j && c == '.' && IsSingleLetter(text, segmentStart, j))
            {
                // "U.S.", "a.m.", "e.g.": single letters joined by periods, and the period after the last one.
                if (j + 1 < n && TextChars.IsLetterAt(text, j + 1) && IsSingleLetterThenPeriod(text, j + 1))
                {
                    abbreviation = true;
                    j++;
                    segmentStart = j;
                    continue;
                }

                if (abbreviation)
                {
                    j++;
                    return j;
                }
            }

            break;
        }

        if (j < n && text[j] != '\u2018' && TextChars.IsApostrophe(text[j]) && openSingles == 0 && !TextChars.IsWordPartAt(text, j + 1))
        {
            j++;
        }

        return j;
    }

    private static bool IsSingleLetter(string text, int start, int end) =>
        end > start && end - start == TextChars.CodePointLength(text, start) && TextChars.IsLetterAt(text, start);

    private static bool IsSingleLetterThenPeriod(string text, int index)
    {
        var after = index + TextChars.CodePointLength(text, index);
        return after < text.Length && text[after] == '.';
    }

    private static int ScanNumber(string text, int start)
    {
        var n = text.Length;
        var j = start;
        while (j < n)
        {
            var c = text[j];
            if (char.IsDigit(c))
            {
                j++;
                continue;
            }

            if ((c is ',' or '.' or ':' or '\u066B' or '\u066C') && j + 1 < n && char.IsDigit(text[j + 1]) && j > start)
            {
                j++;
                continue;
            }

            if (TextChars.IsWordPartAt(text, j))
            {
                // "18th", "1990s", "3km".
                j += TextChars.CodePointLength(text, j);
                continue;
            }

            if (TextChars.IsApostrophe(c) && TextChars.IsLetterAt(text, j + 1) && j > start)
            {
                // "1990's".
                j++;
                continue;
            }

            break;
        }

        return j;
    }

    private static int ScanPunctuation(string text, int start)
    {
        var n = text.Length;
        var j = start;
        if (text[j] == '.')
        {
            while (j < n && text[j] == '.')
            {
                j++;
            }

            return j;
        }

        j += TextChars.CodePointLength(text, j);
        while (j < n && (TextChars.IsMarkAt(text, j) || text[j] is '\uFE0E' or '\uFE0F'))
        {
            j += TextChars.CodePointLength(text, j);
        }

        return j;
    }
}

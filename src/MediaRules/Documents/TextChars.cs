using System.Globalization;

namespace MediaRules.Documents;

/// <summary>The kind of quotation mark a character is: its family, its glyph's own direction and its style.</summary>
internal enum QuoteFamily
{
    /// <summary>Not a quotation mark.</summary>
    None = 0,

    /// <summary>A double mark (" “ ” „ « »).</summary>
    Double = 1,

    /// <summary>A single mark (' ‘ ’ ‚ ‹ ›).</summary>
    Single = 2,
}

/// <summary>The direction a quotation mark's glyph shows.</summary>
internal enum QuoteDirection
{
    /// <summary>A straight mark: opening or closing by context.</summary>
    Ambiguous = 0,

    /// <summary>An opening glyph (“ ‘ „ ‚ «).</summary>
    Opening = 1,

    /// <summary>A closing glyph (” ’ » ›).</summary>
    Closing = 2,
}

/// <summary>The typographic style of a quotation mark (a curly opening closed by a straight mark is mismatched).</summary>
internal enum QuoteStyle
{
    /// <summary>Straight marks (" ').</summary>
    Straight = 0,

    /// <summary>Curly marks (“ ” ‘ ’ „ ‚).</summary>
    Curly = 1,

    /// <summary>Guillemets (« » ‹ ›).</summary>
    Guillemet = 2,
}

/// <summary>Character classes the document model needs: letters and marks (surrogate-aware), quotes, apostrophes, dashes, terminators.</summary>
internal static class TextChars
{
    /// <summary>Whether a character is an apostrophe look-alike (' ’ ‘ ʼ) that joins the two halves of a word.</summary>
    public static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018' or '\u02BC';

    /// <summary>Whether a character is a hyphen that may join two halves of a word (not an en or em dash).</summary>
    public static bool IsHyphen(char c) => c is '-' or '\u2010' or '\u2011';

    /// <summary>Whether a character is a dash that separates clauses.</summary>
    public static bool IsDash(char c) => c is '\u2012' or '\u2013' or '\u2014' or '\u2015' or '-';

    /// <summary>Whether a character opens a bracket.</summary>
    public static bool IsOpeningBracket(char c) => c is '(' or '[' or '{' or '\u2329' or '\u27E8';

    /// <summary>Whether a character closes a bracket.</summary>
    public static bool IsClosingBracket(char c) => c is ')' or ']' or '}' or '\u232A' or '\u27E9';

    /// <summary>Whether a character ends a sentence (. ! ? … and their CJK and Arabic forms).</summary>
    public static bool IsTerminator(char c) =>
        c is '.' or '!' or '?' or '\u2026' or '\u203C' or '\u2047' or '\u2048' or '\u2049' or '\u3002' or '\uFF01' or '\uFF1F' or '\u061F' or '\u06D4';

    /// <summary>Whether a terminator ends a sentence with no space after it (CJK full-width forms).</summary>
    public static bool IsSpacelessTerminator(char c) => c is '\u3002' or '\uFF01' or '\uFF1F';

    /// <summary>The family of a quotation mark character, or <see cref="QuoteFamily.None"/>.</summary>
    public static QuoteFamily GetQuoteFamily(char c) => c switch
    {
        '"' or '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u00AB' or '\u00BB' => QuoteFamily.Double,
        '\'' or '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2039' or '\u203A' => QuoteFamily.Single,
        _ => QuoteFamily.None,
    };

    /// <summary>Whether a character is a quotation mark.</summary>
    public static bool IsQuote(char c) => GetQuoteFamily(c) != QuoteFamily.None;

    /// <summary>The direction a quotation mark's glyph shows.</summary>
    public static QuoteDirection GetQuoteDirection(char c) => c switch
    {
        '\u201C' or '\u201E' or '\u201F' or '\u00AB' or '\u2018' or '\u201A' or '\u201B' or '\u2039' => QuoteDirection.Opening,
        '\u201D' or '\u00BB' or '\u2019' or '\u203A' => QuoteDirection.Closing,
        _ => QuoteDirection.Ambiguous,
    };

    /// <summary>The style of a quotation mark.</summary>
    public static QuoteStyle GetQuoteStyle(char c) => c switch
    {
        '"' or '\'' => QuoteStyle.Straight,
        '\u00AB' or '\u00BB' or '\u2039' or '\u203A' => QuoteStyle.Guillemet,
        _ => QuoteStyle.Curly,
    };

    /// <summary>Whether a closing character is the partner of an opening one in another typographic tradition (German „…“).</summary>
    public static bool IsLowNinePartner(char opening, char closing) =>
        (opening == '\u201E' && closing is '\u201C' or '\u201D') || (opening == '\u201A' && closing is '\u2018' or '\u2019');

    /// <summary>Whether the code point at <paramref name="index"/> is a letter (surrogate pairs included).</summary>
    public static bool IsLetterAt(string s, int index) => index < s.Length && char.IsLetter(s, index);

    /// <summary>Whether the code point at <paramref name="index"/> is a combining mark.</summary>
    public static bool IsMarkAt(string s, int index)
    {
        if (index >= s.Length || s[index] < 128)
        {
            return false; // no ASCII character is a mark
        }

        var category = CharUnicodeInfo.GetUnicodeCategory(s, index);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
    }

    /// <summary>Whether the code point at <paramref name="index"/> is a decimal digit.</summary>
    public static bool IsDigitAt(string s, int index) => index < s.Length && char.IsDigit(s[index]);

    /// <summary>Whether the code point at <paramref name="index"/> can start a word: a letter or a combining mark.</summary>
    public static bool IsWordStartAt(string s, int index) => IsLetterAt(s, index) || IsMarkAt(s, index);

    /// <summary>Whether the code point at <paramref name="index"/> continues a word: a letter, mark, digit or letter-number.</summary>
    public static bool IsWordPartAt(string s, int index)
    {
        if (index >= s.Length)
        {
            return false;
        }

        var c = s[index];
        if (c < 128)
        {
            return IsAsciiLetterOrDigit(c); // the only ASCII letters, marks and numbers
        }

        var category = CharUnicodeInfo.GetUnicodeCategory(s, index);
        return category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark or UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.LetterNumber;
    }

    /// <summary>Whether the character joins letters without being one (zero-width joiner or non-joiner, soft hyphen).</summary>
    public static bool IsJoiner(char c) => c is '\u200C' or '\u200D' or '\u00AD';

    /// <summary>
    /// U+001E RECORD SEPARATOR: ends a paragraph without ending a line. Texts read from Markdown and HTML put it where
    /// markup separates two blocks on one line (a <c>&lt;/p&gt;</c>, a list bullet, a table pipe).
    /// </summary>
    public const char BlockSeparator = '\u001E';

    /// <summary>
    /// U+00AD SOFT HYPHEN: invisible. The model reads through it as if it were absent: inside a word it joins the two
    /// halves, between two tokens it leaves them touching. Texts read from Markdown and HTML pad markup and character
    /// references glued to text with it ("Israel&amp;rsquo;s" is read as "Israel’" and five of these before "s").
    /// </summary>
    public const char Ignorable = '\u00AD';

    /// <summary>Whether a character is invisible to the model (<see cref="Ignorable"/>).</summary>
    public static bool IsIgnorable(char c) => c == Ignorable;

    /// <summary>
    /// Whether a character ends a paragraph: a line break (CR, LF, U+0085, U+2029) or <see cref="BlockSeparator"/>.
    /// U+2028 LINE SEPARATOR is a line break inside a paragraph (texts read from Markdown and HTML turn the line breaks
    /// inside a paragraph into it), so it does not.
    /// </summary>
    public static bool IsParagraphBreak(char c) => c is '\n' or '\r' or '\u0085' or '\u2029' or BlockSeparator;

    /// <summary>The characters of <see cref="IsParagraphBreak"/>, for a vectorized search.</summary>
    internal static readonly char[] ParagraphBreaks = { '\n', '\r', '\u0085', '\u2029', BlockSeparator };

    /// <summary>Whether a character separates tokens: whitespace or <see cref="BlockSeparator"/>.</summary>
    public static bool IsSpace(char c) => char.IsWhiteSpace(c) || c == BlockSeparator;

    /// <summary>The first position at or after <paramref name="index"/> that is not <see cref="Ignorable"/>.</summary>
    public static int SkipIgnorable(string s, int index)
    {
        while (index < s.Length && s[index] == Ignorable)
        {
            index++;
        }

        return index;
    }

    /// <summary>The last position at or before <paramref name="index"/> that is not <see cref="Ignorable"/> (-1 when none).</summary>
    public static int SkipIgnorableBackward(string s, int index)
    {
        while (index >= 0 && s[index] == Ignorable)
        {
            index--;
        }

        return index;
    }

    /// <summary>How many code units the code point at <paramref name="index"/> takes (2 for a surrogate pair).</summary>
    public static int CodePointLength(string s, int index) =>
        char.IsHighSurrogate(s[index]) && index + 1 < s.Length && char.IsLowSurrogate(s[index + 1]) ? 2 : 1;

    /// <summary>Whether the code point at <paramref name="index"/> can start a sentence: an uppercase, titlecase or caseless letter.</summary>
    public static bool IsSentenceInitialLetterAt(string s, int index)
    {
        if (s[index] < 128)
        {
            return s[index] is >= 'A' and <= 'Z';
        }

        var category = CharUnicodeInfo.GetUnicodeCategory(s, index);
        return category is UnicodeCategory.UppercaseLetter or UnicodeCategory.TitlecaseLetter or UnicodeCategory.OtherLetter;
    }

    /// <summary>Whether the code point at <paramref name="index"/> is an uppercase, titlecase or caseless letter (a name may start with it).</summary>
    public static bool IsCapitalAt(string s, int index) => index < s.Length && IsSentenceInitialLetterAt(s, index);

    /// <summary>Whether the code point at <paramref name="index"/> is a lowercase letter.</summary>
    public static bool IsLowerAt(string s, int index) =>
        index < s.Length && (s[index] < 128 ? s[index] is >= 'a' and <= 'z' : CharUnicodeInfo.GetUnicodeCategory(s, index) == UnicodeCategory.LowercaseLetter);

    /// <summary>Whether an ASCII character is a letter or a digit (the only ASCII word characters).</summary>
    public static bool IsAsciiLetterOrDigit(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9;
}

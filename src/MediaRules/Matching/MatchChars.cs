using System;
using System.Globalization;
using MediaRules.Documents;

namespace MediaRules.Matching;

/// <summary>What a character is to the multi-term matcher.</summary>
internal enum MatchCharClass : byte
{
    /// <summary>Anything else: punctuation, symbols, controls. Each such code unit is a unit of its own.</summary>
    Other = 0,

    /// <summary>A letter, combining mark, decimal digit or letter-number (not an apostrophe look-alike).</summary>
    Word = 1,

    /// <summary>An apostrophe look-alike (' ’ ‘ ʼ), a hyphen (- ‐ ‑) or a zero-width (non-)joiner: inside a word when a word character is on both sides.</summary>
    Joiner = 2,

    /// <summary>Whitespace that does not end a paragraph.</summary>
    Space = 3,

    /// <summary>A paragraph break (CR, LF, U+0085, U+2029, U+001E): phrases never cross it.</summary>
    Break = 4,

    /// <summary>U+00AD SOFT HYPHEN: invisible, read through everywhere.</summary>
    Ignorable = 5,

    /// <summary>A high surrogate: its class is that of the code point it starts (Other when unpaired).</summary>
    HighSurrogate = 6,

    /// <summary>A low surrogate: its class is that of the code point it ends (Other when unpaired).</summary>
    LowSurrogate = 7,
}

/// <summary>
/// The character tables of <see cref="MultiTermMatcher"/>: one class and one folded form per UTF-16 code unit, computed
/// once per process (two 64 K tables). Folding is the token matching form of <see cref="TokenText.NormalizeChar"/>:
/// <see cref="char.ToLowerInvariant"/> one code unit at a time, apostrophe look-alikes straightened to '.
/// </summary>
internal static class MatchChars
{
    private static readonly byte[] Classes = BuildClasses();
    private static readonly char[] Folds = BuildFolds();

    /// <summary>The class of a code unit on its own (surrogates unresolved).</summary>
    public static MatchCharClass ClassOf(char c) => (MatchCharClass)Classes[c];

    /// <summary>The folded form of a code unit.</summary>
    public static char Fold(char c) => Folds[c];

    /// <summary>The folded form of a code unit, as the table (for hot loops that hold it in a local).</summary>
    internal static char[] FoldTable => Folds;

    /// <summary>The class table (for hot loops that hold it in a local).</summary>
    internal static byte[] ClassTable => Classes;

    /// <summary>
    /// The class of the code unit at <paramref name="index"/>, surrogates resolved: both halves of a surrogate pair get
    /// the pair's class (Word or Other); an unpaired surrogate is Other.
    /// </summary>
    public static MatchCharClass ClassAt(ReadOnlySpan<char> text, int index)
    {
        var c = text[index];
        var cls = (MatchCharClass)Classes[c];
        if (cls == MatchCharClass.HighSurrogate)
        {
            return index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]) ? PairClass(c, text[index + 1]) : MatchCharClass.Other;
        }

        if (cls == MatchCharClass.LowSurrogate)
        {
            return index > 0 && char.IsHighSurrogate(text[index - 1]) ? PairClass(text[index - 1], c) : MatchCharClass.Other;
        }

        return cls;
    }

    /// <summary>The class of a surrogate pair's code point: Word or Other.</summary>
    public static MatchCharClass PairClass(char high, char low)
    {
#if NET
        var category = CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(high, low));
#else
        // netstandard2.0 has no look-up by code point: the pair becomes a two-character string (astral characters only).
        var category = CharUnicodeInfo.GetUnicodeCategory(new string(new[] { high, low }), 0);
#endif
        return IsWordCategory(category) ? MatchCharClass.Word : MatchCharClass.Other;
    }

    /// <summary>Whether a Unicode category is a word category: letters, marks, decimal digits, letter-numbers.</summary>
    public static bool IsWordCategory(UnicodeCategory category) =>
        category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark or UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.LetterNumber;

    /// <summary>Whether the code unit is an apostrophe look-alike (' ’ ‘ ʼ).</summary>
    public static bool IsApostrophe(char c) => TextChars.IsApostrophe(c);

    /// <summary>The first index at or after <paramref name="index"/> that is not a soft hyphen (the length when none).</summary>
    public static int SkipIgnorable(ReadOnlySpan<char> text, int index)
    {
        while (index < text.Length && text[index] == TextChars.Ignorable)
        {
            index++;
        }

        return index;
    }

    /// <summary>The last index at or before <paramref name="index"/> that is not a soft hyphen (-1 when none).</summary>
    public static int SkipIgnorableBackward(ReadOnlySpan<char> text, int index)
    {
        while (index >= 0 && text[index] == TextChars.Ignorable)
        {
            index--;
        }

        return index;
    }

    /// <summary>
    /// Whether the non-ignorable code units at <paramref name="left"/> and <paramref name="right"/> (the next one after it,
    /// soft hyphens aside) belong to one word: two word characters, or a word character and a joiner that has a word
    /// character on its other side too.
    /// </summary>
    public static bool SameWord(ReadOnlySpan<char> text, int left, int right)
    {
        var l = ClassAt(text, left);
        var r = ClassAt(text, right);
        if (l == MatchCharClass.Word)
        {
            if (r == MatchCharClass.Word)
            {
                return true;
            }

            if (r == MatchCharClass.Joiner)
            {
                var next = SkipIgnorable(text, right + 1);
                return next < text.Length && ClassAt(text, next) == MatchCharClass.Word;
            }

            return false;
        }

        if (l == MatchCharClass.Joiner && r == MatchCharClass.Word)
        {
            var previous = SkipIgnorableBackward(text, left - 1);
            return previous >= 0 && ClassAt(text, previous) == MatchCharClass.Word;
        }

        return false;
    }

    /// <summary>Whether position <paramref name="index"/> (between two code units) falls inside a word.</summary>
    public static bool IsInsideWord(ReadOnlySpan<char> text, int index)
    {
        if (index <= 0 || index >= text.Length)
        {
            return false;
        }

        var right = SkipIgnorable(text, index);
        var left = SkipIgnorableBackward(text, index - 1);
        return right < text.Length && left >= 0 && SameWord(text, left, right);
    }

    private static byte[] BuildClasses()
    {
        var classes = new byte[65536];
        for (var i = 0; i < classes.Length; i++)
        {
            var c = (char)i;
            MatchCharClass cls;
            if (c == TextChars.Ignorable)
            {
                cls = MatchCharClass.Ignorable;
            }
            else if (TextChars.IsParagraphBreak(c))
            {
                cls = MatchCharClass.Break;
            }
            else if (char.IsWhiteSpace(c))
            {
                cls = MatchCharClass.Space;
            }
            else if (TextChars.IsApostrophe(c) || TextChars.IsHyphen(c) || c is '\u200C' or '\u200D')
            {
                cls = MatchCharClass.Joiner;
            }
            else if (char.IsHighSurrogate(c))
            {
                cls = MatchCharClass.HighSurrogate;
            }
            else if (char.IsLowSurrogate(c))
            {
                cls = MatchCharClass.LowSurrogate;
            }
            else
            {
                cls = IsWordCategory(CharUnicodeInfo.GetUnicodeCategory(c)) ? MatchCharClass.Word : MatchCharClass.Other;
            }

            classes[i] = (byte)cls;
        }

        return classes;
    }

    private static char[] BuildFolds()
    {
        var folds = new char[65536];
        for (var i = 0; i < folds.Length; i++)
        {
            folds[i] = TokenText.NormalizeChar((char)i);
        }

        return folds;
    }
}

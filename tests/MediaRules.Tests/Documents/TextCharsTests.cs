using System.Globalization;
using MediaRules.Documents;
using Xunit;

namespace MediaRules.Tests.Documents;

/// <summary>
/// The character classes the tokenizer and the rules ask about take a shortcut for ASCII: checked here against their
/// Unicode-category definitions for every ASCII character, and for a sample of others, so the shortcut cannot drift.
/// </summary>
public class TextCharsTests
{
    private static readonly string Others = "éÉßſİıΣσςЖж\u0301\u0903\u20DD٣Ⅻ\u02B0ǅ中\u00AD\u00A0’“\u2028";

    [Fact]
    public void Ascii_shortcuts_agree_with_the_unicode_categories()
    {
        for (var c = (char)0; c < 128; c++)
        {
            Check(c.ToString());
        }

        foreach (var c in Others)
        {
            Check(c.ToString());
        }

        Check("\U0001D4D0"); // an astral letter: a surrogate pair
    }

    private static void Check(string s)
    {
        var category = CharUnicodeInfo.GetUnicodeCategory(s, 0);
        var letter = category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter;
        var mark = category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
        var wordPart = letter || mark || category is UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber;
        Assert.True(wordPart == TextChars.IsWordPartAt(s, 0), $"IsWordPartAt U+{(int)s[0]:X4}");
        Assert.True(mark == TextChars.IsMarkAt(s, 0), $"IsMarkAt U+{(int)s[0]:X4}");
        Assert.True((category == UnicodeCategory.LowercaseLetter) == TextChars.IsLowerAt(s, 0), $"IsLowerAt U+{(int)s[0]:X4}");
        Assert.True(
            (category is UnicodeCategory.UppercaseLetter or UnicodeCategory.TitlecaseLetter or UnicodeCategory.OtherLetter) == TextChars.IsSentenceInitialLetterAt(s, 0),
            $"IsSentenceInitialLetterAt U+{(int)s[0]:X4}");
        Assert.True(char.ToLowerInvariant(s[0]) == TokenText.NormalizeChar(s[0]) || TextChars.IsApostrophe(s[0]), $"NormalizeChar U+{(int)s[0]:X4}");
    }
}

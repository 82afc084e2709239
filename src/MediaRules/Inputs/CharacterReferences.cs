using AngleSharp.Html;
using MediaRules.Text;

namespace MediaRules.Inputs;

/// <summary>
/// Decodes HTML character references (<c>&amp;rsquo;</c>, <c>&amp;#8217;</c>, <c>&amp;#x2019;</c>) in place: the decoded
/// character goes where the <c>&amp;</c> was, and the rest of the reference is inline markup (soft hyphens when text
/// touches it on both sides, so "Israel&amp;rsquo;s" stays one word; spaces otherwise).
/// </summary>
internal static class CharacterReferences
{
    // Numeric references to 0x80–0x9F mean the windows-1252 characters (HTML's rule: &#146; is ’).
    private static readonly char[] Windows1252 =
    [
        '\u20AC', '\u0081', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021', '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\u008D', '\u017D', '\u008F',
        '\u0090', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014', '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\u009D', '\u017E', '\u0178',
    ];

    /// <summary>
    /// Reads a character reference at <paramref name="start"/> (which holds <c>&amp;</c>) that ends before
    /// <paramref name="limit"/>: a named one ending in <c>;</c> (or a legacy name such as <c>&amp;amp</c>), or a decimal or
    /// hexadecimal one.
    /// </summary>
    /// <returns>Whether there is one; <paramref name="end"/> is the position after it, <paramref name="value"/> its text.</returns>
    public static bool TryRead(string text, int start, int limit, out int end, out string value)
    {
        end = start;
        value = string.Empty;
        var i = start + 1;
        if (i < limit && text[i] == '#')
        {
            i++;
            var hex = i < limit && (text[i] == 'x' || text[i] == 'X');
            if (hex)
            {
                i++;
            }

            var digitsStart = i;
            var code = 0L;
            while (i < limit && IsDigit(text[i], hex) && i - digitsStart < 8)
            {
                code = (code * (hex ? 16 : 10)) + DigitValue(text[i]);
                i++;
            }

            if (i == digitsStart)
            {
                return false;
            }

            if (i < limit && text[i] == ';')
            {
                i++;
            }

            end = i;
            value = FromCodePoint(code);
            return true;
        }

        var nameStart = i;
        while (i < limit && i - nameStart < 40 && IsAsciiLetterOrDigit(text[i]))
        {
            i++;
        }

        if (i == nameStart)
        {
            return false;
        }

        var name = text.Substring(nameStart, i - nameStart);
        var symbol = i < limit && text[i] == ';' ? HtmlEntityProvider.Resolver.GetSymbol(name + ";") : null;
        if (symbol is not null)
        {
            end = i + 1;
        }
        else
        {
            symbol = HtmlEntityProvider.Resolver.GetSymbol(name);
            end = i;
        }

        if (string.IsNullOrEmpty(symbol))
        {
            return false;
        }

        value = symbol!;
        return true;
    }

    /// <summary>Writes a decoded reference over its span of the buffer.</summary>
    public static void Write(AnalysisBuffer buffer, int start, int end, string value)
    {
        if (value.Length > end - start)
        {
            buffer.Inline(start, end);
            return;
        }

        for (var k = 0; k < value.Length; k++)
        {
            var c = value[k];

            // A decoded line break or separator would change the line map or the paragraphs: it is a space.
            buffer.Put(start + k, SourceText.IsLineBreak(c) || c == Documents.TextChars.BlockSeparator ? ' ' : c);
        }

        buffer.Inline(start + value.Length, end);
    }

    private static string FromCodePoint(long code)
    {
        if (code >= 0x80 && code <= 0x9F)
        {
            return Windows1252[code - 0x80].ToString();
        }

        if (code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
        {
            return "\uFFFD";
        }

        return char.ConvertFromUtf32((int)code);
    }

    private static bool IsDigit(char c, bool hex) =>
        (c >= '0' && c <= '9') || (hex && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));

    private static int DigitValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    private static bool IsAsciiLetterOrDigit(char c) => (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

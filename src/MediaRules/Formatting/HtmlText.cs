using System.IO;
using System.Text;

namespace MediaRules.Formatting;

/// <summary>Escaping for the HTML report: text content and quoted attribute values, written in runs.</summary>
internal static class HtmlText
{
    /// <summary>
    /// Writes <paramref name="text"/>[<paramref name="start"/>..<paramref name="end"/>) as HTML text content: <c>&amp;</c>,
    /// <c>&lt;</c> and <c>&gt;</c> escaped; CR as <c>&amp;#13;</c>, because an HTML parser turns a literal CR (and CR LF) into
    /// LF and the page must hold the file's characters one for one; NUL, which a parser drops, as U+FFFD.
    /// </summary>
    public static void WriteContent(TextWriter output, string text, int start, int end) => Write(output, text, start, end, attribute: false);

    /// <summary>Writes a whole string as text content (see <see cref="WriteContent(TextWriter, string, int, int)"/>).</summary>
    public static void WriteContent(TextWriter output, string? text) => Write(output, text ?? string.Empty, 0, text?.Length ?? 0, attribute: false);

    /// <summary>Writes a value for a double-quoted attribute: also <c>"</c>, <c>'</c>, tab and line breaks are escaped.</summary>
    public static void WriteAttribute(TextWriter output, string? text) => Write(output, text ?? string.Empty, 0, text?.Length ?? 0, attribute: true);

    /// <summary>The escaped text content of a string.</summary>
    public static string Content(string? text)
    {
        using var writer = new StringWriter();
        WriteContent(writer, text);
        return writer.ToString();
    }

    /// <summary>The escaped attribute value of a string.</summary>
    public static string Attribute(string? text)
    {
        using var writer = new StringWriter();
        WriteAttribute(writer, text);
        return writer.ToString();
    }

    /// <summary>
    /// A short, one-line form of a stretch of text for labels (a speaker, a quotation): soft hyphens dropped, line and
    /// block separators and runs of whitespace shown as one space, cut at <paramref name="maxLength"/> characters
    /// (never inside a surrogate pair) with an ellipsis.
    /// </summary>
    public static string Excerpt(string text, int start, int end, int maxLength)
    {
        var builder = new StringBuilder(System.Math.Min(end - start, maxLength + 1));
        var space = false;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (c == '\u00AD')
            {
                continue;
            }

            if (char.IsWhiteSpace(c) || c == '\u001E' || char.IsControl(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (builder.Length >= maxLength && !(char.IsLowSurrogate(c) && builder.Length > 0 && char.IsHighSurrogate(builder[builder.Length - 1])))
            {
                return builder.Append('\u2026').ToString();
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static void Write(TextWriter output, string text, int start, int end, bool attribute)
    {
        var run = start;
        for (var i = start; i < end; i++)
        {
            var escaped = Escape(text[i], attribute);
            if (escaped is null)
            {
                continue;
            }

            if (i > run)
            {
                WriteRun(output, text, run, i);
            }

            output.Write(escaped);
            run = i + 1;
        }

        if (end > run)
        {
            WriteRun(output, text, run, end);
        }
    }

    private static string? Escape(char c, bool attribute) => c switch
    {
        '&' => "&amp;",
        '<' => "&lt;",
        '>' => "&gt;",
        '\r' => "&#13;",
        '\0' => "&#xFFFD;",
        '"' when attribute => "&quot;",
        '\'' when attribute => "&#39;",
        '\n' when attribute => "&#10;",
        '\t' when attribute => "&#9;",
        _ => null,
    };

    private static void WriteRun(TextWriter output, string text, int start, int end)
    {
        if (start == 0 && end == text.Length)
        {
            output.Write(text);
            return;
        }

        // Runs of a large document are written in pieces through one small buffer (no substring per run).
        var buffer = new char[System.Math.Min(end - start, 4096)];
        for (var i = start; i < end; i += buffer.Length)
        {
            var count = System.Math.Min(buffer.Length, end - i);
            text.CopyTo(i, buffer, 0, count);
            output.Write(buffer, 0, count);
        }
    }
}

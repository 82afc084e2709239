using System;
using MediaRules.Documents;
using MediaRules.Text;

namespace MediaRules.Inputs;

/// <summary>
/// Makes the text to analyse out of a Markdown or HTML document: a text of exactly the original's length, whose lines
/// start where the original's do, in which only prose keeps its characters. Analysing it instead of the original
/// lints only the prose, and every span, line and column it reports is the original's. See docs/inputs.md.
/// </summary>
/// <remarks>
/// <para>What replaces a character that is not prose:</para>
/// <list type="bullet">
/// <item>markup that separates blocks on one line (a <c>&lt;p&gt;</c>, <c>&lt;/li&gt;</c>, <c>&lt;br&gt;</c>, a Markdown heading
/// marker, list bullet, quote marker or table pipe): <see cref="BlockSeparator"/> (U+001E), which ends a paragraph;</item>
/// <item>inline markup (a <c>&lt;b&gt;</c>, <c>&lt;a href=…&gt;</c>, an emphasis mark, a link's destination, a comment, the rest of
/// a character reference): <see cref="Ignorable"/> (U+00AD SOFT HYPHEN) where text touches it on both sides — the
/// model reads through it, so "<c>Israel&amp;rsquo;s</c>" is one word and "<c>[link](url).</c>" keeps its period against the
/// word — and a space otherwise;</item>
/// <item>everything else (code, URLs, front matter, attributes, scripts, styles, doctype): a space.</item>
/// </list>
/// <para>
/// A character reference is decoded in place: its character where the <c>&amp;</c> was. A line break that ends a
/// paragraph or block is kept as it is; one inside a paragraph (every line break of HTML, and the soft line breaks
/// of Markdown paragraphs) becomes <see cref="SoftLineBreak"/> (U+2028), a line break for the line map but not the
/// end of a paragraph (a CR LF pair becomes a space and U+2028, so each line still starts at the same offset).
/// </para>
/// </remarks>
public static class ProseExtractor
{
    /// <summary>U+001E RECORD SEPARATOR: stands for markup between two blocks; it ends a paragraph.</summary>
    public const char BlockSeparator = TextChars.BlockSeparator;

    /// <summary>U+00AD SOFT HYPHEN: stands for inline markup that text touches on both sides; the model reads through it.</summary>
    public const char Ignorable = TextChars.Ignorable;

    /// <summary>U+2028 LINE SEPARATOR: a line break inside a paragraph.</summary>
    public const char SoftLineBreak = '\u2028';

    /// <summary>Makes the text to analyse out of a document.</summary>
    /// <param name="text">The document as read.</param>
    /// <param name="format">How it is written (see <see cref="DocumentFormats.FromPath"/>).</param>
    /// <returns>The text to analyse and the comments found; for plain text, the text itself.</returns>
    /// <exception cref="ArgumentException">Markdown nested deeper than Markdig reads (thousands of <c>&gt;</c> or brackets).</exception>
    public static ProseText Extract(SourceText text, DocumentFormat format)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        switch (format)
        {
            case DocumentFormat.Markdown:
            {
                var buffer = new AnalysisBuffer(text.ToString());
                MarkdownProse.Read(buffer);
                return new ProseText(text, buffer.ToText(), format, buffer.Comments.ToArray());
            }

            case DocumentFormat.Html:
            {
                var buffer = new AnalysisBuffer(text.ToString());
                HtmlProse.Read(buffer, 0, text.Length);
                return new ProseText(text, buffer.ToText(), format, buffer.Comments.ToArray());
            }

            case DocumentFormat.PlainText:
                return new ProseText(text, text, format, Array.Empty<TextSpan>());
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown document format.");
        }
    }

    /// <summary>Makes the text to analyse out of a document.</summary>
    /// <param name="text">The document as read.</param>
    /// <param name="format">How it is written.</param>
    /// <returns>The text to analyse and the comments found.</returns>
    public static ProseText Extract(string text, DocumentFormat format) =>
        Extract(SourceText.From(text ?? throw new ArgumentNullException(nameof(text))), format);
}

using System;
using System.Collections.Generic;
using MediaRules.Text;

namespace MediaRules.Inputs;

/// <summary>
/// What <see cref="ProseExtractor.Extract(SourceText, DocumentFormat)"/> makes of a document: the text to analyse, of
/// exactly the original's length and with its line map, and the HTML comments found.
/// </summary>
public sealed class ProseText
{
    internal ProseText(SourceText original, SourceText text, DocumentFormat format, IReadOnlyList<TextSpan> comments)
    {
        Original = original;
        Text = text;
        Format = format;
        Comments = comments;
    }

    /// <summary>The document as read.</summary>
    public SourceText Original { get; }

    /// <summary>
    /// The text to analyse. It has the original's length, and every line starts at the same offset as in the
    /// original, so a span in it is the same span of the original and has the same lines and columns. Prose keeps its
    /// characters; everything else is blanked (see <see cref="ProseExtractor"/>). For plain text it is
    /// <see cref="Original"/> itself.
    /// </summary>
    public SourceText Text { get; }

    /// <summary>The format the document was read as.</summary>
    public DocumentFormat Format { get; }

    /// <summary>
    /// The span of each HTML comment, <c>&lt;!--</c> and <c>--&gt;</c> included, in document order (in HTML, and in
    /// Markdown where inline or block HTML holds one). Empty for plain text.
    /// </summary>
    public IReadOnlyList<TextSpan> Comments { get; }

    /// <summary>The text of a comment between its <c>&lt;!--</c> and <c>--&gt;</c>.</summary>
    /// <param name="comment">One of <see cref="Comments"/>.</param>
    /// <returns>The comment's content (untrimmed).</returns>
    public string GetCommentContent(TextSpan comment)
    {
        var text = Original.ToString(comment);
        var start = text.StartsWith("<!--", StringComparison.Ordinal) ? 4 : 0;
        var end = text.EndsWith("-->", StringComparison.Ordinal) ? Math.Max(start, text.Length - 3) : text.Length;
        return text.Substring(start, end - start);
    }
}

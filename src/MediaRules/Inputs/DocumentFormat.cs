using System;
using System.IO;

namespace MediaRules.Inputs;

/// <summary>How an input's text is written: what <see cref="ProseExtractor"/> reads as prose.</summary>
public enum DocumentFormat
{
    /// <summary>Plain text: every character is prose, every line is a paragraph.</summary>
    PlainText = 0,

    /// <summary>Markdown (CommonMark, with front matter, pipe tables, footnotes, task lists and bare links).</summary>
    Markdown = 1,

    /// <summary>HTML (a whole page or a fragment).</summary>
    Html = 2,
}

/// <summary>Chooses a <see cref="DocumentFormat"/> for a file.</summary>
public static class DocumentFormats
{
    /// <summary>
    /// The format of a file by its extension, case-insensitively: <c>.md</c> and <c>.markdown</c> are Markdown,
    /// <c>.html</c> and <c>.htm</c> are HTML, anything else is plain text.
    /// </summary>
    /// <param name="path">A file path or name.</param>
    /// <returns>The format.</returns>
    public static DocumentFormat FromPath(string path)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        var extension = Path.GetExtension(path);
        if (string.Equals(extension, ".md", StringComparison.OrdinalIgnoreCase)
            || string.Equals(extension, ".markdown", StringComparison.OrdinalIgnoreCase))
        {
            return DocumentFormat.Markdown;
        }

        if (string.Equals(extension, ".html", StringComparison.OrdinalIgnoreCase)
            || string.Equals(extension, ".htm", StringComparison.OrdinalIgnoreCase))
        {
            return DocumentFormat.Html;
        }

        return DocumentFormat.PlainText;
    }
}

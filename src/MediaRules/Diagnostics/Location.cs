using System;
using MediaRules.Text;

namespace MediaRules.Diagnostics;

/// <summary>Where a diagnostic is: a path (if any), a span, and its 0-based line positions.</summary>
public sealed class Location : IEquatable<Location>
{
    /// <summary>Creates a location.</summary>
    /// <param name="path">The document's path as the caller gave it, or <see langword="null"/> for text with no file.</param>
    /// <param name="sourceSpan">The span in the document's text.</param>
    /// <param name="lineSpan">The same span as 0-based lines and characters.</param>
    public Location(string? path, TextSpan sourceSpan, LinePositionSpan lineSpan)
    {
        Path = path;
        SourceSpan = sourceSpan;
        LineSpan = lineSpan;
    }

    /// <summary>The document's path, or <see langword="null"/>.</summary>
    public string? Path { get; }

    /// <summary>The span in the document's text (UTF-16 code units).</summary>
    public TextSpan SourceSpan { get; }

    /// <summary>The span as 0-based lines and characters.</summary>
    public LinePositionSpan LineSpan { get; }

    /// <summary>Creates a location for a span of a text, computing its line positions.</summary>
    /// <param name="path">The document's path, if any.</param>
    /// <param name="text">The document's text.</param>
    /// <param name="span">A span of that text.</param>
    /// <returns>The location.</returns>
    public static Location Create(string? path, SourceText text, TextSpan span)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        return new Location(path, span, text.GetLinePositionSpan(span));
    }

    /// <inheritdoc/>
    public bool Equals(Location? other) =>
        other is not null && string.Equals(Path, other.Path, StringComparison.Ordinal) && SourceSpan == other.SourceSpan && LineSpan == other.LineSpan;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Location);

    /// <inheritdoc/>
    public override int GetHashCode() => SourceSpan.GetHashCode();

    /// <summary>Shows the location as <c>path(line,col)</c>, 1-based.</summary>
    /// <returns>The location as text.</returns>
    public override string ToString() => $"{Path}({LineSpan.Start.Line + 1},{LineSpan.Start.Character + 1})";
}

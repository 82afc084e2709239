using System;

namespace MediaRules.Text;

/// <summary>A replacement of one span of an old text by new text.</summary>
public readonly struct TextChange : IEquatable<TextChange>
{
    /// <summary>Creates a change.</summary>
    /// <param name="span">The span of the old text that is replaced.</param>
    /// <param name="newText">The text that replaces it.</param>
    public TextChange(TextSpan span, string newText)
    {
        Span = span;
        NewText = newText ?? throw new ArgumentNullException(nameof(newText));
    }

    /// <summary>The span of the old text that is replaced.</summary>
    public TextSpan Span { get; }

    /// <summary>The text that replaces the span.</summary>
    public string NewText => field ?? string.Empty;

    /// <inheritdoc/>
    public bool Equals(TextChange other) => Span == other.Span && string.Equals(NewText, other.NewText, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is TextChange other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => unchecked((Span.GetHashCode() * 397) ^ StringComparer.Ordinal.GetHashCode(NewText));

    /// <summary>Shows the change.</summary>
    /// <returns>The change as text.</returns>
    public override string ToString() => $"{Span} => \"{NewText}\"";

    /// <summary>Value equality.</summary>
    /// <param name="left">A change.</param>
    /// <param name="right">Another change.</param>
    /// <returns>Whether both are equal.</returns>
    public static bool operator ==(TextChange left, TextChange right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    /// <param name="left">A change.</param>
    /// <param name="right">Another change.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(TextChange left, TextChange right) => !left.Equals(right);
}

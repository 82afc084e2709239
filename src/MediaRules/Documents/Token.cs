using System;
using MediaRules.Text;

namespace MediaRules.Documents;

/// <summary>A token of a document: a span and its kind. Tokens never copy the text.</summary>
public readonly struct Token : IEquatable<Token>
{
    /// <summary>Creates a token.</summary>
    /// <param name="span">Its span in the document.</param>
    /// <param name="kind">Its kind.</param>
    public Token(TextSpan span, TokenKind kind)
    {
        Span = span;
        Kind = kind;
    }

    /// <summary>The token's span in the document.</summary>
    public TextSpan Span { get; }

    /// <summary>The token's kind.</summary>
    public TokenKind Kind { get; }

    /// <inheritdoc/>
    public bool Equals(Token other) => Span == other.Span && Kind == other.Kind;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Token other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => unchecked((Span.GetHashCode() * 31) + (int)Kind);

    /// <summary>Shows the kind and span.</summary>
    /// <returns>The token as text.</returns>
    public override string ToString() => $"{Kind}{Span}";

    /// <summary>Value equality.</summary>
    /// <param name="left">A token.</param>
    /// <param name="right">Another token.</param>
    /// <returns>Whether both are equal.</returns>
    public static bool operator ==(Token left, Token right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    /// <param name="left">A token.</param>
    /// <param name="right">Another token.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(Token left, Token right) => !left.Equals(right);
}

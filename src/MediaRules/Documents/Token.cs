using System;
using MediaRules.Text;

namespace MediaRules.Documents;

/// <summary>
/// A token of a document: a span and its kind. Tokens never copy the text. A token takes eight bytes: its length
/// (at most <see cref="MaxLength"/> code units; the tokenizer cuts a longer run) and its kind share one integer.
/// </summary>
public readonly struct Token : IEquatable<Token>
{
    /// <summary>The longest token, in UTF-16 code units (2^29 − 1).</summary>
    public const int MaxLength = (1 << KindShift) - 1;

    private const int KindShift = 29;
    private readonly int _start;
    private readonly int _lengthAndKind;

    /// <summary>Creates a token.</summary>
    /// <param name="span">Its span in the document.</param>
    /// <param name="kind">Its kind.</param>
    /// <exception cref="ArgumentOutOfRangeException">A span longer than <see cref="MaxLength"/>, or a kind that is not one of <see cref="TokenKind"/>'s.</exception>
    public Token(TextSpan span, TokenKind kind)
    {
        if (span.Length > MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(span), $"A token is at most {MaxLength} characters long.");
        }

        if ((uint)kind > (uint)TokenKind.Punctuation)
        {
            throw new ArgumentOutOfRangeException(nameof(kind));
        }

        _start = span.Start;
        _lengthAndKind = span.Length | ((int)kind << KindShift);
    }

    private Token(int start, int lengthAndKind)
    {
        _start = start;
        _lengthAndKind = lengthAndKind;
    }

    /// <summary>A token the caller knows to be valid (a length of at most <see cref="MaxLength"/>, a kind of <see cref="TokenKind"/>'s): the tokenizer's, unchecked.</summary>
    internal static Token Unchecked(int start, int length, TokenKind kind) => new(start, length | ((int)kind << KindShift));

    /// <summary>The token's span in the document.</summary>
    public TextSpan Span => TextSpan.Unchecked(_start, _lengthAndKind & MaxLength);

    /// <summary>The token's kind.</summary>
    public TokenKind Kind => (TokenKind)((uint)_lengthAndKind >> KindShift);

    /// <inheritdoc/>
    public bool Equals(Token other) => _start == other._start && _lengthAndKind == other._lengthAndKind;

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

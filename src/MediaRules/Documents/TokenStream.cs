using System;
using MediaRules.Text;

namespace MediaRules.Documents;

/// <summary>Read access to the tokens of a text with the questions the analyzers ask of them. Never copies the text.</summary>
internal sealed class TokenStream
{
    private readonly string _text;
    private readonly Token[] _tokens;
    private readonly int _count;

    /// <summary>Wraps a text and its tokens.</summary>
    /// <param name="text">The text.</param>
    /// <param name="tokens">Its tokens.</param>
    public TokenStream(string text, Token[] tokens)
    {
        _text = text;
        _tokens = tokens;
        _count = tokens.Length;
    }

    /// <summary>Wraps a text and its tokens, with the model's token stems, whose hashes then serve <see cref="WordHash"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="tokens">Its tokens: the first <paramref name="count"/> items of the array.</param>
    /// <param name="count">How many tokens there are.</param>
    /// <param name="stems">The stems of the same tokens.</param>
    public TokenStream(string text, Token[] tokens, int count, TokenStems stems)
    {
        _text = text;
        _tokens = tokens;
        _count = count;
        _stems = stems;
    }

    private readonly TokenStems? _stems;

    /// <summary>
    /// A token's <see cref="TokenText.GetNormalizedHashCode"/>: its stem's hash (computed once for the model, which term
    /// matching reads too) when the token has no possessive suffix, else computed here.
    /// </summary>
    /// <param name="index">Its index.</param>
    /// <returns>The hash.</returns>
    public int WordHash(int index) =>
        _stems is not null ? _stems.WordHash(index) : TokenText.GetNormalizedHashCode(Chars(index));

    /// <summary>The text.</summary>
    public string Text => _text;

    /// <summary>How many tokens there are.</summary>
    public int Count => _count;

    /// <summary>A token.</summary>
    /// <param name="index">Its index.</param>
    public Token this[int index] => _tokens[index];

    /// <summary>The span of a token.</summary>
    /// <param name="index">Its index.</param>
    /// <returns>The span.</returns>
    public TextSpan Span(int index) => _tokens[index].Span;

    /// <summary>The characters of a token.</summary>
    /// <param name="index">Its index.</param>
    /// <returns>The characters.</returns>
    public ReadOnlySpan<char> Chars(int index) => _text.AsSpan(_tokens[index].Span.Start, _tokens[index].Span.Length);

    /// <summary>The span from the start of one token to the end of another.</summary>
    /// <param name="first">The first token.</param>
    /// <param name="last">The last token (inclusive).</param>
    /// <returns>The span.</returns>
    public TextSpan SpanOf(int first, int last) => TextSpan.FromBounds(_tokens[first].Span.Start, _tokens[last].Span.End);

    /// <summary>Whether a token is a word.</summary>
    /// <param name="index">Its index.</param>
    /// <returns><see langword="true"/> if it is.</returns>
    public bool IsWord(int index) => (uint)index < (uint)_count && _tokens[index].Kind == TokenKind.Word;

    /// <summary>Whether a token is a number.</summary>
    /// <param name="index">Its index.</param>
    /// <returns><see langword="true"/> if it is.</returns>
    public bool IsNumber(int index) => (uint)index < (uint)_count && _tokens[index].Kind == TokenKind.Number;

    /// <summary>Whether a token is a quotation mark.</summary>
    /// <param name="index">Its index.</param>
    /// <returns><see langword="true"/> if it is.</returns>
    public bool IsQuoteMark(int index) => (uint)index < (uint)_count && _tokens[index].Kind == TokenKind.QuoteMark;

    /// <summary>Whether a token is the one punctuation character <paramref name="c"/>.</summary>
    /// <param name="index">Its index.</param>
    /// <param name="c">The character.</param>
    /// <returns><see langword="true"/> if it is.</returns>
    public bool IsPunctuation(int index, char c) =>
        (uint)index < (uint)_count && _tokens[index].Kind == TokenKind.Punctuation && _tokens[index].Span.Length == 1 && _text[_tokens[index].Span.Start] == c;

    /// <summary>Whether a token is punctuation that ends a sentence (. ! ? … or a run of periods).</summary>
    /// <param name="index">Its index.</param>
    /// <returns><see langword="true"/> if it is.</returns>
    public bool IsTerminator(int index) =>
        (uint)index < (uint)_count && _tokens[index].Kind == TokenKind.Punctuation && TextChars.IsTerminator(_text[_tokens[index].Span.Start]);

    /// <summary>Whether a token separates a clause: a comma, colon, semicolon or dash.</summary>
    /// <param name="index">Its index.</param>
    /// <returns><see langword="true"/> if it is.</returns>
    public bool IsClauseSeparator(int index)
    {
        if ((uint)index >= (uint)_count || _tokens[index].Kind != TokenKind.Punctuation || _tokens[index].Span.Length != 1)
        {
            return false;
        }

        var c = _text[_tokens[index].Span.Start];
        return c is ',' or ':' or ';' || TextChars.IsDash(c);
    }

    /// <summary>Whether a word token's matching form is <paramref name="normalized"/>.</summary>
    /// <param name="index">Its index.</param>
    /// <param name="normalized">A normalized word.</param>
    /// <returns><see langword="true"/> if it is.</returns>
    public bool WordIs(int index, string normalized) => IsWord(index) && TokenText.EqualsNormalized(Chars(index), normalized);

    /// <summary>Whether a word token is in a set.</summary>
    /// <param name="index">Its index.</param>
    /// <param name="set">The set.</param>
    /// <returns><see langword="true"/> if it is.</returns>
    public bool WordIn(int index, WordSet set) => IsWord(index) && set.Contains(Chars(index), WordHash(index));

    /// <summary>Whether a word token starts with a lowercase letter.</summary>
    /// <param name="index">Its index.</param>
    /// <returns><see langword="true"/> if it does.</returns>
    public bool IsLowercaseWord(int index) => IsWord(index) && TextChars.IsLowerAt(_text, _tokens[index].Span.Start);

    /// <summary>Whether a word token starts with an uppercase, titlecase or caseless letter.</summary>
    /// <param name="index">Its index.</param>
    /// <returns><see langword="true"/> if it does.</returns>
    public bool IsCapitalizedWord(int index) => IsWord(index) && TextChars.IsCapitalAt(_text, _tokens[index].Span.Start);

    /// <summary>Whether two tokens touch (no space between; soft hyphens, which stand for markup, do not count).</summary>
    /// <param name="left">The left token.</param>
    /// <param name="right">The right token.</param>
    /// <returns><see langword="true"/> if they do.</returns>
    public bool Touch(int left, int right)
    {
        var end = _tokens[left].Span.End;
        var start = _tokens[right].Span.Start;
        if (end >= start)
        {
            return end == start;
        }

        for (var i = end; i < start; i++)
        {
            if (!TextChars.IsIgnorable(_text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The reporting-verb traits of a lower-case word token, or <see cref="VerbTraits.None"/>.</summary>
    /// <param name="index">Its index.</param>
    /// <returns>The traits.</returns>
    public VerbTraits GetVerbTraits(int index) =>
        IsLowercaseWord(index) && Lexicon.ReportingVerbs.TryGetValue(Chars(index), WordHash(index), out var traits) ? traits : VerbTraits.None;

    /// <summary>As <see cref="GetVerbTraits(int)"/>, for a word token whose normalized hash the caller already has.</summary>
    /// <param name="index">Its index.</param>
    /// <param name="hash">Its <see cref="TokenText.GetNormalizedHashCode"/>.</param>
    /// <returns>The traits, or <see cref="VerbTraits.None"/>.</returns>
    public VerbTraits GetVerbTraits(int index, int hash) =>
        IsLowercaseWord(index) && Lexicon.ReportingVerbs.TryGetValue(Chars(index), hash, out var traits) ? traits : VerbTraits.None;

    /// <summary>Whether a token is a period that belongs to an abbreviation or an initial before it ("Gen.", "J.").</summary>
    /// <param name="index">Its index.</param>
    /// <returns><see langword="true"/> if it is.</returns>
    public bool IsAbbreviationPeriod(int index) =>
        IsPunctuation(index, '.') && index > 0 && IsWord(index - 1) && Touch(index - 1, index) && IsAbbreviationOrInitial(index - 1, index + 1);

    /// <summary>Whether a word token is an abbreviation or a single capital initial that a period may follow.</summary>
    /// <param name="index">The word.</param>
    /// <param name="next">The token after the period (for "No." that must be a number).</param>
    /// <returns><see langword="true"/> if it is.</returns>
    public bool IsAbbreviationOrInitial(int index, int next)
    {
        var chars = Chars(index);
        if (chars.Length == TextChars.CodePointLength(_text, _tokens[index].Span.Start) && TextChars.IsCapitalAt(_text, _tokens[index].Span.Start))
        {
            return true;
        }

        if (!Lexicon.Abbreviations.Contains(chars))
        {
            return false;
        }

        return !(TokenText.EqualsNormalized(chars, "no") || TokenText.EqualsNormalized(chars, "nos")) || IsNumber(next);
    }
}

using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MediaRules.Documents;
using Xunit;

namespace MediaRules.Tests.Documents;

/// <summary>Tokens and the matching form of words.</summary>
public class TokenizerTests
{
    private static (string Text, TokenKind Kind)[] Tokens(string text)
    {
        var model = DocumentTestSupport.Build(text);
        return model.Tokens.Select(t => (model.GetText(t.Span), t.Kind)).ToArray();
    }

    [Fact]
    public void Words_numbers_quotes_and_punctuation()
    {
        Assert.Equal(
            new[]
            {
                ("The", TokenKind.Word), ("U.S.", TokenKind.Word), ("sent", TokenKind.Word), ("18,000", TokenKind.Number),
                ("troops", TokenKind.Word), ("at", TokenKind.Word), ("7", TokenKind.Number), ("a.m.", TokenKind.Word),
                ("(", TokenKind.Punctuation), ("0500", TokenKind.Number), ("GMT", TokenKind.Word), (")", TokenKind.Punctuation),
                (",", TokenKind.Punctuation), ("“", TokenKind.QuoteMark), ("3.5", TokenKind.Number), ("km", TokenKind.Word),
                ("”", TokenKind.QuoteMark), (".", TokenKind.Punctuation),
            },
            Tokens("The U.S. sent 18,000 troops at 7 a.m. (0500 GMT), “3.5 km”."));
    }

    [Theory]
    [InlineData("Israel's")]
    [InlineData("Israel’s")]
    [InlineData("don't")]
    [InlineData("Al-Quds")]
    [InlineData("scorched-earth")]
    [InlineData("Palestinians'")]
    [InlineData("COVID-19")]
    public void Inner_apostrophes_and_hyphens_stay_inside_words(string word)
    {
        var tokens = Tokens($"the {word} plan");
        Assert.Equal(3, tokens.Length);
        Assert.Equal((word, TokenKind.Word), tokens[1]);
    }

    [Fact]
    public void Single_quotes_around_a_word_are_quote_marks()
    {
        Assert.Equal(
            new[] { ("Read", TokenKind.Word), ("'", TokenKind.QuoteMark), ("Israel", TokenKind.Word), ("'", TokenKind.QuoteMark), ("fabricates", TokenKind.Word) },
            Tokens("Read 'Israel' fabricates"));
        Assert.Equal(
            new[] { ("‘", TokenKind.QuoteMark), ("Palestinians", TokenKind.Word), ("’", TokenKind.QuoteMark) },
            Tokens("‘Palestinians’"));
    }

    [Fact]
    public void Unicode_letters_marks_and_surrogates_stay_in_words()
    {
        // e + combining acute, a letter outside the BMP (U+1D4D0), Hebrew and Arabic.
        var text = "cafe\u0301 \U0001D4D0bc שלום مرحبا";
        var tokens = Tokens(text);
        Assert.Equal(new[] { "cafe\u0301", "\U0001D4D0bc", "שלום", "مرحبا" }, tokens.Select(t => t.Text));
        Assert.All(tokens, t => Assert.Equal(TokenKind.Word, t.Kind));
    }

    [Fact]
    public void An_emoji_is_one_punctuation_token()
    {
        var tokens = Tokens("ok \U0001F600!");
        Assert.Equal(new[] { "ok", "\U0001F600", "!" }, tokens.Select(t => t.Text));
    }

    [Fact]
    public void Ellipsis_periods_are_one_token()
    {
        Assert.Equal(new[] { "Wait", "...", "what" }, Tokens("Wait... what").Select(t => t.Text));
    }

    [Fact]
    public void Tokens_cover_every_non_whitespace_character()
    {
        const string text = "“Quote,” he said — 'x' « y » 3.5% ’90s.";
        var model = DocumentTestSupport.Build(text);
        var covered = new bool[text.Length];
        foreach (var token in model.Tokens)
        {
            for (var i = token.Span.Start; i < token.Span.End; i++)
            {
                covered[i] = true;
            }
        }

        for (var i = 0; i < text.Length; i++)
        {
            Assert.Equal(!char.IsWhiteSpace(text[i]), covered[i]);
        }
    }

    [Theory]
    [InlineData("Israel’s", "israel's")]
    [InlineData("ISRAEL'S", "israel's")]
    [InlineData("Resistance", "resistance")]
    [InlineData("don‘t", "don't")]
    public void Normalized_form_is_lower_case_with_straight_apostrophes(string token, string normalized) =>
        Assert.Equal(normalized, TokenText.Normalize(token.AsSpan()));

    [Theory]
    [InlineData("Resistance's", 2, "resistance")]
    [InlineData("Resistance’s", 2, "resistance")]
    [InlineData("Palestinians'", 1, "palestinians")]
    [InlineData("Israel", 0, "israel")]
    [InlineData("'s", 0, "'s")]
    public void Possessive_suffix(string token, int length, string stem)
    {
        Assert.Equal(length, TokenText.GetPossessiveSuffixLength(token.AsSpan()));
        Assert.Equal(length > 0, TokenText.HasPossessiveSuffix(token.AsSpan()));
        Assert.Equal(stem, TokenText.NormalizeWithoutPossessive(token.AsSpan()));
    }

    [Fact]
    public void Word_tables_look_up_the_matching_form()
    {
        var set = new WordSet("resistance israel's");
        Assert.True(set.Contains("Resistance".AsSpan()));
        Assert.True(set.Contains("ISRAEL’S".AsSpan()));
        Assert.False(set.Contains("resist".AsSpan()));
        Assert.True(TokenText.EqualsNormalized("Israel’s".AsSpan(), "israel's"));
        Assert.Equal(TokenText.GetNormalizedHashCode("Israel’s".AsSpan()), TokenText.GetNormalizedHashCode("israel's".AsSpan()));
    }

    [Fact]
    public void The_matching_form_of_every_character_is_its_invariant_lower_case_asked_once_or_many_times()
    {
        // Beyond ASCII the answer is kept after the first question: the second pass reads what the first one kept.
        for (var pass = 0; pass < 2; pass++)
        {
            for (var c = char.MinValue; ; c++)
            {
                var expected = TextChars.IsApostrophe(c) ? '\'' : char.ToLowerInvariant(c);
                Assert.Equal(expected, TokenText.NormalizeChar(c));
                if (c == char.MaxValue)
                {
                    break;
                }
            }
        }
    }

    // The tokenizer writes into buffers sized for one token in five characters; punctuation-dense text has one a
    // character, so they grow (several times here). Tokens, hashes, possessives and cue marks come out as they do
    // one token at a time, pooled or not.
    [Theory]
    [InlineData(10)]
    [InlineData(70)]
    [InlineData(5000)]
    public void Dense_text_grows_the_buffers_and_loses_nothing(int pieces)
    {
        var text = string.Concat(Enumerable.Range(0, pieces).Select(i => (i % 4) switch { 0 => "a,", 1 => "said;", 2 => "U.S.'s(", _ => "x" }));
        var range = new MediaRules.Text.TextSpan(0, text.Length);
        var exact = Tokenizer.Tokenize(text, range, pooled: false, fastPaths: true, markCues: true, out var count, out var hashes, out var suffixed, out var cueCount, out var cueStarts);
        var pooledTokens = Tokenizer.Tokenize(text, range, pooled: true, fastPaths: true, markCues: true, out var pooledCount, out var pooledHashes, out var pooledSuffixed, out var pooledCueCount, out var pooledCueStarts);
        try
        {
            Assert.Equal(count, exact.Length);
            Assert.Equal(count, hashes.Length);
            Assert.Equal(count, pooledCount);
            Assert.Equal(exact, pooledTokens.Take(count));
            Assert.Equal(hashes, pooledHashes.Take(count));
            Assert.Equal(suffixed, pooledSuffixed);
            Assert.Equal(cueStarts.Take(cueCount), pooledCueStarts.Take(pooledCueCount));

            Assert.True(count > text.Length / 5, "the text must outgrow the first buffers");
            Assert.Equal(text.Length, exact.Sum(t => t.Span.Length)); // no whitespace: every character is in a token
            Assert.All(Enumerable.Range(0, count), i => Assert.Equal(TokenText.GetNormalizedHashCode(new TokenStems(MediaRules.Text.SourceText.From(text), exact).Stem(i)), hashes[i]));
            Assert.Equal(Enumerable.Range(0, count).Where(i => exact[i].Kind == TokenKind.Word && text.AsSpan(exact[i].Span.Start, exact[i].Span.Length).ToString() is "said" or "U.S.'s"), cueStarts.Take(cueCount).Where(i => text.AsSpan(exact[i].Span.Start, exact[i].Span.Length).ToString() is "said" or "U.S.'s"));
        }
        finally
        {
            System.Buffers.ArrayPool<Token>.Shared.Return(pooledTokens);
            System.Buffers.ArrayPool<int>.Shared.Return(pooledHashes);
            System.Buffers.ArrayPool<int>.Shared.Return(cueStarts);
            System.Buffers.ArrayPool<int>.Shared.Return(pooledCueStarts);
        }
    }

    [Fact]
    public void Stem_hashes_from_the_tokenizer_are_the_hashes_of_the_stems()
    {
        const string Text = "ISRAEL’S “Élysée” palestinians' it's Ⅻ Ⓐ — x\u00ADy 18th";
        var tokens = Tokenizer.Tokenize(Text, out var hashes, out var suffixed);
        Assert.Equal(tokens.Length, hashes.Length);
        var source = MediaRules.Text.SourceText.From(Text);
        var stems = new TokenStems(source, tokens); // computes its own hashes and suffixes when first asked
        var given = new TokenStems(source, tokens, hashes, suffixed);
        for (var i = 0; i < tokens.Length; i++)
        {
            Assert.Equal(TokenText.GetNormalizedHashCode(stems.Stem(i)), hashes[i]);
            Assert.Equal(stems.Hash(i), hashes[i]);
            var hasSuffix = TokenText.GetPossessiveSuffixLength(source.AsSpan(tokens[i].Span)) > 0;
            Assert.Equal(hasSuffix, stems.HasSuffix(i));
            Assert.Equal(hasSuffix, given.HasSuffix(i));
        }

        Assert.Equal(3, Enumerable.Range(0, tokens.Length).Count(given.HasSuffix)); // ISRAEL’S, palestinians', it's

        Assert.Equal(TokenText.GetNormalizedHashCode("israel"), hashes[0]);
        Assert.Equal(TokenText.GetNormalizedHashCode("élysée"), hashes[2]);
    }

    [Fact]
    public void A_token_keeps_its_span_and_kind_in_eight_bytes_and_refuses_what_does_not_fit()
    {
        Assert.Equal(8, System.Runtime.CompilerServices.Unsafe.SizeOf<Token>());
        foreach (var kind in new[] { TokenKind.Word, TokenKind.Number, TokenKind.QuoteMark, TokenKind.Punctuation })
        {
            foreach (var span in new[] { new MediaRules.Text.TextSpan(0, 0), new MediaRules.Text.TextSpan(7, 3), new MediaRules.Text.TextSpan(int.MaxValue - Token.MaxLength, Token.MaxLength) })
            {
                var token = new Token(span, kind);
                Assert.Equal(span, token.Span);
                Assert.Equal(kind, token.Kind);
                Assert.Equal(new Token(span, kind), token);
            }
        }

        Assert.NotEqual(new Token(new MediaRules.Text.TextSpan(1, 2), TokenKind.Word), new Token(new MediaRules.Text.TextSpan(1, 2), TokenKind.Number));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Token(new MediaRules.Text.TextSpan(0, Token.MaxLength + 1), TokenKind.Word));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Token(new MediaRules.Text.TextSpan(0, 1), (TokenKind)4));
    }

    [Fact]
    public void A_run_longer_than_a_token_is_cut_and_never_between_the_halves_of_a_surrogate_pair()
    {
        const string Text = "ab\U0001D4D0cd"; // a, b, high, low, c, d
        Assert.Equal(6, Tokenizer.Clamp(Text, 0, 6, 6));
        Assert.Equal(2, Tokenizer.Clamp(Text, 0, 6, 2));
        Assert.Equal(2, Tokenizer.Clamp(Text, 0, 6, 3)); // not after the high surrogate
        Assert.Equal(4, Tokenizer.Clamp(Text, 0, 6, 4));
        Assert.Equal(3, Tokenizer.Clamp(Text, 2, 6, 1)); // a lone first half when nothing else fits
    }

    // Pieces around the shortcuts for common first characters: what follows a letter, a period or a comma and may
    // change the token (a combining mark, a variation selector, an apostrophe, a hyphen, a soft hyphen, a digit).
    private static readonly string[] Pieces =
    {
        "a", "Z", "s", "n", "e", "U.S.", "e.g.", " ", "  ", ",", ";", ":", "(", ")", ".", "...", "\u0301", "\uFE0F", "'", "’", "‘",
        "\"", "“", "”", "6", "'90s", "\u00AD", "\n", "\r\n", "\u001E", "\u2028", "-", "\u2011", "é", "\U0001D4D0", "\u2032", "\u00A0",
        "\t", "\u200D", "Israel", "don", "t", "rock", "3.5", "18,000",
    };

    [Property(MaxTest = 3000)]
    public Property The_shortcuts_for_common_characters_decide_as_the_general_tests_do() =>
        Prop.ForAll(Gen.ArrayOf(Gen.Elements(Pieces)).Select(p => string.Concat(p)).ToArbitrary(), text =>
        {
            var range = new MediaRules.Text.TextSpan(0, text.Length);
            var fast = Tokenizer.Tokenize(text, range, pooled: false, fastPaths: true, out var fastCount, out var fastHashes, out var fastSuffixed);
            var general = Tokenizer.Tokenize(text, range, pooled: false, fastPaths: false, out var count, out var hashes, out var suffixed);
            return (fastCount == count && fast.SequenceEqual(general) && fastHashes.SequenceEqual(hashes) && fastSuffixed.SequenceEqual(suffixed))
                .Label($"text: {string.Concat(text.Select(c => c < 128 && !char.IsControl(c) ? c.ToString() : $"\\u{(int)c:X4}"))}");
        });
}

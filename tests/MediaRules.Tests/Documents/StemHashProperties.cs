using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MediaRules.Documents;
using Xunit;

namespace MediaRules.Tests.Documents;

/// <summary>
/// The stem hash is read four characters at a time, and the tokenizer's short ASCII tokens are read as two masked
/// blocks without a loop (<see cref="TokenText.HashStemAt"/>). Both must give what the matching form alone decides:
/// equal forms equal hashes, and the tokenizer's hash the hash of the token's stem, wherever the token lies.
/// </summary>
public class StemHashProperties
{
    // Characters that exercise every path: ASCII letters of both cases, digits, the ASCII apostrophe and s (possessives),
    // curly apostrophes, soft hyphens, letters beyond ASCII, and a NUL (a lane of zeros).
    private static readonly char[] Alphabet = "aAbBzZsS09'’‘\u00ADéÉßİıK\u212A-. \0".ToCharArray();

    // Half of the words are short and ASCII only, with possessive endings often: the tokenizer's two-block path.
    private static readonly char[] Ascii = "aBsS'".ToCharArray();

    private static readonly Gen<string> Words = Gen.OneOf(
        Gen.Choose(0, 20).SelectMany(length => Gen.ArrayOf(Gen.Elements(Alphabet), length)).Select(chars => new string(chars)),
        Gen.Choose(0, 10).SelectMany(length => Gen.ArrayOf(Gen.Elements(Ascii), length)).Select(chars => new string(chars)));

    [Property(MaxTest = 2000)]
    public Property Equal_matching_forms_have_equal_hashes() =>
        Prop.ForAll(Words.ToArbitrary(), word =>
        {
            var form = TokenText.Normalize(word.AsSpan());
            return (TokenText.GetNormalizedHashCode(word.AsSpan()) == TokenText.GetNormalizedHashCode(form.AsSpan())).Label($"word: {Escape(word)}");
        });

    [Property(MaxTest = 2000)]
    public Property Words_that_differ_only_in_case_hash_alike_and_lengths_are_told_apart() =>
        Prop.ForAll(Words.ToArbitrary(), word =>
        {
            var upper = new string(word.Select(c => c is >= 'a' and <= 'z' ? (char)(c - 32) : c).ToArray());
            var sameCase = TokenText.GetNormalizedHashCode(word.AsSpan()) == TokenText.GetNormalizedHashCode(upper.AsSpan());

            // A form and the same form with a NUL after it are different forms: the padding of the last block must not
            // make them one.
            var padded = TokenText.GetNormalizedHashCode((word + "\0").AsSpan()) != TokenText.GetNormalizedHashCode(word.AsSpan());
            return (sameCase && padded).Label($"word: {Escape(word)}");
        });

    [Property(MaxTest = 2000)]
    public Property The_tokenizer_s_hash_is_the_hash_of_the_stem_wherever_the_token_lies() =>
        Prop.ForAll(Words.ToArbitrary(), Words.ToArbitrary(), Gen.Choose(0, 12).ToArbitrary(), (before, token, after) =>
        {
            if (token.Length == 0)
            {
                return true.ToProperty();
            }

            // The text after the token decides whether the two-block read applies (eight characters from its start).
            var text = before + token + new string('x', after);
            var hash = TokenText.HashStemAt(text, before.Length, token.Length, out var suffix);
            var expectedSuffix = TokenText.GetPossessiveSuffixLength(token.AsSpan());
            var expected = TokenText.GetNormalizedHashCode(token.AsSpan(0, token.Length - expectedSuffix));
            return (hash == expected && suffix == expectedSuffix).Label($"token: {Escape(token)} in {Escape(text)}");
        });

    // Words and what stands between them: spaces, punctuation (one-character tokens, whose hashes come from a table),
    // quotation marks, dashes and line breaks.
    private static readonly Gen<string> Pieces = Gen.OneOf(
        Words,
        Gen.Elements(" ", " ", ".", ",", ";", ":", "!", "?", "\"", "'", "“", "”", "‘", "’", "(", ")", "-", "—", "\n", "\n\n", "&", "#", "$", "%", "/", "…", "a", "I", "s"));

    [Property(MaxTest = 1000)]
    public Property Every_token_the_tokenizer_reads_has_the_hash_and_suffix_of_its_stem() =>
        Prop.ForAll(Gen.ArrayOf(Pieces).Select(string.Concat).ToArbitrary(), text =>
        {
            var tokens = Tokenizer.Tokenize(text, out var hashes, out var suffixed);
            for (var i = 0; i < tokens.Length; i++)
            {
                var span = tokens[i].Span;
                var expected = TokenText.HashStemAt(text, span.Start, span.Length, out var suffix);
                var marked = (suffixed[i >> 6] & (1UL << (i & 63))) != 0;
                if (hashes[i] != expected || marked != suffix > 0)
                {
                    return false.Label($"token {i} '{Escape(text.Substring(span.Start, span.Length))}' in {Escape(text)}");
                }
            }

            return true.ToProperty();
        });

    [Fact]
    public void Short_and_long_ascii_tokens_hash_as_their_lower_case()
    {
        foreach (var word in new[] { "a", "Al", "Gaza", "Israel", "Israel's", "Palestinians'", "Netanyahu", "UNRWA's", "it's", "s'" })
        {
            var text = "  " + word + " and more text after it";
            var hash = TokenText.HashStemAt(text, 2, word.Length, out var suffix);
            var stem = word.Substring(0, word.Length - suffix);
            Assert.Equal(TokenText.GetNormalizedHashCode(stem.ToLowerInvariant().AsSpan()), hash);
            Assert.Equal(TokenText.GetPossessiveSuffixLength(word.AsSpan()), suffix);
        }
    }

    private static string Escape(string s) => string.Concat(s.Select(c => c < 32 || c > 126 ? $"\\u{(int)c:X4}" : c.ToString()));
}

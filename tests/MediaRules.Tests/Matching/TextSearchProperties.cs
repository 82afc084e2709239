using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MediaRules.Matching;
using Xunit;

namespace MediaRules.Tests.Matching;

/// <summary>
/// The phrase search behind scope exceptions (a vectorized search for the characters that fold to a phrase's first
/// one) against a plainly written reference that folds every character.
/// </summary>
public class TextSearchProperties
{
    // Look-alikes that fold to ASCII (Kelvin sign, dotted capital I), curly quotes and apostrophes, hyphens, soft
    // hyphens, surrogates and letters that do not fold to ASCII.
    private static readonly string[] Pieces =
    {
        "war", "WAR", "\u212Aiev", "kiev", "\u0130stanbul", "istanbul", "don’t", "don't", "donʼt", "“so-called”",
        "\"so-called\"", "so\u2010called", "so\u2011called", "école", "ÉCOLE", "\U0001D4D0", "x", "a", " ", " ", ",", ".",
        "\u00AD", "\n", "-", "’", "'", "«", "»", "18th", "9/11", "ß", "ſ",
    };

    private static readonly string[] Phrases =
    {
        "war", "kiev", "istanbul", "don't", "\"so-called\"", "so-called", "école", "a", "x", "'", "-", "18th", "9/11",
        "\"", "ß", "ſ", "\U0001D4D0", "War", "KIEV", "don’t",
    };

    private static Arbitrary<(string Text, string Phrase, int Start)> Cases() =>
        Gen.ArrayOf(Gen.Elements(Pieces)).Select(p => string.Concat(p)).SelectMany(text =>
            Gen.Elements(Phrases).SelectMany(phrase => Gen.Choose(0, text.Length).Select(start => (text, phrase, start))))
            .ToArbitrary();

    [Property(MaxTest = 3000)]
    public Property IndexOfPhrase_equals_the_reference() =>
        Prop.ForAll(Cases(), c =>
            (TextSearch.IndexOfPhrase(c.Text.AsSpan(), c.Phrase, c.Start) == Reference(c.Text, c.Phrase, c.Start))
                .Label($"text '{c.Text}', phrase '{c.Phrase}', start {c.Start}"));

    // The sentence prefilter of scope exceptions never says "none" of a set of phrases one of which the search finds.
    [Property(MaxTest = 3000)]
    public Property The_phrase_prefilter_never_misses_a_phrase_the_search_finds() =>
        Prop.ForAll(Cases(), Gen.SubListOf(Phrases).ToArbitrary(), (c, more) =>
        {
            var phrases = more.Append(c.Phrase).ToArray();
            var prefilter = PhrasePrefilter.Create(phrases);
            var found = phrases.Any(p => TextSearch.ContainsPhrase(c.Text.AsSpan(), p));
            return (!found || prefilter is null || prefilter.MayContainAny(c.Text.AsSpan()))
                .Label($"text '{c.Text}', phrases {string.Join(" | ", phrases)}");
        });

    [Fact]
    public void The_phrase_prefilter_skips_text_without_the_phrases_and_keeps_look_alikes()
    {
        var prefilter = PhrasePrefilter.Create(new[] { "Rwandan genocide", "the word", "ICJ" });
        Assert.NotNull(prefilter);
        Assert.False(prefilter!.MayContainAny("Talks stall over the Gaza genocide.".AsSpan()));
        Assert.True(prefilter.MayContainAny("the 1994 RWANDAN genocide".AsSpan()));
        Assert.True(prefilter.MayContainAny("at the \u212Aeyboard".AsSpan())); // a Kelvin sign folds to k: always searched
        Assert.Null(PhrasePrefilter.Create(new[] { "“" })); // nothing to look for: no prefilter
    }

    [Theory]
    [InlineData("the \u212Aiev office", "kiev", 4)]
    [InlineData("a “so-called” plan", "\"so-called\"", 2)]
    [InlineData("warfare and war", "war", 12)]
    [InlineData("no match here", "war", -1)]
    public void Finds_folded_and_word_bounded_phrases(string text, string phrase, int expected) =>
        Assert.Equal(expected, TextSearch.IndexOfPhrase(text.AsSpan(), phrase));

    // Every position, every character folded: what the search must equal.
    private static int Reference(string text, string phrase, int start)
    {
        if (phrase.Length == 0)
        {
            return -1;
        }

        for (var i = start; i + phrase.Length <= text.Length; i++)
        {
            if (Enumerable.Range(0, phrase.Length).All(j => TextSearch.Fold(text[i + j]) == TextSearch.Fold(phrase[j]))
                && Bounded(text, i - 1, phrase[0]) && Bounded(text, i + phrase.Length, phrase[^1]))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool Bounded(string text, int index, char edge) =>
        !char.IsLetterOrDigit(edge) || index < 0 || index >= text.Length || !char.IsLetterOrDigit(text[index]);
}

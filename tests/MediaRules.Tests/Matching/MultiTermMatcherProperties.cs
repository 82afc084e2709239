using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MediaRules.Matching;
using Xunit;

namespace MediaRules.Tests.Matching;

/// <summary>
/// The multi-term matcher against the plainly written <see cref="ReferenceMatcher"/>, and its two engines (SearchValues
/// and portable) against each other, on generated texts and term sets.
/// </summary>
public class MultiTermMatcherProperties
{
    // Words that overlap, are prefixes of one another, differ in case, apostrophes, possessives, non-ASCII letters
    // (some with look-alikes that fold differently under ToLowerInvariant and OrdinalIgnoreCase: K Kelvin sign, ſ long
    // s, İ, ı, Σ ς σ), surrogate pairs, punctuation inside terms.
    private static readonly string[] Words =
    {
        "war", "warfare", "toward", "wa", "a", "aa", "ab", "b", "s", "is", "it", "it's", "its", "Kiev", "KIEV", "kiev",
        "\u212Aiev", "don't", "don’t", "donʼt", "don", "Israel", "Israel's", "Israel’s", "ISRAEL’S", "Israelis", "Palestinians'",
        "Palestinians", "U.S.", "U.S", "al-Qaeda", "al", "Qaeda", "e-mail", "école", "ÉCOLE", "straße", "STRASSE",
        "İstanbul", "istanbul", "ıi", "ſ", "ſs", "Σίσυφος", "σίσυφος", "ς", "e\u0301", "\U0001D4D0x", "\U0001F600",
        "'n'", "-", "'", "9/11", "18th", "the", "regime", "Zionist", "x's's", "Gen.", "(IOF)", "IOF", "ß",
    };

    private static readonly string[] Separators =
    {
        " ", " ", " ", "  ", "\t", "\n", "\r\n", "\u2028", "\u2029", "\u001E", "\u00AD", " \u00AD", "\u00AD ", ",", ".",
        "(", ")", "“", "”", "'", "’", "-", "'s", "’s", "s", "—", "", "\u00A0",
    };

    private static Gen<string> Term =>
        Gen.Choose(1, 3).SelectMany(n => Gen.ArrayOf(Gen.Elements(Words), n)).SelectMany(words =>
            Gen.Elements(" ", "  ", "\t", "\u00AD ").Select(sep => string.Join(sep, words)));

    private static Gen<List<(string Term, int Id)>> Terms =>
        Gen.Choose(1, 12).SelectMany(n => Gen.ArrayOf(Term.SelectMany(t => Gen.Choose(0, 4).Select(id => (t, id))), n))
            .Select(a => a.ToList());

    private static Gen<string> Text =>
        Gen.ArrayOf(Gen.OneOf(Gen.Elements(Words), Gen.Elements(Separators), Gen.Elements(Separators)))
            .Select(parts => string.Concat(parts));

    private static Arbitrary<(List<(string Term, int Id)> Terms, string Text, bool Possessives)> Cases() =>
        Terms.SelectMany(terms => Text.SelectMany(text => Gen.Elements(true, false).Select(p => (terms, text, p)))).ToArbitrary();

    private static Arbitrary<(List<(string Term, int Id)> Terms, string Text, int Start, int End)> RangeCases() =>
        Terms.SelectMany(terms => Text.SelectMany(text =>
            Gen.Choose(0, text.Length).SelectMany(a => Gen.Choose(0, text.Length).Select(b => (terms, text, Math.Min(a, b), Math.Max(a, b))))))
            .ToArbitrary();

    [Property(MaxTest = 1500)]
    public Property Portable_engine_equals_the_reference() =>
        Prop.ForAll(Cases(), c => Same(Reference(c.Terms, c.Text, c.Possessives), Build(c.Terms, c.Possessives, MatcherEngine.Portable).FindAll(c.Text), c));

    [Property(MaxTest = 1500)]
    public Property SearchValues_engine_equals_the_reference() =>
        Prop.ForAll(Cases(), c => Same(Reference(c.Terms, c.Text, c.Possessives), Build(c.Terms, c.Possessives, MatcherEngine.SearchValues).FindAll(c.Text), c));

    [Property(MaxTest = 500)]
    public Property A_range_scan_equals_the_reference_on_that_range() =>
        Prop.ForAll(RangeCases(), c =>
        {
            var expected = ReferenceMatcher.FindAll(c.Text, c.Terms, true, c.Start, c.End);
            return Same(expected, ScanRange(Build(c.Terms, true, MatcherEngine.Portable), c.Text, c.Start, c.End), c)
                && Same(expected, ScanRange(Build(c.Terms, true, MatcherEngine.SearchValues), c.Text, c.Start, c.End), c);
        });

    [Property(MaxTest = 500)]
    public Property Leftmost_longest_per_group_equals_the_reference() =>
        Prop.ForAll(Cases(), c =>
        {
            // Two groups: even and odd ids.
            var expected = ReferenceMatcher.LeftmostLongest(Reference(c.Terms, c.Text, c.Possessives), id => id % 2);
            var actual = Build(c.Terms, c.Possessives, MatcherEngine.Auto).FindLeftmostLongest(c.Text, 2, new[] { 0, 1, 0, 1, 0 });
            return Same(expected, actual, c);
        });

    [Property(MaxTest = 500)]
    public Property Colliding_hashes_change_nothing() =>
        Prop.ForAll(Cases(), c =>
        {
            var expected = Reference(c.Terms, c.Text, c.Possessives);
            foreach (var engine in new[] { MatcherEngine.Portable, MatcherEngine.SearchValues })
            {
                var options = new MultiTermMatcherOptions { Possessives = c.Possessives, Engine = engine, HashMask = 0x3 };
                if (!Same(expected, MultiTermMatcher.Create(c.Terms, options).FindAll(c.Text), c))
                {
                    return false;
                }
            }

            return true;
        });

    [Property(MaxTest = 60)]
    public Property Many_terms_equal_the_reference() =>
        Prop.ForAll(
            Gen.ArrayOf(Term, 300).SelectMany(terms => Gen.ArrayOf(Text, 12).Select(texts => (terms, string.Join(" ", texts)))).ToArbitrary(),
            c =>
            {
                var terms = c.terms.Select((t, i) => (t, i % 7)).ToList();
                return Same(Reference(terms, c.Item2, true), Build(terms, true, MatcherEngine.Portable).FindAll(c.Item2), c);
            });

    [Property(MaxTest = 300)]
    public Property Both_engines_agree_on_long_texts_with_many_terms() =>
        Prop.ForAll(
            Gen.ArrayOf(Term, 200).SelectMany(terms => Gen.ArrayOf(Text, 40).Select(texts => (terms, string.Join(" ", texts)))).ToArbitrary(),
            c =>
            {
                var terms = c.terms.Select((t, i) => (t, i)).ToList();
                var portable = Build(terms, true, MatcherEngine.Portable).FindAll(c.Item2);
                var search = Build(terms, true, MatcherEngine.SearchValues).FindAll(c.Item2);
                return Same(portable, search, c);
            });

    [Fact]
    public void Folding_never_changes_a_characters_class()
    {
        for (var i = 0; i < 65536; i++)
        {
            var c = (char)i;
            if (char.IsSurrogate(c))
            {
                continue;
            }

            Assert.True(MatchChars.ClassOf(c) == MatchChars.ClassOf(MatchChars.Fold(c)), $"U+{i:X4}");
        }
    }

    internal static MultiTermMatcher Build(IEnumerable<(string Term, int Id)> terms, bool possessives, MatcherEngine engine) =>
        MultiTermMatcher.Create(terms, new MultiTermMatcherOptions { Possessives = possessives, Engine = engine });

    internal static List<TermMatch> Reference(List<(string Term, int Id)> terms, string text, bool possessives) =>
        ReferenceMatcher.FindAll(text, terms, possessives);

    private static List<TermMatch> ScanRange(MultiTermMatcher matcher, string text, int start, int end)
    {
        var sink = new CollectingSink(new List<TermMatch>());
        matcher.Scan(text.AsSpan(), start, end, ref sink);
        return sink.Matches;
    }

    private static bool Same(List<TermMatch> expected, List<TermMatch> actual, object input)
    {
        if (expected.SequenceEqual(actual))
        {
            return true;
        }

        throw new InvalidOperationException(
            $"input: {Show(input)}\nexpected: {string.Join(", ", expected)}\nactual:   {string.Join(", ", actual)}");
    }

    private static string Show(object input) => Escape(input switch
    {
        ValueTuple<List<(string Term, int Id)>, string, bool> c => $"terms [{string.Join(" | ", c.Item1)}] text \"{c.Item2}\" possessives {c.Item3}",
        ValueTuple<List<(string Term, int Id)>, string, int, int> c => $"terms [{string.Join(" | ", c.Item1)}] text \"{c.Item2}\" range {c.Item3}..{c.Item4}",
        ValueTuple<string[], string> c => $"terms [{string.Join(" | ", c.Item1)}] text \"{c.Item2}\"",
        _ => input.ToString()!,
    });

    private static string Escape(string s) => string.Concat(s.Select(ch => ch < 32 || ch > 126 ? $"\\u{(int)ch:X4}" : ch.ToString()));

    private readonly struct CollectingSink : ITermMatchSink
    {
        public CollectingSink(List<TermMatch> matches) => Matches = matches;

        public List<TermMatch> Matches { get; }

        public void OnMatches(ReadOnlySpan<TermMatch> matches)
        {
            foreach (var m in matches)
            {
                Matches.Add(m);
            }
        }
    }
}

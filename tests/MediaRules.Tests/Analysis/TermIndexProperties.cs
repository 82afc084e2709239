using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MediaRules.Documents;
using MediaRules.Matching;
using MediaRules.Text;
using Xunit;

namespace MediaRules.Tests.Analysis;

/// <summary>The linter's shared first-word index changes nothing but speed: every term matcher finds what a full scan finds.</summary>
public class TermIndexProperties
{
    private static readonly string[] Fragments =
    {
        " ", "\n", "the", "Zionist entity", "Kiev", "illegal aliens", "so-called", "militants", "terrorists", "“", "”",
        "Israeli captives", "Palestinian prisoners", "regime", "Assad regime", "passed away", "martyr", "martyrs'", "’s",
        "IOF", "Judea and Samaria", "death tax", "liberated", ".", ",", "genocide", "ethnic cleansing", "chicken Kiev",
    };

    [Property(MaxTest = 200)]
    public Property Indexed_matches_equal_a_full_scan() =>
        Prop.ForAll(Gen.ArrayOf(Gen.Elements(Fragments)).Select(parts => string.Join(" ", parts)).ToArbitrary(), text =>
        {
            var linter = TestSupport.Default;
            var document = DocumentModel.Create(SourceText.From(text));
            var candidates = linter.TermIndex.For(document);
            var matchers = linter.CompiledRules.Select(r => r.Rule).OfType<ITermMatchingRule>().Select(r => r.Matcher).ToList();
            return matchers.Count > 10 && matchers.All(m =>
                m.Matches(document, false, null, null).SequenceEqual(m.Matches(document, false, candidates.Of(m)?.Starts, candidates.Of(m)?.Nodes))
                && m.Matches(document, true, null, null).SequenceEqual(m.Matches(document, true, candidates.Of(m)?.Starts, candidates.Of(m)?.Nodes)));
        });
}

/// <summary>
/// The index's pruning (a candidate is kept only when a term ends at its first word or the next word may follow) and
/// its hash-first lookups, over vocabularies whose first words are the text's own frequent words, as in a large
/// imported dictionary: still exactly the full scan's matches.
/// </summary>
public class TermIndexPruningProperties
{
    private static readonly string[] Words = { "the", "of", "aid", "Aid", "aid’s", "aids", "talks", "peace", "zone", "buffer", "it's" };

    private static readonly Gen<string> Phrase =
        Gen.Choose(1, 3).SelectMany(n => Gen.ArrayOf(Gen.Elements(Words), n)).Select(words => string.Join(" ", words));

    [Property(MaxTest = 300)]
    public Property Pruned_candidates_find_what_a_full_scan_finds() =>
        Prop.ForAll(
            Gen.NonEmptyListOf(Phrase).Select(list => list.Distinct(System.StringComparer.OrdinalIgnoreCase).Take(12).ToArray()).ToArbitrary(),
            Gen.ArrayOf(Gen.Elements(Words.Concat(new[] { " ", ".", "\n\n", ",", "“" }).ToArray())).Select(parts => string.Join(" ", parts)).ToArbitrary(),
            (terms, text) =>
            {
                var yaml = "pack: p\nrules:\n"
                    + string.Concat(terms.Select((t, i) => $"  - id: MR2{900 + i}\n    title: t\n    kind: term\n    severity: warning\n    message: \"{{match}}\"\n    help: https://example.org\n    terms: [\"{t}\"]\n"))
                    + "  - id: MR2999\n    title: t\n    kind: term\n    severity: warning\n    message: \"{match}\"\n    help: https://example.org\n    case-sensitive: true\n    terms: [" + string.Join(", ", terms.Select(t => $"\"{t}\"")) + "]\n";
                var linter = new MediaRules.Analysis.LinterBuilder().AddRules(yaml, "generated.yaml").Build();
                var document = DocumentModel.Create(SourceText.From(text));
                var candidates = linter.TermIndex.For(document);
                var matchers = linter.CompiledRules.Select(r => r.Rule).OfType<ITermMatchingRule>().Select(r => r.Matcher).ToList();
                return matchers.All(m =>
                    m.Matches(document, false, null, null).SequenceEqual(m.Matches(document, false, candidates.Of(m)?.Starts, candidates.Of(m)?.Nodes))
                    && m.Matches(document, true, null, null).SequenceEqual(m.Matches(document, true, candidates.Of(m)?.Starts, candidates.Of(m)?.Nodes)));
            });

    [Property(MaxTest = 200)]
    public Property Word_table_lookup_filter_and_signature_agree_with_a_plain_search() =>
        Prop.ForAll(Gen.ArrayOf(Gen.Elements(Words.Concat(new[] { "x", "y", "zz", "Aids" }).ToArray())).ToArbitrary(), Gen.Elements(Words.Concat(new[] { "q", "AID" }).ToArray()).ToArbitrary(), (keys, probe) =>
        {
            var table = new WordTable<int>(keys.Select((k, i) => new System.Collections.Generic.KeyValuePair<string, int>(k, i)));
            var hash = TokenText.GetNormalizedHashCode(probe.AsSpan());
            var expected = keys.Any(k => TokenText.Normalize(k.AsSpan()) == TokenText.Normalize(probe.AsSpan()));
            var found = table.TryGetValue(probe.AsSpan(), out _);
            var signatureAllows = (table.Signature & WordTable<int>.SignatureBit(hash)) != 0;
            return found == expected && (!found || (table.MayContain(hash) && signatureAllows));
        });
}

/// <summary>
/// Two first words with one hash, or a text word with a first word's hash: the index tells them apart by their
/// characters, where it lists a token by its hash alone the matcher compares the first word of each match, and the
/// matches are exactly a full scan's.
/// </summary>
public class TermIndexCollisionTests
{
    // Two words whose matching forms have the same hash (found by search; the assertion below keeps them honest).
    private const string Word = "pxaaaa";
    private const string Twin = "tiqeaa";

    [Fact]
    public void The_two_words_have_one_hash() =>
        Assert.Equal(TokenText.GetNormalizedHashCode(Word.AsSpan()), TokenText.GetNormalizedHashCode(Twin.AsSpan()));

    [Theory]
    [InlineData(new[] { Word, Word + " talks" }, new[] { "pxaaaa talks", "pxaaaa" })]
    [InlineData(new[] { Word + " talks" }, new[] { "pxaaaa talks" })]
    [InlineData(new[] { Word, Twin + " talks" }, new[] { "tiqeaa talks", "pxaaaa", "pxaaaa" })]
    [InlineData(new[] { Twin }, new[] { "tiqeaa", "tiqeaa" })]
    public void A_word_with_a_first_words_hash_is_matched_by_its_characters(string[] terms, string[] expected)
    {
        const string text = "Tiqeaa talks began. Pxaaaa talks ended, and pxaaaa said so; tiqeaa.";
        var yaml = "pack: p\nrules:\n  - id: MR2900\n    title: t\n    kind: term\n    severity: warning\n    message: \"{match}\"\n"
            + "    help: https://example.org\n    terms: [" + string.Join(", ", terms.Select(t => $"\"{t}\"")) + "]\n";
        var linter = new MediaRules.Analysis.LinterBuilder().AddRules(yaml, "generated.yaml").Build();
        var document = DocumentModel.Create(SourceText.From(text));
        var matcher = linter.CompiledRules.Select(r => r.Rule).OfType<ITermMatchingRule>().Single().Matcher;
        var candidates = linter.TermIndex.For(document).Of(matcher);

        var indexed = matcher.Matches(document, false, candidates?.Starts, candidates?.Nodes).ToList();

        Assert.Equal(matcher.Matches(document, false, null, null), indexed);
        Assert.Equal(expected, indexed.Select(m => text.Substring(m.Span.Start, m.Span.Length).ToLowerInvariant()));
    }
}

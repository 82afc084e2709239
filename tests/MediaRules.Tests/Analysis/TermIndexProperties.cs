using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MediaRules.Documents;
using MediaRules.Matching;
using MediaRules.Text;

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

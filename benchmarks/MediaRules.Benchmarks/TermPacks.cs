using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using MediaRules.Loading;
using YamlDotNet.RepresentationModel;

namespace MediaRules.Benchmarks;

/// <summary>
/// Realistic term lists of any size for the scaling benchmarks and the textlint comparison, the same for the same size
/// (a smaller list is a prefix of a larger one). Every run of eight terms mixes: a term of the default packs' vocabulary
/// ("reportedly", "Zionist regime", "passed away"; while they last, then a made-up word), three made-up words
/// ("brantel", "quoster"), a made-up hyphenated compound, and three phrases of two or three words that begin or end
/// with a word of the news corpus ("officials drenmar", "vostal ceasefire", "the talks brinto"). So the news corpus
/// holds the pack terms and countless candidate first words, as a large style dictionary's would, but the made-up
/// entries themselves seldom match.
/// </summary>
public static class TermPacks
{
    private static readonly string[] Onsets = { "b", "br", "c", "ch", "d", "dr", "f", "g", "gr", "h", "j", "k", "l", "m", "n", "p", "pr", "qu", "r", "s", "sh", "st", "t", "tr", "v", "w", "z" };
    private static readonly string[] Vowels = { "a", "e", "i", "o", "u", "ai", "ea", "ou", "y" };
    private static readonly string[] Codas = { string.Empty, string.Empty, "n", "r", "s", "t", "l", "nd", "st", "m", "x" };

    private static readonly Lazy<string[]> PackVocabulary = new(LoadPackVocabulary);
    private static readonly Lazy<string[]> CorpusWords = new(LoadCorpusWords);

    /// <summary>Every term of the default packs' term rules (distinct, case-insensitively).</summary>
    public static IReadOnlyList<string> DefaultPackTerms => PackVocabulary.Value;

    /// <summary>The first <paramref name="count"/> terms of the generated list (distinct, case-insensitively).</summary>
    /// <param name="count">How many.</param>
    /// <returns>The terms.</returns>
    public static IReadOnlyList<string> Generate(int count)
    {
        var random = new Random(9_2026);
        var pack = PackVocabulary.Value;
        var corpus = CorpusWords.Value;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var terms = new List<string>(count);
        var packIndex = 0;
        while (terms.Count < count)
        {
            var slot = terms.Count % 8;
            var term = slot switch
            {
                0 when packIndex < pack.Length => pack[packIndex++],
                0 or 1 or 3 or 7 => Word(random),
                2 => corpus[random.Next(corpus.Length)] + " " + Word(random),
                4 => Word(random) + " " + corpus[random.Next(corpus.Length)],
                5 => Word(random) + "-" + Word(random),
                _ => corpus[random.Next(corpus.Length)] + " " + corpus[random.Next(corpus.Length)] + " " + Word(random),
            };
            if (seen.Add(term))
            {
                terms.Add(term);
            }
        }

        return terms;
    }

    /// <summary>A rule pack with one <c>kind: term</c> rule holding the terms.</summary>
    /// <param name="terms">The terms.</param>
    /// <returns>The pack's YAML.</returns>
    public static string ToRulePack(IReadOnlyList<string> terms)
    {
        var yaml = new StringBuilder();
        yaml.Append("pack: generated\nrules:\n  - id: MR2900\n    title: Generated terms\n    kind: term\n    severity: warning\n")
            .Append("    message: \"'{match}' is in the generated pack.\"\n    terms:\n");
        foreach (var term in terms)
        {
            yaml.Append("      - ").Append(Quote(term)).Append('\n');
        }

        return yaml.ToString();
    }

    /// <summary>
    /// A prh dictionary (textlint-rule-prh): the terms in rules of <paramref name="patternsPerRule"/> patterns each, each
    /// rule's expected form its first pattern in upper case. Hyphens become spaces: prh escapes a pattern's '-' as '\-',
    /// which JavaScript rejects in a regular expression with the u flag, and the dictionary would not load.
    /// </summary>
    /// <param name="terms">The terms.</param>
    /// <param name="patternsPerRule">How many terms each rule holds (1: a rule per term).</param>
    /// <returns>The dictionary's YAML.</returns>
    public static string ToPrhDictionary(IReadOnlyList<string> terms, int patternsPerRule = 1)
    {
        terms = terms.Select(t => t.Replace('-', ' ')).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var yaml = new StringBuilder("version: 1\nrules:\n");
        for (var i = 0; i < terms.Count; i += patternsPerRule)
        {
            var upper = terms[i].ToUpperInvariant();
            var expected = string.Equals(upper, terms[i], StringComparison.Ordinal) ? terms[i] + "!" : upper;
            yaml.Append("  - expected: ").Append(Quote(expected)).Append('\n');
            if (patternsPerRule == 1)
            {
                yaml.Append("    pattern: ").Append(Quote(terms[i])).Append('\n');
                continue;
            }

            yaml.Append("    patterns:\n");
            for (var j = i; j < Math.Min(terms.Count, i + patternsPerRule); j++)
            {
                yaml.Append("      - ").Append(Quote(terms[j])).Append('\n');
            }
        }

        return yaml.ToString();
    }

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string Word(Random random)
    {
        var syllables = 2 + random.Next(2);
        var word = new StringBuilder();
        for (var i = 0; i < syllables; i++)
        {
            word.Append(Onsets[random.Next(Onsets.Length)]).Append(Vowels[random.Next(Vowels.Length)]);
            if (i + 1 == syllables || random.Next(3) == 0)
            {
                word.Append(Codas[random.Next(Codas.Length)]);
            }
        }

        return word.ToString();
    }

    // Every term of the default packs' term rules, in pack order.
    private static string[] LoadPackVocabulary()
    {
        var terms = new List<string>();
        foreach (var (_, yaml) in DefaultRulePacks.Load())
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            var root = (YamlMappingNode)stream.Documents[0].RootNode;
            foreach (var rule in ((YamlSequenceNode)root.Children[new YamlScalarNode("rules")]).Children.OfType<YamlMappingNode>())
            {
                if (!rule.Children.TryGetValue(new YamlScalarNode("terms"), out var list) || list is not YamlSequenceNode sequence)
                {
                    continue;
                }

                foreach (var item in sequence.Children)
                {
                    var text = item switch
                    {
                        YamlScalarNode scalar => scalar.Value,
                        YamlMappingNode map when map.Children.TryGetValue(new YamlScalarNode("term"), out var t) => ((YamlScalarNode)t).Value,
                        _ => null,
                    };
                    if (!string.IsNullOrWhiteSpace(text))
                    {
                        terms.Add(text);
                    }
                }
            }
        }

        return terms.Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
    }

    // The distinct words of the news corpus's sources, lower-cased, in order of first appearance.
    private static string[] LoadCorpusWords() =>
        Regex.Matches(NewsCorpus.BuildVaried(256 * 1024), @"\p{L}[\p{L}']*")
            .Select(m => m.Value.ToLower(CultureInfo.InvariantCulture))
            .Where(w => w.Length >= 3)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MediaRules.Analysis;
using MediaRules.Diagnostics;
using MediaRules.Documents;
using MediaRules.Rules;
using MediaRules.Rules.Kinds;
using MediaRules.Text;
using Xunit;

namespace MediaRules.Tests.Rules;

/// <summary>
/// The shortcuts of the name-consistency and acronym collects: lower-case words found again by the token's stem hash
/// (then compared by characters), and position lookups that start from the last answer, must give what the plain
/// algorithms give on any text.
/// </summary>
public class NameAndAcronymCollectTests
{
    // Words that differ only in case, possessives and apostrophe look-alikes (one stem hash, other characters), a soft
    // hyphen (left out of the hash, kept in the word), non-ASCII letters whose cases fold unusually, sentence breaks.
    private static readonly string[] Fragments =
    {
        " ", " ", " ", " ", "\n", "\n\n", ". ", ": ", "“", "”", ",", "the", "The", "tHe", "THE", "officials", "Officials", "officials'",
        "officials's", "officials’s", "offi\u00ADcials", "Halevi", "Halevy", "Halevi's", "Herzi", "Kyiv", "Kiev", "kiev", "ſtate",
        "state", "İstanbul", "istanbul", "straße", "STRASSE", "élan", "Élan", "ÉLAN", "IDF", "(IDF)", "U.N.", "NGOs", "Israel Defense Forces",
    };

    private static Arbitrary<string> Texts() =>
        Gen.ArrayOf(Gen.Elements(Fragments)).Select(parts => string.Concat(parts)).ToArbitrary();

    private static Linter Linter => TestSupport.Default;

    [Property(MaxTest = 500)]
    public Property Lower_case_words_are_those_of_a_plain_pass_in_the_same_order() =>
        Prop.ForAll(Texts(), Gen.Choose(0, 1000).ToArbitrary(), (text, cut) =>
        {
            var document = DocumentModel.Create(SourceText.From(text));
            var at = text.Length == 0 ? 0 : cut % (text.Length + 1);
            var expected = new List<string>();
            var actual = new List<string>();
            foreach (var range in new[] { new TextSpan(0, text.Length), TextSpan.FromBounds(0, at), TextSpan.FromBounds(at, text.Length) })
            {
                expected.AddRange(PlainLowerCaseWords(document, range));
                actual.AddRange(Collect(document, "MR3001", range).LowerCaseWords);
            }

            return expected.SequenceEqual(actual, StringComparer.Ordinal)
                .Label($"text: {text}\nexpected: {string.Join("|", expected)}\nactual: {string.Join("|", actual)}");
        });

    [Property(MaxTest = 300)]
    public Property Lookups_from_the_last_answer_find_what_a_binary_search_finds() =>
        Prop.ForAll(Texts(), Gen.ListOf(Gen.Choose(-5, 40)).ToArbitrary(), (text, steps) =>
        {
            var document = DocumentModel.Create(SourceText.From(text));
            int voiceHint = 0, sentenceHint = 0, position = 0;
            foreach (var step in steps)
            {
                // Mostly forward, sometimes back, sometimes past the end.
                position = Math.Max(0, Math.Min(text.Length + 1, position + step));
                if (!document.GetVoiceSpan(position, ref voiceHint).Equals(document.GetVoiceSpan(position))
                    || !ReferenceEquals(document.GetSentence(position, ref sentenceHint), document.GetSentence(position)))
                {
                    return false.Label($"position {position} in: {text}");
                }
            }

            return true.ToProperty();
        });

    [Fact]
    public void Words_equal_but_for_case_are_one_lower_case_word_written_as_first_seen()
    {
        var document = DocumentModel.Create(SourceText.From("He saw tHe officials. the officials's car and THE officials’s."));
        var words = Collect(document, "MR3001", new TextSpan(0, document.Text.Length)).LowerCaseWords.ToList();
        Assert.Equal(new[] { "saw", "tHe", "officials", "officials's", "car", "and", "officials’s" }, words);
    }

    [Fact]
    public void Facts_of_one_stretch_collected_twice_are_equal_and_name_the_same_strings()
    {
        const string Text = "Army chief Herzi Halevi said. Halevy's aides agreed. Militants met militants in Kyiv and Kiev.";
        var document = DocumentModel.Create(SourceText.From(Text));
        var range = new TextSpan(0, Text.Length);
        var a = Collect(document, "MR3001", range);
        var b = Collect(document, "MR3001", range);
        Assert.True(a.Equals(b));
        var keys = Enumerable.Range(0, a.Names.Length).Select(i => a.Strings[a.Names[i].Key]).ToList();
        Assert.Equal(new[] { "Army", "Herzi", "Halevi", "Halevy", "Militants", "Kyiv", "Kiev" }, keys);
        Assert.Equal("Militants", a.ConditionalWordOf(a.Names[4]));
        Assert.Null(a.ConditionalWordOf(a.Names[5]));
        Assert.Equal("Halevy's", a.ConditionalWordOf(a.Names[3])); // the whole word opens the sentence, the key drops the 's
        Assert.Equal("Herzi Halevi", a.PairMatchOf(a.Names[1]));
    }

    // The acronym collect skips a word on its first two characters: it must skip no word Key would take.
    [Property(MaxTest = 2000)]
    public Property A_word_the_first_characters_rule_out_is_no_acronym() =>
        Prop.ForAll(Gen.ArrayOf(Gen.Elements('A', 'B', 'I', 'V', 'X', 's', 'a', 'z', '.', '1', 'É', 'é', 'ß', '-', '\'')).Select(c => new string(c)).ToArbitrary(), word =>
            (AcronymRuleKind.MayBeAcronym(word.AsSpan()) || AcronymRuleKind.Key(word.AsSpan()) is null).Label(word));

    [Fact]
    public void Dotted_and_plural_acronyms_are_still_found()
    {
        var diagnostics = Linter.Analyze(SourceText.From("The ICJs ruled. Later the I.C.J. met the IPC. The IPC (Integrated Phase Classification) said so.")).Diagnostics
            .Where(d => d.Id == "MR3002").Select(d => d.Message).ToList();
        Assert.Equal(2, diagnostics.Count);
        Assert.Contains("ICJs", diagnostics[0], StringComparison.Ordinal);
        Assert.Contains("IPC", diagnostics[1], StringComparison.Ordinal);
    }

    // A stretch's names are copied into chunks: of 2048 when combined at once, of 4096 (large objects) when kept while
    // other stretches are analysed. Either way the list reads back what was given, by index, by chunk and in order.
    [Theory]
    [InlineData(0, false)]
    [InlineData(1, false)]
    [InlineData(2048, false)]
    [InlineData(2049, false)]
    [InlineData(9000, false)]
    [InlineData(4095, true)]
    [InlineData(4096, true)]
    [InlineData(4097, true)]
    [InlineData(9000, true)]
    public void A_name_list_reads_back_its_names_whatever_its_chunks(int count, bool kept)
    {
        var names = Enumerable.Range(0, count + 3)
            .Select(i => new Name(i, new TextSpan(i, 3), i * 2, -1, DiagnosticSeverity.Warning, i, null, -1))
            .ToArray();
        var list = new NameList(names, count, kept);
        Assert.Equal(count, list.Length);
        var chunk = kept ? 4096 : 2048;
        Assert.Equal((count + chunk - 1) / chunk, list.ChunkCount);
        Assert.All(Enumerable.Range(0, list.ChunkCount), c => Assert.True(list.Chunk(c).Length <= chunk));
        var byChunk = Enumerable.Range(0, list.ChunkCount).SelectMany(c => list.Chunk(c).ToArray()).Select(n => n.Key).ToList();
        var byIndex = Enumerable.Range(0, count).Select(i => list[i].Key).ToList();
        var inOrder = new List<int>();
        foreach (var name in list)
        {
            inOrder.Add(name.Key);
        }

        var expected = Enumerable.Range(0, count).ToList();
        Assert.Equal(expected, byChunk);
        Assert.Equal(expected, byIndex);
        Assert.Equal(expected, inOrder);
    }

    // A whole-document analysis combines its names once: they stay in the collector's pooled array, borrowed, and read
    // back as a list that copied them would.
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2049)]
    [InlineData(9000)]
    public void A_borrowed_name_list_reads_back_its_names_and_not_the_rest_of_its_array(int count)
    {
        var pooled = System.Buffers.ArrayPool<Name>.Shared.Rent(count + 3);
        for (var i = 0; i < pooled.Length; i++)
        {
            pooled[i] = new Name(i, new TextSpan(i, 3), i * 2, -1, DiagnosticSeverity.Warning, i, null, -1);
        }

        var list = NameList.Borrow(pooled, count);
        Assert.True(list.IsBorrowed);
        Assert.Equal(count, list.Length);
        Assert.Equal(count == 0 ? 0 : 1, list.ChunkCount);
        var expected = Enumerable.Range(0, count).ToList();
        Assert.Equal(expected, Enumerable.Range(0, list.ChunkCount).SelectMany(c => list.Chunk(c).ToArray()).Select(n => n.Key));
        Assert.Equal(expected, Enumerable.Range(0, count).Select(i => list[i].Key));
        var inOrder = new List<int>();
        foreach (var name in list)
        {
            inOrder.Add(name.Key);
        }

        Assert.Equal(expected, inOrder);
        list.Return();
        list.Return(); // once only
    }

    // The whole path and a stretch's own facts borrow (a context whose facts are dropped once combined); a session's
    // facts, and a stretch's edges, own their names.
    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void Names_are_borrowed_only_for_facts_combined_at_once(bool transient, bool borrowed)
    {
        var document = DocumentModel.Create(SourceText.From("Army chief Herzi Halevi met Halevy. Officials said Blinken left."));
        var rule = Linter.CompiledRules.First(r => r.Definition.Id == "MR3001");
        var context = new RuleContext(document, null, rule.Rule.Descriptor, rule.Scope, new List<Diagnostic>(), default, Linter.TermIndex.For(document)) { FactsAreTransient = transient };
        var facts = (NameFacts)((IDocumentRule)rule.Rule).Collect(context, new TextSpan(0, document.Text.Length));
        Assert.Equal(borrowed, facts.Names.IsBorrowed);
        Assert.Equal(new[] { "Army", "Herzi", "Halevi", "Halevy", "Blinken" }, facts.Names.Chunk(0).ToArray().Select(n => facts.Strings[n.Key]));
        facts.Release();
    }

    // A long text analysed stretch by stretch keeps each stretch's names (borrowed until the combine), and finds what
    // one model finds.
    [Fact]
    public void Names_kept_in_large_chunks_give_the_findings_of_one_model()
    {
        var corpus = string.Join("\n\n", Enumerable.Range(0, 10000).Select(i =>
            $"Army chief Herzi Halevi{(i % 97 == 0 ? "y" : "i")} met Mr Kyiv{i % 5} in Gaza. Officials said Halevi visited Rafah and Khan Younis."));
        var text = SourceText.From(corpus);
        var whole = Linter.AnalyzeWhole(text, null).Diagnostics.Where(d => d.Id == "MR3001").Select(d => (d.Location.SourceSpan, d.Message)).ToList();
        var stretches = Linter.AnalyzeInStretches(text, null, 1 << 18, 1).Diagnostics.Where(d => d.Id == "MR3001").Select(d => (d.Location.SourceSpan, d.Message)).ToList();
        Assert.NotEmpty(whole);
        Assert.Equal(whole, stretches);
    }

    // A long text's stretches are combined once, each name asking every stretch's own lower-case words: a sentence that
    // opens with "Halevy" in the first stretch is no name when the last stretch writes "halevy" in lower case, and is
    // one (a variant of "Halevi") when no stretch does.
    [Theory]
    [InlineData(true, 0)]
    [InlineData(false, 2)] // each spelling's first use, naming the other
    public void A_lower_case_word_in_another_stretch_unmakes_a_sentence_opener(bool lowerCaseLater, int findings)
    {
        var builder = new StringBuilder("Army chief Herzi Halevi met the envoys.\n\nHalevy arrived later that day.\n\n");
        while (builder.Length < 60_000)
        {
            builder.Append("The council met on Tuesday and the talks went on into the night, officials said.\n\n");
        }

        builder.Append(lowerCaseLater ? "The menu listed a halevy of lamb.\n" : "The menu listed a stew of lamb.\n");
        var text = SourceText.From(builder.ToString());
        var statistics = new StretchStatistics();
        var stretches = StretchAnalysis.Analyze(Linter, text, null, 8_000, 1, default, StretchAnalysis.DefaultContext, statistics);

        Assert.NotNull(stretches);
        Assert.True(statistics.Stretches > 5, $"{statistics.Stretches} stretches");
        var whole = Linter.AnalyzeWhole(text, null).Diagnostics.Where(d => d.Id == "MR3001").Select(d => (d.Location.SourceSpan, d.Message)).ToList();
        Assert.Equal(findings, whole.Count(d => d.Message.Contains("Halevy", StringComparison.Ordinal)));
        Assert.Equal(whole, stretches!.Where(d => d.Id == "MR3001").Select(d => (d.Location.SourceSpan, d.Message)).ToList());
    }

    private static NameFacts Collect(DocumentModel document, string id, TextSpan range)
    {
        var rule = Linter.CompiledRules.First(r => r.Definition.Id == id);
        var context = new RuleContext(document, null, rule.Rule.Descriptor, rule.Scope, new List<Diagnostic>(), default, Linter.TermIndex.For(document));
        return (NameFacts)((IDocumentRule)rule.Rule).Collect(context, range);
    }

    // The set as the rule first built it: every word of the stretch that starts in lower case, ignoring case.
    private static List<string> PlainLowerCaseWords(DocumentModel document, TextSpan range)
    {
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var ordered = new List<string>();
        foreach (var token in document.Tokens)
        {
            if (token.Span.Start >= range.Start && token.Span.Start < range.End && token.Kind == TokenKind.Word
                && char.IsLower(document.Text[token.Span.Start]) && words.Add(document.GetText(token.Span)))
            {
                ordered.Add(document.GetText(token.Span));
            }
        }

        return ordered;
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using MediaRules.Matching;
using Xunit;

namespace MediaRules.Tests.Matching;

/// <summary>Examples of the multi-term matcher's semantics, on both engines.</summary>
public class MultiTermMatcherTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_term_is_found_on_word_boundaries_only(bool searchValues)
    {
        var engine = searchValues ? MatcherEngine.SearchValues : MatcherEngine.Portable;
        var found = Find(engine, "The war toward warfare, a war-torn city; (war) WAR.", "war");
        Assert.Equal(new[] { "war", "war", "WAR" }, found);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Case_and_apostrophes_are_folded(bool searchValues)
    {
        var engine = searchValues ? MatcherEngine.SearchValues : MatcherEngine.Portable;
        Assert.Equal(new[] { "DON’T", "don't", "Donʼt" }, Find(engine, "DON’T stop, don't, Donʼt", "don't"));
        Assert.Equal(new[] { "KIEV", "kiev" }, Find(engine, "KIEV kiev Kyiv", "Kiev"));
        Assert.Equal(new[] { "École", "ÉCOLE" }, Find(engine, "École ÉCOLE ecole", "école"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_Kelvin_sign_folds_to_k_but_long_s_does_not_fold_to_s(bool searchValues)
    {
        var engine = searchValues ? MatcherEngine.SearchValues : MatcherEngine.Portable;
        // ToLowerInvariant folds U+212A to k; OrdinalIgnoreCase does not equate them (and equates ſ with s instead).
        Assert.Equal(new[] { "\u212Aiev" }, Find(engine, "\u212Aiev", "kiev"));
        Assert.Empty(Find(engine, "\u017Fays", "says"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Possessives_are_read_through_and_included(bool searchValues)
    {
        var engine = searchValues ? MatcherEngine.SearchValues : MatcherEngine.Portable;
        Assert.Equal(new[] { "Israel’s", "Israel's", "ISRAEL" }, Find(engine, "Israel’s army, Israel's, ISRAEL, Israeli", "Israel"));
        Assert.Equal(new[] { "Israel’s", "Israel" }, Find(engine, "Israel’s Israel", "Israel's"));
        Assert.Equal(new[] { "Palestinians" }, Find(engine, "the Palestinians' land", "Palestinians'"));
        var literal = MultiTermMatcher.Create(new[] { ("Israel", 0) }, new MultiTermMatcherOptions { Possessives = false, Engine = engine });
        Assert.Single(literal.FindAll("Israel’s Israel"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Phrase_words_are_separated_by_any_run_of_spaces_but_not_a_paragraph_break(bool searchValues)
    {
        var engine = searchValues ? MatcherEngine.SearchValues : MatcherEngine.Portable;
        var text = "Zionist regime; Zionist \u00AD  regime; Zionist\tregime; Zionist\nregime; Zionistregime; Zionist\u2028regime";
        Assert.Equal(new[] { "Zionist regime", "Zionist \u00AD  regime", "Zionist\tregime", "Zionist\u2028regime" }, Find(engine, text, "Zionist regime"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Soft_hyphens_are_invisible_inside_words(bool searchValues)
    {
        var engine = searchValues ? MatcherEngine.SearchValues : MatcherEngine.Portable;
        Assert.Equal(new[] { "re\u00ADgime", "regime" }, Find(engine, "re\u00ADgime \u00ADregime regime\u00ADs", "regime"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Terms_with_punctuation_match_where_their_edges_fall_between_units(bool searchValues)
    {
        var engine = searchValues ? MatcherEngine.SearchValues : MatcherEngine.Portable;
        Assert.Equal(new[] { "U.S.", "U.S." }, Find(engine, "U.S.-led talks; the U.S. said; US", "U.S."));
        Assert.Equal(new[] { "(IOF)" }, Find(engine, "forces (IOF) said", "(IOF)"));
        Assert.Equal(new[] { "9/11" }, Find(engine, "after 9/11, 19/11", "9/11"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Terms_at_the_start_and_end_of_the_text_and_glued_to_punctuation(bool searchValues)
    {
        var engine = searchValues ? MatcherEngine.SearchValues : MatcherEngine.Portable;
        Assert.Equal(new[] { "genocide", "genocide", "genocide" }, Find(engine, "genocide,“genocide”.genocide", "genocide"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Every_term_at_a_position_is_reported_longest_first(bool searchValues)
    {
        var engine = searchValues ? MatcherEngine.SearchValues : MatcherEngine.Portable;
        var matcher = MultiTermMatcher.Create(new[] { ("sources", 0), ("sources familiar with", 1), ("sources familiar", 2), ("familiar", 3) }, new MultiTermMatcherOptions { Engine = engine });
        var text = "sources familiar with the talks";
        var sink = new GroupingSink(new List<TermMatch[]>());
        matcher.Scan(text.AsSpan(), ref sink);
        Assert.Equal(2, sink.Positions.Count);
        Assert.Equal(new[] { 1, 2, 0 }, sink.Positions[0].Select(m => m.TermIndex));
        Assert.Equal(new[] { 21, 16, 7 }, sink.Positions[0].Select(m => m.End));
        Assert.Equal(new[] { 3 }, sink.Positions[1].Select(m => m.TermIndex));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Leftmost_longest_is_chosen_per_group(bool searchValues)
    {
        var engine = searchValues ? MatcherEngine.SearchValues : MatcherEngine.Portable;
        // Ids 0 and 1 are one rule (group 0), id 2 another (group 1).
        var matcher = MultiTermMatcher.Create(new[] { ("sources familiar", 0), ("familiar with", 1), ("familiar", 2) }, new MultiTermMatcherOptions { Engine = engine });
        var chosen = matcher.FindLeftmostLongest("sources familiar with it", 2, new[] { 0, 0, 1 });
        Assert.Equal(new[] { (0, 16, 0), (8, 16, 2) }, chosen.Select(m => (m.Start, m.End, m.Id)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_range_scan_judges_boundaries_on_the_whole_text(bool searchValues)
    {
        var engine = searchValues ? MatcherEngine.SearchValues : MatcherEngine.Portable;
        var matcher = MultiTermMatcher.Create(new[] { ("war", 0) }, new MultiTermMatcherOptions { Engine = engine });
        var text = "towar war";
        var sink = new GroupingSink(new List<TermMatch[]>());
        matcher.Scan(text.AsSpan(), 2, text.Length, ref sink);
        Assert.Equal(new[] { 6 }, sink.Positions.Select(p => p[0].Start));
    }

    [Fact]
    public void The_engine_is_chosen_by_what_SearchValues_can_vectorize()
    {
        Assert.Equal(MatcherEngine.SearchValues, MultiTermMatcher.Create(new[] { ("reportedly", 0) }).Engine);
        var many = Enumerable.Range(0, 100).Select(i => ($"term{i}", i));
        Assert.Equal(MatcherEngine.Portable, MultiTermMatcher.Create(many).Engine);
        Assert.Equal(MatcherEngine.SearchValues, MultiTermMatcher.Create(many, new MultiTermMatcherOptions { Engine = MatcherEngine.SearchValues }).Engine);
        Assert.Equal(MatcherEngine.Portable, MultiTermMatcher.Create(new[] { ("x", 0) }, new MultiTermMatcherOptions { Engine = MatcherEngine.Portable }).Engine);
    }

    [Fact]
    public void A_term_without_words_is_rejected()
    {
        var builder = new MultiTermMatcherBuilder();
        Assert.Equal(-1, builder.Add(" \u00AD ", 0));
        Assert.Equal(0, builder.Add("a", 7));
        var matcher = builder.Build();
        Assert.Equal(7, matcher.GetId(0));
        Assert.Equal("a", matcher.GetTerm(0));
        Assert.Equal(1, matcher.TermCount);
    }

    [Fact]
    public void Ten_thousand_terms_scan_without_allocating_per_match()
    {
        var terms = Enumerable.Range(0, 10_000).Select(i => ($"w{i} x{i % 10}", i)).Append(("said", -1)).ToList();
        var matcher = MultiTermMatcher.Create(terms);
        var text = string.Concat(Enumerable.Repeat("Officials said w17 x7 and w42 x2, the minister said. ", 2_000));
        var sink = new CountingSink();
        matcher.Scan(text.AsSpan(), ref sink);
        var before = GC.GetAllocatedBytesForCurrentThread();
        sink = new CountingSink();
        matcher.Scan(text.AsSpan(), ref sink);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(8_000, sink.Count);
        Assert.Equal(0, allocated);
    }

    private static List<string> Find(MatcherEngine engine, string text, params string[] terms)
    {
        var matcher = MultiTermMatcher.Create(terms.Select((t, i) => (t, i)), new MultiTermMatcherOptions { Engine = engine });
        Assert.Equal(engine, matcher.Engine);
        return matcher.FindAll(text).Select(m => text[m.Start..m.End]).ToList();
    }

    private struct CountingSink : ITermMatchSink
    {
        public int Count;

        public void OnMatches(ReadOnlySpan<TermMatch> matches) => Count += matches.Length;
    }

    private readonly struct GroupingSink : ITermMatchSink
    {
        public GroupingSink(List<TermMatch[]> positions) => Positions = positions;

        public List<TermMatch[]> Positions { get; }

        public void OnMatches(ReadOnlySpan<TermMatch> matches) => Positions.Add(matches.ToArray());
    }
}

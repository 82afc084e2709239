using System;
using System.Diagnostics;
using System.Linq;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MediaRules.Documents;
using MediaRules.Text;
using Xunit;

namespace MediaRules.Tests.Documents;

/// <summary>Invariants of the document model on any text, and its cost on large inputs.</summary>
public class DocumentModelProperties
{
    private static readonly string[] Fragments =
    {
        " ", " ", " ", "\n", "\r\n", "\n\n", "“", "”", "\"", "'", "‘", "’", "«", "»", "„", ",", ".", ":", "!", "?", "…", "(", ")",
        "Netanyahu said", "said", "told", "added:", "according to", "Reuters", "the ministry", "reportedly", "sources with direct knowledge",
        "some reports suggest", "He", "he explained that", "the word", "Israel's", "Israel’s", "Palestinians'", "don't", "Gen.", "U.S.",
        "a.m.", "J.", "3.5", "18,000", "0500", "resistance", "The", "war", "\U0001F600", "e\u0301", "\U0001D4D0", "שלום", "مرحبا",
        "\uD800", "\uDC00", "\u200D", "\u2028", "\u0085", "\t",
    };

    private static Arbitrary<string> NewsLike() =>
        Gen.ArrayOf(Gen.Elements(Fragments)).Select(parts => string.Concat(parts)).ToArbitrary();

    [Property(MaxTest = 500)]
    public bool Any_string_builds_a_consistent_model(NonNull<string> s) => Consistent(s.Get);

    // Words that start cues (anonymous and vague sources, introducers, reporting verbs), possessives among them.
    private static readonly string[] CueFragments =
    {
        "sources said", "a senior official", "who asked not to be named", "officials'", "official's", "it is believed",
        "people familiar with the matter", "claimed", "insisted", "According", "according to", "Halevi's", "reportedly",
        "critics say", "experts", "residents told", "The army said", "some", "Some", "witnesses", "spokesman",
    };

    // The shortcuts (the tokenizer's for common characters, the cue finder's look at the words the tokenizer marked)
    // change nothing in the model.
    [Property(MaxTest = 1000)]
    public Property The_model_built_with_its_shortcuts_is_the_model_built_without() =>
        Prop.ForAll(Gen.ArrayOf(Gen.Elements(Fragments.Concat(CueFragments).ToArray())).Select(parts => string.Concat(parts)).ToArbitrary(), text =>
        {
            var source = SourceText.From(text);
            var range = new TextSpan(0, text.Length);
            var fast = DocumentTestSupport.Describe(DocumentModelBuilder.Build(source, range, sourcing: true, pooled: false, fastPaths: true));
            var general = DocumentTestSupport.Describe(DocumentModelBuilder.Build(source, range, sourcing: true, pooled: false, fastPaths: false));
            var differs = fast.Zip(general, (a, b) => (a, b)).FirstOrDefault(p => p.a != p.b);
            return (fast.Count == general.Count && differs == default).Label($"text: {text}\nfast: {differs.a}\ngeneral: {differs.b}");
        });

    [Property(MaxTest = 1000)]
    public Property News_like_text_builds_a_consistent_model() => Prop.ForAll(NewsLike(), Consistent);

    [Property(MaxTest = 300)]
    public Property The_first_token_at_or_after_a_position_is_found_from_any_earlier_answer() =>
        Prop.ForAll(NewsLike(), Gen.ArrayOf(Gen.Choose(-2, 400)).ToArbitrary(), (text, positions) =>
        {
            // Questions in any order, near and far from the last answer (which the model starts from when it can).
            var model = DocumentTestSupport.Build(text);
            return positions.All(position =>
            {
                var expected = 0;
                while (expected < model.Tokens.Count && model.Tokens[expected].Span.End <= position)
                {
                    expected++;
                }

                return model.GetFirstTokenIndexAtOrAfter(position) == expected;
            });
        });

    // The model of a text, and the model of its stretch from the second line on (the whole text when it has one line).
    private static DocumentModel[] WholeAndStretch(string text, bool sourcing)
    {
        var source = SourceText.From(text);
        var lineBreak = text.IndexOf('\n');
        var range = lineBreak < 0 ? new TextSpan(0, text.Length) : TextSpan.FromBounds(lineBreak + 1, text.Length);
        return new[] { DocumentModelBuilder.Build(source, sourcing), DocumentModelBuilder.Build(source, range, sourcing, pooled: false) };
    }

    [Property(MaxTest = 500)]
    public Property Two_tokens_share_a_paragraph_unless_a_paragraph_break_stands_between_them() =>
        Prop.ForAll(NewsLike(), text =>
        {
            // Also in the model of a stretch, whose tokens end before the text does.
            return WholeAndStretch(text, sourcing: false).All(model =>
                Enumerable.Range(1, Math.Max(0, model.Tokens.Count - 1)).All(t =>
                {
                    var gap = text.AsSpan(model.Tokens[t - 1].Span.End, model.Tokens[t].Span.Start - model.Tokens[t - 1].Span.End);
                    var broken = false;
                    foreach (var c in gap)
                    {
                        broken |= TextChars.IsParagraphBreak(c);
                    }

                    var same = model.GetParagraph(model.Tokens[t - 1].Span.Start)!.Index == model.GetParagraph(model.Tokens[t].Span.Start)!.Index;
                    return same != broken;
                }));
        });

    [Property(MaxTest = 500)]
    public Property A_quotation_knows_the_tokens_of_its_marks() =>
        Prop.ForAll(NewsLike(), text =>
        {
            // The rules count a quotation's words from the token after its opening mark, as a search from its content's
            // start would find it; also in the model of a stretch.
            return WholeAndStretch(text, sourcing: true).All(model =>
                model.Quotations.All(q =>
                    q.OpeningToken >= 0 && model.Tokens[q.OpeningToken].Span == q.OpeningMark
                    && model.GetFirstTokenIndexAtOrAfter(q.ContentSpan.Start) == q.OpeningToken + 1
                    && model.GetFirstTokenIndexAtOrAfter(q.OpeningMark.Start) == q.OpeningToken
                    && (q.ClosingMark is { } closing
                        ? model.Tokens[q.ClosingToken].Span == closing && model.GetFirstTokenIndexAtOrAfter(q.Span.End) == q.ClosingToken + 1
                        : q.ClosingToken == -1)));
        });

    [Property(MaxTest = 300)]
    public Property Whether_a_position_is_inside_a_quotation_is_answered_from_any_earlier_answer() =>
        Prop.ForAll(NewsLike(), Gen.ArrayOf(Gen.Choose(-2, 400)).ToArbitrary(), (text, positions) =>
        {
            var tokens = new TokenStream(text, Tokenizer.Tokenize(text, out _, out _));
            var quotes = QuotationScanner.Scan(tokens, ParagraphSplitter.Split(SourceText.From(text), tokens));
            var lookup = new QuoteLookup(quotes);
            return positions.All(p => lookup.IsInsideContent(p) == quotes.Any(q => q.Depth == 0 && q.Content.Contains(p)));
        });

    [Fact]
    public void Empty_and_blank_texts_have_no_paragraphs()
    {
        Assert.True(Consistent(string.Empty));
        Assert.True(Consistent(" \n\r\n\t "));
        Assert.Empty(DocumentTestSupport.Build(" \n ").Paragraphs);
    }

    [Fact]
    public void The_seed_is_consistent() => Assert.True(Consistent(DocumentTestSupport.Seed.Text.ToString()));

    [Fact]
    public void A_20_MB_single_line_builds_in_linear_time()
    {
        var seed = DocumentTestSupport.Seed.Text.ToString().Replace('\n', ' ');
        var builder = new StringBuilder(20_000_000 + seed.Length);
        while (builder.Length < 20_000_000)
        {
            builder.Append(seed).Append(' ');
        }

        var text = builder.ToString();
        var watch = Stopwatch.StartNew();
        var model = DocumentModel.Create(SourceText.From(text));
        watch.Stop();
        Assert.Single(model.Paragraphs);
        Assert.True(model.Sentences.Count > 10_000);
        Assert.True(model.Quotations.Count > 10_000);
        Assert.True(watch.Elapsed.TotalSeconds < 60, $"took {watch.Elapsed}");
    }

    [Fact]
    public void A_line_with_no_sentence_end_is_one_sentence_and_stays_linear()
    {
        var text = string.Concat(Enumerable.Repeat("officials said that critics argued “it is said, ", 200_000));
        var watch = Stopwatch.StartNew();
        var model = DocumentModel.Create(SourceText.From(text));
        watch.Stop();
        Assert.Single(model.Sentences);
        Assert.True(watch.Elapsed.TotalSeconds < 30, $"took {watch.Elapsed}");
    }

    private static bool Consistent(string s)
    {
        var text = SourceText.From(s);
        var model = DocumentModel.Create(text);
        var n = text.Length;
        bool Inside(TextSpan span) => span.End <= n;
        bool InsideOrNull(TextSpan? span) => span is null || span.Value.End <= n;

        for (var i = 0; i < model.Tokens.Count; i++)
        {
            var token = model.Tokens[i].Span;
            Check(Inside(token) && !token.IsEmpty, $"token {i} {token}");
            Check(i == 0 || model.Tokens[i - 1].Span.End <= token.Start, $"tokens {i - 1},{i} overlap");
        }

        var sentenceCount = 0;
        for (var p = 0; p < model.Paragraphs.Count; p++)
        {
            var paragraph = model.Paragraphs[p];
            Check(paragraph.Index == p && Inside(paragraph.Span) && !paragraph.Span.IsEmpty, $"paragraph {p}");
            Check(p == 0 || model.Paragraphs[p - 1].Span.End < paragraph.Span.Start, $"paragraphs {p - 1},{p} overlap");
            Check(paragraph.FirstSentence == sentenceCount && paragraph.SentenceCount >= 1, $"paragraph {p} sentences");
            Check(!paragraph.IsHeadline || paragraph.SentenceCount == 1, $"headline {p} has one sentence");
            sentenceCount += paragraph.SentenceCount;
        }

        Check(sentenceCount == model.Sentences.Count, "sentence count");
        for (var i = 0; i < model.Sentences.Count; i++)
        {
            var sentence = model.Sentences[i];
            Check(sentence.Index == i && model.Paragraphs[sentence.ParagraphIndex].Span.Contains(sentence.Span) && !sentence.Span.IsEmpty, $"sentence {i} inside its paragraph");
            Check(i == 0 || model.Sentences[i - 1].Span.End <= sentence.Span.Start, $"sentences {i - 1},{i} overlap");
            Check(InsideOrNull(sentence.Attribution.SourceSpan) && InsideOrNull(sentence.Attribution.CueSpan), $"sentence {i} attribution");
            Check((sentence.Attribution.Kind == SourceKind.None) == (sentence.Attribution.CueSpan is null), $"sentence {i} cue");
        }

        for (var i = 0; i < model.Quotations.Count; i++)
        {
            var q = model.Quotations[i];
            Check(q.Index == i && Inside(q.Span) && q.Span.Contains(q.ContentSpan) && q.Span.Contains(q.OpeningMark), $"quotation {i} spans");
            Check(q.OpeningMark.Start == q.Span.Start && q.OpeningMark.End == q.ContentSpan.Start, $"quotation {i} opening");
            Check(q.ClosingMark is null || (q.ClosingMark.Value.End == q.Span.End && q.ClosingMark.Value.Start == q.ContentSpan.End), $"quotation {i} closing");
            Check(!q.IsMismatched || q.IsClosed, $"quotation {i} mismatched but unclosed");
            Check(i == 0 || model.Quotations[i - 1].OpeningMark.Start < q.OpeningMark.Start, $"quotations {i - 1},{i} order");
            Check(InsideOrNull(q.SpeakerSpan) && (!q.IsMention || q.SpeakerSpan is null), $"quotation {i} speaker");
            var paragraph = model.GetParagraph(q.OpeningMark.Start);
            Check(paragraph is not null && paragraph.Span.Contains(q.Span), $"quotation {i} inside a paragraph");
            if (q.ParentIndex >= 0)
            {
                var parent = model.Quotations[q.ParentIndex];
                Check(q.ParentIndex < i && q.Depth == parent.Depth + 1 && parent.ContentSpan.Contains(q.Span), $"quotation {i} inside its parent");
            }
            else
            {
                Check(q.Depth == 0, $"quotation {i} depth");
            }
        }

        var spans = model.VoiceSpans;
        for (var i = 0; i < spans.Count; i++)
        {
            var v = spans[i];
            Check(Inside(v.Span) && !v.Span.IsEmpty && InsideOrNull(v.SourceSpan), $"voice span {i}");
            Check(i == 0 || spans[i - 1].Span.End <= v.Span.Start, $"voice spans {i - 1},{i} overlap");
            Check((v.QuotationIndex >= 0) == (v.Voice is Voice.DirectQuote or Voice.Mention) && v.QuotationIndex < model.Quotations.Count, $"voice span {i} quotation");
            Check(v.QuotationIndex < 0 || model.Quotations[v.QuotationIndex].ContentSpan.Contains(v.Span), $"voice span {i} inside its quotation");
            Check(model.GetParagraph(v.Span.Start) is { } p && p.Span.Contains(v.Span), $"voice span {i} inside a paragraph");
        }

        foreach (var paragraph in model.Paragraphs)
        {
            var covered = spans.Where(v => paragraph.Span.Contains(v.Span)).Sum(v => v.Span.Length);
            Check(covered == paragraph.Span.Length, $"paragraph {paragraph.Index} covered");
        }

        return true;
    }

    private static void Check(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException(what);
        }
    }
}

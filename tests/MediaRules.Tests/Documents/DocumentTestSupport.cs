using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MediaRules.Documents;
using MediaRules.Text;

namespace MediaRules.Tests.Documents;

/// <summary>Helpers for the document model tests: the seed's model (built once) and ways to find text in it.</summary>
internal static class DocumentTestSupport
{
    private static readonly Lazy<DocumentModel> SeedModelValue = new(() =>
        DocumentModel.Create(SourceText.From(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "000_31195212ecc3b151.txt")))));

    public static DocumentModel Seed => SeedModelValue.Value;

    public static DocumentModel Build(string text) => DocumentModel.Create(SourceText.From(text));

    /// <summary>
    /// Everything a model says of its text, a row per item: tokens with their hashes, paragraphs, sentences and their
    /// sourcing, quotations, voice spans, and token and voice lookups at positions through the text. Positions are
    /// taken from <paramref name="origin"/>, and the lookups cover <paramref name="length"/> characters from it (the
    /// whole text when not given), so that a model of a stretch of a text reads as the model of the stretch alone.
    /// </summary>
    public static List<string> Describe(DocumentModel model, int origin = 0, int? length = null)
    {
        var covered = length ?? model.Text.Length;
        string S(TextSpan span) => new TextSpan(span.Start - origin, span.Length).ToString();
        string N(TextSpan? span) => span is { } s ? S(s) : "-";
        var rows = new List<string> { $"tokens {model.Tokens.Count}" };
        rows.AddRange(model.Tokens.Select((t, i) => $"t{i} {S(t.Span)} {t.Kind} {model.Stems.Hash(i)} {model.Stems.HasSuffix(i)}"));
        rows.AddRange(model.Paragraphs.Select(p => $"p {S(p.Span)} {p.IsHeadline} {p.FirstSentence} {p.SentenceCount}"));
        rows.AddRange(model.Sentences.Select(s => $"s {S(s.Span)} {s.Attribution.Kind} {N(s.Attribution.SourceSpan)} {N(s.Attribution.CueSpan)}"));
        rows.AddRange(model.Quotations.Select(q => $"q {S(q.Span)} {S(q.ContentSpan)} {q.Depth} {q.ParentIndex} {q.IsMismatched} {N(q.SpeakerSpan)} {q.IsMention}"));
        rows.AddRange(model.VoiceSpans.Select(v => $"v {S(v.Span)} {v.Voice} {v.QuotationIndex} {N(v.SourceSpan)}"));
        for (var position = 0; position <= covered; position += 1 + (covered / 64))
        {
            rows.Add($"at {position}: {model.GetFirstTokenIndexAtOrAfter(origin + position)} {model.GetVoice(origin + position)}");
        }

        return rows;
    }

    /// <summary>The span of a 1-based line of a model's text.</summary>
    public static TextSpan Line(this DocumentModel model, int line) => model.Text.GetLineSpan(line - 1);

    /// <summary>The position of the <paramref name="occurrence"/>-th (1-based) <paramref name="needle"/> on a 1-based line.</summary>
    public static int Find(this DocumentModel model, int line, string needle, int occurrence = 1)
    {
        var span = model.Line(line);
        var text = model.Text.ToString(span);
        var at = -1;
        for (var i = 0; i < occurrence; i++)
        {
            at = text.IndexOf(needle, at + 1, StringComparison.Ordinal);
            if (at < 0)
            {
                throw new InvalidOperationException($"'{needle}' (#{occurrence}) is not on line {line}.");
            }
        }

        return span.Start + at;
    }

    /// <summary>The position of the <paramref name="occurrence"/>-th <paramref name="needle"/> in a whole text.</summary>
    public static int Find(this DocumentModel model, string needle, int occurrence = 1)
    {
        var text = model.Text.ToString();
        var at = -1;
        for (var i = 0; i < occurrence; i++)
        {
            at = text.IndexOf(needle, at + 1, StringComparison.Ordinal);
            if (at < 0)
            {
                throw new InvalidOperationException($"'{needle}' (#{occurrence}) is not in the text.");
            }
        }

        return at;
    }

    /// <summary>The sentences whose spans lie on a 1-based line.</summary>
    public static Sentence[] SentencesOn(this DocumentModel model, int line)
    {
        var span = model.Line(line);
        return model.Sentences.Where(s => span.Contains(s.Span)).ToArray();
    }

    /// <summary>The quotations that open on a 1-based line.</summary>
    public static Quotation[] QuotationsOn(this DocumentModel model, int line)
    {
        var span = model.Line(line);
        return model.Quotations.Where(q => span.Contains(q.OpeningMark.Start)).ToArray();
    }

    /// <summary>The quotation whose content starts with <paramref name="start"/>.</summary>
    public static Quotation QuotationStarting(this DocumentModel model, string start) =>
        model.Quotations.Single(q => model.Text.ToString(q.ContentSpan).StartsWith(start, StringComparison.Ordinal));

    /// <summary>The text of a span, or null.</summary>
    public static string? TextOf(this DocumentModel model, TextSpan? span) => span is { } s ? model.Text.ToString(s) : null;

    /// <summary>The texts of all tokens.</summary>
    public static string[] TokenTexts(this DocumentModel model) => model.Tokens.Select(t => model.Text.ToString(t.Span)).ToArray();
}

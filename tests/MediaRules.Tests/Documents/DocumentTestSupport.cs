using System;
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

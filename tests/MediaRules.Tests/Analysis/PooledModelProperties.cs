using System.Collections.Generic;
using System.Linq;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MediaRules.Analysis;
using MediaRules.Documents;
using MediaRules.Tests.Documents;
using MediaRules.Text;
using Xunit;
using static MediaRules.Tests.Session.SessionTestSupport;

namespace MediaRules.Tests.Analysis;

/// <summary>
/// A model built on rented buffers (the engine's own models: a long text's whole model, each stretch's model, the
/// light model) is the model built on exact arrays, and its analysis finds the same; once its buffers go back to the
/// pool, the next model built on them, shorter or longer, reads only its own tokens.
/// </summary>
public class PooledModelProperties
{
    private static readonly Linter Default = Linter.CreateDefault();

    private static readonly Gen<string> Documents = DocumentsOf(24, "\n", "\n\n", "\r\n", "\u001E");

    [Property(MaxTest = 200)]
    public Property A_model_on_rented_buffers_is_the_model_on_exact_arrays() =>
        Prop.ForAll(Documents.ToArbitrary(), Documents.ToArbitrary(), (first, second) =>
        {
            // The first model's buffers go back to the pool before the second is built: the second may get them, with
            // the first text's tokens beyond its own count.
            var firstRows = PooledRows(first);
            var secondRows = PooledRows(second);
            return (firstRows.SequenceEqual(ExactRows(first)) && secondRows.SequenceEqual(ExactRows(second)))
                .Label($"first: {first}\nsecond: {second}");
        });

    [Property(MaxTest = 100)]
    public Property Rules_over_a_model_on_rented_buffers_find_what_they_find_over_exact_arrays() =>
        Prop.ForAll(Documents.ToArbitrary(), Documents.ToArbitrary(), (first, second) =>
        {
            var firstRows = RowsOnPooledModel(first);
            var secondRows = RowsOnPooledModel(second);
            var expectedFirst = Rows(Default.Analyze(DocumentModel.Create(SourceText.From(first)), null, default).Diagnostics);
            var expectedSecond = Rows(Default.Analyze(DocumentModel.Create(SourceText.From(second)), null, default).Diagnostics);
            return (firstRows.SequenceEqual(expectedFirst) && secondRows.SequenceEqual(expectedSecond))
                .Label($"first: {first}\nsecond: {second}");
        });

    [Fact]
    public void Long_texts_analysed_whole_one_after_another_give_what_exact_models_give()
    {
        // Long enough for the whole analysis to rent (Linter.HandOutModelLength), and each shorter than the one before
        // it, so that every text after the first lands on a buffer that still holds the tokens of a longer one.
        var longest = LongText(200_000, seed: 1);
        var texts = new[] { longest, LongText(160_000, seed: 2), LongText(130_000, seed: 3), LongText(Linter.HandOutModelLength + 10, seed: 4) };
        foreach (var text in texts)
        {
            var source = SourceText.From(text);
            var whole = Default.AnalyzeWhole(source, null);
            var expected = Default.Analyze(DocumentModel.Create(source), null, default);
            Assert.NotEmpty(expected.Diagnostics);
            Assert.Equal(Rows(expected.Diagnostics), Rows(whole.Diagnostics));

            // The result's model is a full model of the text, made on demand (the rented one went back to the pool).
            Assert.Equal(DocumentTestSupport.Describe(expected.Document), DocumentTestSupport.Describe(whole.Document));
        }
    }

    [Fact]
    public void A_model_whose_buffers_went_back_has_no_tokens()
    {
        var source = SourceText.From(TestSupport.SeedText);
        var model = DocumentModelBuilder.Build(source, sourcing: true, pooled: true);
        Assert.NotEmpty(model.Tokens);
        model.ReturnBuffers();
        model.ReturnBuffers(); // a second call gives nothing back twice
        Assert.Empty(model.Tokens);
        Assert.Equal(0, model.GetFirstTokenIndexAtOrAfter(0));
    }

    [Fact]
    public void A_handed_out_model_keeps_its_tokens()
    {
        var source = SourceText.From(TestSupport.SeedText);
        var result = Default.AnalyzeWhole(source, null);
        var count = result.Document.Tokens.Count;
        result.Document.ReturnBuffers(); // not rented: nothing to give back
        Assert.Equal(count, result.Document.Tokens.Count);
        Assert.True(count > 0);
    }

    private static List<string> PooledRows(string text)
    {
        var model = DocumentModelBuilder.Build(SourceText.From(text), sourcing: true, pooled: true);
        try
        {
            return DocumentTestSupport.Describe(model);
        }
        finally
        {
            model.ReturnBuffers();
        }
    }

    private static List<string> ExactRows(string text) => DocumentTestSupport.Describe(DocumentModel.Create(SourceText.From(text)));

    private static List<string> RowsOnPooledModel(string text)
    {
        var model = DocumentModelBuilder.Build(SourceText.From(text), sourcing: true, pooled: true);
        try
        {
            return Rows(Default.Analyze(model, null, default).Diagnostics);
        }
        finally
        {
            model.ReturnBuffers();
        }
    }

    // A news text of about the given length: the seed article's paragraphs and the session paragraphs, in an order set by the seed.
    private static string LongText(int length, int seed)
    {
        var paragraphs = TestSupport.SeedText.Split('\n').Where(p => p.Length > 0).Concat(Paragraphs.Where(p => p.Length > 0)).ToArray();
        var random = new System.Random(seed);
        var builder = new StringBuilder(length + 1024);
        while (builder.Length < length)
        {
            builder.Append(paragraphs[random.Next(paragraphs.Length)]).Append("\n\n");
        }

        return builder.ToString();
    }
}

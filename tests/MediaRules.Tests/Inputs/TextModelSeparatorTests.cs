using System.Linq;
using MediaRules.Documents;
using MediaRules.Text;
using Xunit;

namespace MediaRules.Tests.Inputs;

/// <summary>The characters analysis texts use: U+001E ends a paragraph, U+2028 does not, soft hyphens are read through.</summary>
public class TextModelSeparatorTests
{
    [Fact]
    public void A_record_separator_ends_a_paragraph_but_not_a_line()
    {
        var text = SourceText.From("Officials said so.\u001E\u001EThey left\u001E");
        var model = DocumentModel.Create(text);

        Assert.Equal(1, text.LineCount);
        Assert.Equal(["Officials said so.", "They left"], model.Paragraphs.Select(p => text.ToString(p.Span)));
        Assert.True(model.Paragraphs[1].IsHeadline);
        Assert.Equal(6, model.Tokens.Count);
    }

    [Fact]
    public void A_quotation_does_not_run_past_a_record_separator()
    {
        var model = DocumentModel.Create(SourceText.From("“We will fight\u001EThey left."));

        var quotation = Assert.Single(model.Quotations);
        Assert.False(quotation.IsClosed);
        Assert.Equal(2, model.Paragraphs.Count);
    }

    [Fact]
    public void A_line_separator_is_a_line_break_inside_a_paragraph()
    {
        var text = SourceText.From("He said “we will\u2028fight on.” Then he left.\nNext.");
        var model = DocumentModel.Create(text);

        Assert.Equal(3, text.LineCount);
        Assert.Equal(2, model.Paragraphs.Count);
        Assert.True(Assert.Single(model.Quotations).IsClosed);
        Assert.Equal(2, model.Paragraphs[0].SentenceCount);
    }

    [Fact]
    public void Soft_hyphens_are_read_through_inside_words_and_between_tokens()
    {
        var text = SourceText.From("Israel’\u00AD\u00AD\u00ADs re\u00ADport\u00AD\u00ADedly \u00AD\u00AD\"\u00ADheroes\u00AD\"\u00AD.");
        var model = DocumentModel.Create(text);

        Assert.Equal(["Israel’\u00AD\u00AD\u00ADs", "re\u00ADport\u00AD\u00ADedly", "\"", "heroes", "\"", "."], model.Tokens.Select(t => text.ToString(t.Span)));
        Assert.True(Assert.Single(model.Quotations).IsClosed);
        Assert.Equal("israel's", TokenText.Normalize(text.AsSpan(model.Tokens[0].Span)));
        Assert.Equal(5, TokenText.GetPossessiveSuffixLength(text.AsSpan(model.Tokens[0].Span)));
    }
}

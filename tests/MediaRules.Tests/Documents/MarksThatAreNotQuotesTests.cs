using MediaRules.Documents;
using MediaRules.Text;
using Xunit;

namespace MediaRules.Tests.Documents;

/// <summary>Apostrophes and primes that look like quotation marks but open no quotation.</summary>
public class MarksThatAreNotQuotesTests
{
    [Theory]
    [InlineData("The 6'2\" centre-back joined from Ajax.")]
    [InlineData("She is 5' 11\" tall.")]
    [InlineData("The band's rock 'n' roll sound won fans.")]
    [InlineData("Fans of the '90s returned.")]
    [InlineData("The 6′2″ striker scored.")]
    public void No_quotation_is_found(string text)
    {
        var model = DocumentModel.Create(SourceText.From(text));
        Assert.Empty(model.Quotations);
        Assert.DoesNotContain(model.Tokens, t => t.Kind == TokenKind.QuoteMark);
    }

    [Fact]
    public void A_quoted_number_is_still_a_quotation()
    {
        var model = DocumentModel.Create(SourceText.From("He said \"30\" and left, then \"more than 40,\" she said."));
        Assert.Equal(2, model.Quotations.Count);
        Assert.All(model.Quotations, q => Assert.True(q.IsClosed));
        Assert.Equal("30", model.GetText(model.Quotations[0].ContentSpan));
    }
}

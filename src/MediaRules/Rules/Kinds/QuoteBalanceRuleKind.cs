using MediaRules.Diagnostics;

namespace MediaRules.Rules.Kinds;

/// <summary>
/// <c>kind: quote-balance</c> — a quotation that never closes, or that a mark of another style closes (“ … "),
/// reported at its opening mark. It reads the document's quotations, so it needs no terms or patterns.
/// </summary>
internal sealed class QuoteBalanceRuleKind : IRuleKind
{
    public string Name => "quote-balance";

    public IRule Create(RuleDefinition definition)
    {
        KindSupport.RequireNoTermsOrPatterns(definition, Name);
        return new QuoteBalanceRule(definition.ToDescriptor());
    }

    private sealed class QuoteBalanceRule : IRule
    {
        public QuoteBalanceRule(DiagnosticDescriptor descriptor) => Descriptor = descriptor;

        public DiagnosticDescriptor Descriptor { get; }

        public void Analyze(RuleContext context)
        {
            foreach (var quotation in context.Document.Quotations)
            {
                if (!quotation.IsClosed || quotation.IsMismatched)
                {
                    context.Report(quotation.OpeningMark);
                }
            }
        }
    }
}

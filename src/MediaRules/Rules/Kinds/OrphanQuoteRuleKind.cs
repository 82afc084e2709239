using MediaRules.Diagnostics;

namespace MediaRules.Rules.Kinds;

/// <summary>
/// <c>kind: orphan-quote</c> — a direct quote of some length (<c>options: {min-words: "5"}</c>) whose speaker the
/// text does not name. Short quotes are scare quotes or partial quotes (another kind's concern) and mentions are
/// not speech; a quotation that never closes is the quote-balance rule's concern. Pair it with <c>attribution: [none, vague]</c> and <c>attribution-reach: adjacent</c> so a
/// speaker named in the next sentence ("… ." He said …) counts.
/// </summary>
internal sealed class OrphanQuoteRuleKind : IRuleKind
{
    public string Name => "orphan-quote";

    public IRule Create(RuleDefinition definition)
    {
        KindSupport.RequireNoTermsOrPatterns(definition, Name);
        var minWords = KindSupport.IntOption(definition, "min-words", 5, 1);
        return new OrphanQuoteRule(definition.ToDescriptor(), minWords);
    }

    private sealed class OrphanQuoteRule : IRule
    {
        private readonly int _minWords;

        public OrphanQuoteRule(DiagnosticDescriptor descriptor, int minWords)
        {
            Descriptor = descriptor;
            _minWords = minWords;
        }

        public DiagnosticDescriptor Descriptor { get; }

        public void Analyze(RuleContext context)
        {
            var document = context.Document;
            foreach (var quotation in document.Quotations)
            {
                if (quotation.Depth > 0 || !quotation.IsClosed || quotation.IsMention || quotation.SpeakerSpan is not null || KindSupport.CountContentWords(document, quotation, _minWords).Words < _minWords)
                {
                    continue;
                }

                context.Report(quotation.OpeningMark);
            }
        }
    }
}

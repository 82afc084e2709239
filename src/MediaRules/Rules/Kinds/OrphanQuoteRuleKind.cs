using System.Globalization;
using MediaRules.Diagnostics;
using MediaRules.Documents;

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
        if (definition.Terms.Count > 0 || definition.Patterns.Count > 0)
        {
            throw new RuleDefinitionException(definition.Terms.Count > 0 ? "terms" : "patterns", "an orphan-quote rule takes no terms or patterns");
        }

        var minWords = 5;
        if (definition.Options.TryGetValue("min-words", out var text)
            && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out minWords) || minWords < 1))
        {
            throw new RuleDefinitionException("options", "'min-words' must be a whole number of at least 1");
        }

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
                if (quotation.Depth > 0 || !quotation.IsClosed || quotation.IsMention || quotation.SpeakerSpan is not null || CountWords(document, quotation) < _minWords)
                {
                    continue;
                }

                context.Report(quotation.OpeningMark);
            }
        }

        private static int CountWords(DocumentModel document, Quotation quotation)
        {
            var words = 0;
            for (var i = document.GetFirstTokenIndexAtOrAfter(quotation.ContentSpan.Start); i < document.Tokens.Count && document.Tokens[i].Span.Start < quotation.ContentSpan.End; i++)
            {
                if (document.Tokens[i].Kind is TokenKind.Word or TokenKind.Number)
                {
                    words++;
                }
            }

            return words;
        }
    }
}

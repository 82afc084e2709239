using MediaRules.Diagnostics;
using MediaRules.Documents;

namespace MediaRules.Rules.Kinds;

/// <summary>
/// <c>kind: scare-quote</c> — a short quotation that is nobody's words: a name in quotation marks ("Israel",
/// "Palestinian Authority"), whoever the sentence cites, or a short phrase ("peace talks") in a sentence that
/// cites no one. Mentions and titles are not flagged, nor partial quotes attributed to a speaker. For a quoted
/// name the fix removes the marks. <c>options: {max-words: "4"}</c> sets what "short" means.
/// </summary>
internal sealed class ScareQuoteRuleKind : IRuleKind
{
    public string Name => "scare-quote";

    public IRule Create(RuleDefinition definition)
    {
        KindSupport.RequireNoTermsOrPatterns(definition, Name);
        var maxWords = KindSupport.IntOption(definition, "max-words", 4, 1);
        return new ScareQuoteRule(definition.ToDescriptor(), maxWords);
    }

    private sealed class ScareQuoteRule : IRule
    {
        private readonly int _maxWords;

        public ScareQuoteRule(DiagnosticDescriptor descriptor, int maxWords)
        {
            Descriptor = descriptor;
            _maxWords = maxWords;
        }

        public DiagnosticDescriptor Descriptor { get; }

        public void Analyze(RuleContext context)
        {
            var document = context.Document;
            foreach (var quotation in document.Quotations)
            {
                if (!quotation.IsClosed || quotation.IsMismatched || quotation.IsMention || quotation.ContentSpan.IsEmpty)
                {
                    continue;
                }

                var (words, capitalised, endsLikeSpeech) = Describe(document, quotation, _maxWords);
                if (words == 0 || words > _maxWords || endsLikeSpeech || FollowsNamingVerb(document, quotation) || IsNickname(document, quotation))
                {
                    continue;
                }

                var isName = capitalised == words && words <= 3;
                var sentence = document.GetSentence(quotation.Span.Start);
                var unattributed = quotation.SpeakerSpan is null && (sentence is null || sentence.Attribution.Kind == SourceKind.None);
                if (isName)
                {
                    context.Report(quotation.Span, new[] { document.Text.ToString(quotation.ContentSpan) });
                }
                else if (unattributed)
                {
                    context.Report(quotation.Span);
                }
            }
        }

        // "Netanyahu called the attackers “human animals”", "banners reading “Free Palestine”": the quoted words are
        // the subject's, named by the verb just before them.
        private static bool FollowsNamingVerb(DocumentModel document, Quotation quotation)
        {
            var sentence = document.GetSentence(quotation.Span.Start);
            var first = quotation.OpeningToken >= 0 ? quotation.OpeningToken : document.GetFirstTokenIndexAtOrAfter(quotation.OpeningMark.Start);
            var tokens = document.TokenSpan;
            var text = document.Text.AsSpan();
            var stems = document.Stems;
            for (int i = first - 1, seen = 0; i >= 0 && seen < 6; i--)
            {
                var token = tokens[i];
                if (sentence is not null && token.Span.Start < sentence.Span.Start)
                {
                    break;
                }

                if (token.Kind != TokenKind.Word)
                {
                    continue;
                }

                seen++;
                if (NamingVerbs.Contains(text.Slice(token.Span.Start, token.Span.Length), stems.WordHash(i))
                    && !(i + 1 < tokens.Length && CallParticles.Contains(text.Slice(tokens[i + 1].Span.Start, tokens[i + 1].Span.Length), stems.WordHash(i + 1))))
                {
                    return true; // but not "called on \"Israel\" to halt", "called for": a request, not a name
                }
            }

            return false;
        }

        // Dwayne "The Rock" Johnson: a quoted nickname between a given name and a surname.
        private static bool IsNickname(DocumentModel document, Quotation quotation)
        {
            var tokens = document.TokenSpan;
            var before = (quotation.OpeningToken >= 0 ? quotation.OpeningToken : document.GetFirstTokenIndexAtOrAfter(quotation.OpeningMark.Start)) - 1;
            var after = quotation.ClosingToken >= 0 ? quotation.ClosingToken + 1 : document.GetFirstTokenIndexAtOrAfter(quotation.Span.End);
            return before >= 0 && after < tokens.Length
                && IsCapitalisedWord(document, tokens[before]) && IsCapitalisedWord(document, tokens[after])
                && tokens[before].Span.End >= quotation.OpeningMark.Start - 1 && tokens[after].Span.Start <= quotation.Span.End + 1;
        }

        private static bool IsCapitalisedWord(DocumentModel document, Token token) =>
            token.Kind == TokenKind.Word && char.IsUpper(document.Text[token.Span.Start]);

        private static readonly WordSet CallParticles = new("on upon for off");

        private static readonly WordSet NamingVerbs = new(
            "call calls called calling dub dubs dubbed term terms termed label labels labelled labeled brand brands branded",
            "describe describes described chant chants chanted chanting shout shouts shouted shouting reading",
            "titled entitled named nicknamed known slogan slogans banner banners sign signs placard placards hashtag motto");

        // Counts words and capitalised words, and whether the quote ends as speech does (a sentence or clause end).
        // Past maxWords the count stops: such a quote is not reported whatever it holds.
        private static (int Words, int Capitalised, bool EndsLikeSpeech) Describe(DocumentModel document, Quotation quotation, int maxWords)
        {
            var content = quotation.ContentSpan;
            var (words, capitalised) = KindSupport.CountContentWords(document, quotation, maxWords);
            var last = content.End - 1;
            while (last >= content.Start && char.IsWhiteSpace(document.Text[last]))
            {
                last--;
            }

            var endsLikeSpeech = last >= content.Start && document.Text[last] is '.' or '!' or '?' or ',' or ';' or ':' or '…';
            return (words, capitalised, endsLikeSpeech);
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using MediaRules.Diagnostics;
using MediaRules.Matching;

namespace MediaRules.Rules.Kinds;

/// <summary>
/// <c>kind: asymmetric-terms</c> — two words for the same kind of person or act used side by side for each
/// side of a story ("Israeli captives … Palestinian prisoners"). Each term is a pair <c>"captives / prisoners"</c>;
/// when both occur in one paragraph, each occurrence of the first is reported, with the second as the fix.
/// </summary>
internal sealed class AsymmetricTermsRuleKind : IRuleKind
{
    public string Name => "asymmetric-terms";

    public IRule Create(RuleDefinition definition)
    {
        if (definition.Terms.Count == 0)
        {
            throw new RuleDefinitionException("terms", "an asymmetric-terms rule needs pairs in 'terms', as \"captives / prisoners\"");
        }

        var matcher = new TermMatcher.Builder();
        var pairs = new List<(string First, string Second)>();
        for (var i = 0; i < definition.Terms.Count; i++)
        {
            var parts = definition.Terms[i].Text.Split('/').Select(p => p.Trim()).ToArray();
            if (parts.Length != 2 || parts.Any(p => p.Length == 0) || matcher.Add(parts[0], definition.Inflect) != 2 * i || matcher.Add(parts[1], definition.Inflect) != (2 * i) + 1)
            {
                throw new RuleDefinitionException("terms", $"'{definition.Terms[i].Text}' is not a pair: write \"first / second\"", i);
            }

            pairs.Add((parts[0], parts[1]));
        }

        return new AsymmetricTermsRule(definition.ToDescriptor(), matcher.Build(), pairs, definition.CaseSensitive);
    }

    private sealed class AsymmetricTermsRule : IRule, ITermMatchingRule
    {
        private readonly TermMatcher _matcher;
        private readonly List<(string First, string Second)> _pairs;
        private readonly bool _caseSensitive;

        public AsymmetricTermsRule(DiagnosticDescriptor descriptor, TermMatcher matcher, List<(string First, string Second)> pairs, bool caseSensitive)
        {
            Descriptor = descriptor;
            _matcher = matcher;
            _pairs = pairs;
            _caseSensitive = caseSensitive;
        }

        public DiagnosticDescriptor Descriptor { get; }

        public TermMatcher Matcher => _matcher;

        public void Analyze(RuleContext context)
        {
            var byParagraph = Matching.TermIndex.Matches(_matcher, context, _caseSensitive)
                .GroupBy(m => context.Document.GetParagraph(m.Span.Start)?.Index ?? -1);
            foreach (var paragraph in byParagraph)
            {
                var found = paragraph.ToList();
                foreach (var (span, id) in found.Where(m => m.Id % 2 == 0))
                {
                    if (found.Any(m => m.Id == id + 1))
                    {
                        var pair = _pairs[id / 2];
                        context.Report(span, new[] { pair.Second }, new Dictionary<string, string>(StringComparer.Ordinal) { ["other"] = pair.Second });
                    }
                }
            }
        }
    }
}

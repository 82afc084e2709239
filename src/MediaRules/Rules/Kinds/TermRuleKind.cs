using System.Collections.Generic;
using MediaRules.Diagnostics;
using MediaRules.Matching;

namespace MediaRules.Rules.Kinds;

/// <summary>
/// <c>kind: term</c> — words and phrases (<c>terms</c>), matched on word boundaries, case-insensitively unless
/// <c>case-sensitive: true</c>, with plurals of the last word unless <c>inflect: false</c>. A term's
/// <c>suggest</c> list (or the rule's <c>suggestions</c>) supplies the replacement offered as a fix.
/// </summary>
internal sealed class TermRuleKind : IRuleKind
{
    public string Name => "term";

    public IRule Create(RuleDefinition definition)
    {
        if (definition.Terms.Count == 0)
        {
            throw new RuleDefinitionException("terms", "a term rule needs a non-empty 'terms' list");
        }

        if (definition.Patterns.Count > 0)
        {
            throw new RuleDefinitionException("patterns", "a term rule takes 'terms', not 'patterns' (use kind: pattern)");
        }

        var matcher = new TermMatcher.Builder();
        var suggestions = new IReadOnlyList<string>[definition.Terms.Count];
        for (var i = 0; i < definition.Terms.Count; i++)
        {
            var term = definition.Terms[i];
            if (matcher.Add(term.Text, definition.Inflect) != i)
            {
                throw new RuleDefinitionException("terms", $"the term '{term.Text}' has no words", i);
            }

            suggestions[i] = term.Suggestions.Count > 0 ? term.Suggestions : definition.Suggestions;
        }

        return new TermRule(definition.ToDescriptor(), matcher.Build(), suggestions, definition.CaseSensitive);
    }

    private sealed class TermRule : IRule, Matching.ITermMatchingRule, ISourcingFreeRule
    {
        private readonly TermMatcher _matcher;
        private readonly IReadOnlyList<string>[] _suggestions;
        private readonly bool _caseSensitive;

        public TermRule(DiagnosticDescriptor descriptor, TermMatcher matcher, IReadOnlyList<string>[] suggestions, bool caseSensitive)
        {
            Descriptor = descriptor;
            _matcher = matcher;
            _suggestions = suggestions;
            _caseSensitive = caseSensitive;
        }

        public DiagnosticDescriptor Descriptor { get; }

        public TermMatcher Matcher => _matcher;

        public void Analyze(RuleContext context)
        {
            foreach (var (span, id) in Matching.TermIndex.Matches(_matcher, context, _caseSensitive))
            {
                context.Report(span, _suggestions[id]);
            }
        }
    }
}

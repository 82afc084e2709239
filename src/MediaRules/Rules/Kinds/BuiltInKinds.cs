using System.Collections.Generic;

namespace MediaRules.Rules.Kinds;

/// <summary>The rule kinds every linter knows. A new built-in kind is one file here and one line below.</summary>
internal static class BuiltInKinds
{
    public static IEnumerable<IRuleKind> Create()
    {
        yield return new TermRuleKind();
        yield return new PatternRuleKind();
        yield return new QuoteBalanceRuleKind();
        yield return new ScareQuoteRuleKind();
        yield return new NameConsistencyRuleKind();
        yield return new AsymmetricTermsRuleKind();
        yield return new OrphanQuoteRuleKind();
        yield return new AcronymRuleKind();
    }
}

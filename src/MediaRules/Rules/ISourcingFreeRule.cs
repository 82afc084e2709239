namespace MediaRules.Rules;

/// <summary>
/// A built-in rule that reads tokens, sentences, paragraphs and quotations, never how a sentence is sourced or who
/// speaks: when its scope does not ask either (<see cref="ScopeFilter.NeedsSourcing"/>), the text model can leave out
/// attribution and speakers for it.
/// </summary>
internal interface ISourcingFreeRule
{
}

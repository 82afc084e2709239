using System;
using MediaRules.Diagnostics;

namespace MediaRules.Rules;

/// <summary>
/// A kind of rule: it turns a <see cref="RuleDefinition"/> from a pack file into a compiled <see cref="IRule"/>.
/// Kinds are registered by name; a pack names the kind of each rule. Implementations must be thread-safe.
/// </summary>
public interface IRuleKind
{
    /// <summary>The name a pack file uses in <c>kind:</c> (lower-case, hyphenated).</summary>
    string Name { get; }

    /// <summary>Compiles a rule. Throw <see cref="RuleDefinitionException"/> to reject a bad definition.</summary>
    /// <param name="definition">The rule as declared.</param>
    /// <returns>The compiled rule; it is used from many threads at once.</returns>
    IRule Create(RuleDefinition definition);
}

/// <summary>A compiled rule. <see cref="Analyze"/> is called from many threads at once and must not keep state between calls.</summary>
public interface IRule
{
    /// <summary>What the rule reports.</summary>
    DiagnosticDescriptor Descriptor { get; }

    /// <summary>Finds the rule's occurrences in a document and reports them through the context.</summary>
    /// <param name="context">The document and the way to report.</param>
    void Analyze(RuleContext context);
}

/// <summary>A rule definition that a kind cannot compile. The loader reports it with the file, line and column of the key.</summary>
public sealed class RuleDefinitionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RuleDefinitionException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    public RuleDefinitionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public RuleDefinitionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for one key of the rule, so the error points at it.</summary>
    /// <param name="key">The YAML key at fault (for example <c>patterns</c>).</param>
    /// <param name="message">What is wrong.</param>
    /// <param name="index">For a list, the index of the item at fault.</param>
    public RuleDefinitionException(string key, string message, int? index = null)
        : base(message)
    {
        Key = key;
        Index = index;
    }

    /// <summary>The YAML key at fault, if known.</summary>
    public string? Key { get; }

    /// <summary>For a list, the index of the item at fault.</summary>
    public int? Index { get; }
}

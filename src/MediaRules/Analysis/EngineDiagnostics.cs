using MediaRules.Diagnostics;

namespace MediaRules.Analysis;

/// <summary>Descriptors of the engine's own problems (MR9xxx): they are reported like any other diagnostic.</summary>
public static class EngineDiagnostics
{
    private const string Help = "https://github.com/mediarules/mediarules#engine-diagnostics-mr9xxx";

    /// <summary>MR9001: a rule file or configuration file does not load.</summary>
    public static DiagnosticDescriptor InvalidRuleFile { get; } = new(
        "MR9001", "Rule file does not load", "{match}", DiagnosticCategory.Engine, DiagnosticSeverity.Error, Help,
        "A rule pack is malformed: bad YAML, an unknown key or kind, a duplicate id, or a bad value. The message names the file, line and column.");

    /// <summary>MR9002: a regular expression of a rule is rejected.</summary>
    public static DiagnosticDescriptor InvalidPattern { get; } = new(
        "MR9002", "Pattern rejected", "{match}", DiagnosticCategory.Engine, DiagnosticSeverity.Error, Help,
        "A rule's regular expression does not compile, or uses a construct the linear-time engine does not support (backreferences, lookarounds, atomic groups).");

    /// <summary>MR9003: a rule failed on a document; the other rules still ran.</summary>
    public static DiagnosticDescriptor RuleFailed { get; } = new(
        "MR9003", "Rule failed on this document", "Rule {match}", DiagnosticCategory.Engine, DiagnosticSeverity.Error, Help,
        "A rule threw an exception or exceeded its time budget on this document. Its findings for this document are lost; every other rule still ran.");

    /// <summary>MR9004: an input cannot be read (missing, unreadable, not text, or invalid encoding).</summary>
    public static DiagnosticDescriptor UnreadableInput { get; } = new(
        "MR9004", "Input cannot be read", "{match}", DiagnosticCategory.Engine, DiagnosticSeverity.Error, Help,
        "An input file is missing, unreadable, binary, or not valid UTF-8/UTF-16. It is skipped; the rest of the run goes on.");

    /// <summary>MR9005: an inline disable directive that suppresses nothing.</summary>
    public static DiagnosticDescriptor UnusedSuppression { get; } = new(
        "MR9005", "Suppression directive suppresses nothing", "{match}", DiagnosticCategory.Engine, DiagnosticSeverity.Suggestion, Help,
        "A mediarules-disable or mediarules-disable-next-line comment that hides no finding: the text changed, or the rule id is wrong. Remove it so it cannot hide a future finding by accident.");
}

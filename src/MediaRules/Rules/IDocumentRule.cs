using System;
using System.Collections.Generic;
using System.Threading;
using MediaRules.Diagnostics;
using MediaRules.Text;

namespace MediaRules.Rules;

/// <summary>
/// A rule that compares the whole document (name spellings, acronyms defined before use). It works in two steps so
/// that an incremental session never re-reads the text: <see cref="Collect"/> gathers facts about one stretch of
/// paragraphs (scope already applied), and <see cref="Combine"/> reports from the facts of every stretch in order.
/// A full analysis is one stretch; a session keeps one per paragraph and re-collects only the paragraphs an edit touches.
/// Collecting the stretches one by one and combining must give what collecting the whole document at once gives.
/// </summary>
internal interface IDocumentRule : IRule
{
    /// <summary>Facts about the tokens that start in <paramref name="range"/>, with positions relative to its start.</summary>
    DocumentFacts Collect(RuleContext context, TextSpan range);

    /// <summary>Reports from the facts of consecutive stretches that cover the document.</summary>
    void Combine(DocumentCombination combination);

    /// <summary>
    /// Whether a stretch whose facts changed from <paramref name="old"/> to <paramref name="new"/> (its neighbours
    /// unchanged) leaves the combine's reports as they were, moved with their stretches. <paramref name="cache"/> is the
    /// memo of the last combine. Equal facts always do.
    /// </summary>
    bool SameOutcome(DocumentFacts old, DocumentFacts @new, object? cache);

    /// <summary>
    /// Where a position reported from <paramref name="old"/> (relative to its stretch) lies in <paramref name="new"/>,
    /// for stretches <see cref="SameOutcome"/> accepted; null when the rule cannot tell (the combine then runs again).
    /// </summary>
    TextSpan? Map(DocumentFacts old, DocumentFacts @new, TextSpan span);
}

/// <summary>Facts a document-level rule gathered about one stretch; immutable, compared by value.</summary>
internal abstract class DocumentFacts : IEquatable<DocumentFacts>
{
    /// <inheritdoc/>
    public abstract bool Equals(DocumentFacts? other);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as DocumentFacts);

    /// <inheritdoc/>
    public override int GetHashCode() => GetType().GetHashCode();

    /// <summary>
    /// Gives back what facts collected for one combine borrowed (<see cref="RuleContext.FactsAreTransient"/>); they must
    /// not be read after. Facts that own what they hold do nothing.
    /// </summary>
    public virtual void Release()
    {
    }
}

/// <summary>One report of a document-level rule: an absolute span, the severity its scope gave, and the message.</summary>
internal readonly struct DocumentRuleReport
{
    public DocumentRuleReport(TextSpan span, DiagnosticSeverity severity, string message, int linePosition)
    {
        Span = span;
        Severity = severity;
        Message = message;
        LinePosition = linePosition;
    }

    public TextSpan Span { get; }

    public DiagnosticSeverity Severity { get; }

    /// <summary>The message; a <c>{line}</c> left in it is the 1-based line of <see cref="LinePosition"/>.</summary>
    public string Message { get; }

    /// <summary>A position whose line number fills <c>{line}</c>, or -1.</summary>
    public int LinePosition { get; }

    /// <summary>The message with <c>{line}</c> filled in from <paramref name="text"/>.</summary>
    public string MessageIn(SourceText text) =>
        LinePosition >= 0
            ? Message.Replace("{line}", (text.GetLinePosition(LinePosition).Line + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))
            : Message;
}

/// <summary>The facts of every stretch of a document, in order, and the reports a combine makes from them.</summary>
internal sealed class DocumentCombination
{
    public DocumentCombination(DiagnosticDescriptor descriptor, IReadOnlyList<DocumentFacts> facts, IReadOnlyList<int> offsets, object? cache, CancellationToken cancellationToken)
    {
        Descriptor = descriptor;
        Facts = facts;
        Offsets = offsets;
        Cache = cache;
        CancellationToken = cancellationToken;
    }

    public DiagnosticDescriptor Descriptor { get; }

    /// <summary>The facts of each stretch, in document order.</summary>
    public IReadOnlyList<DocumentFacts> Facts { get; }

    /// <summary>Where each stretch starts in the document.</summary>
    public IReadOnlyList<int> Offsets { get; }

    /// <summary>What the rule kept from its last combine on this document (a session's memo), or null.</summary>
    public object? Cache { get; set; }

    /// <summary>
    /// Whether this combine is the only one on these facts (a long text's stretches, combined once): no session keeps
    /// <see cref="Cache"/> for a next combine, so a rule need not build the memo a session would update.
    /// </summary>
    public bool IsOnce { get; init; }

    public CancellationToken CancellationToken { get; }

    public List<DocumentRuleReport> Reports { get; } = new();

    /// <summary>Reports at an absolute span; <paramref name="arguments"/> fill the message's own placeholders.</summary>
    public void Report(TextSpan span, DiagnosticSeverity severity, string match, IReadOnlyDictionary<string, string>? arguments = null, int linePosition = -1)
    {
        var message = RuleContext.FormatMessage(Descriptor.MessageFormat, match, null);
        if (arguments is not null)
        {
            foreach (var argument in arguments)
            {
                message = message.Replace("{" + argument.Key + "}", argument.Value);
            }
        }

        Reports.Add(new DocumentRuleReport(span, severity, message, linePosition));
    }

    private static readonly int[] WholeDocumentOffsets = { 0 };

    /// <summary>A full analysis: one stretch, the whole document, reported through the context.</summary>
    public static void Analyze(IDocumentRule rule, RuleContext context)
    {
        DocumentFacts facts;
        context.FactsAreTransient = true;
        try
        {
            facts = rule.Collect(context, new TextSpan(0, context.Text.Length));
        }
        finally
        {
            context.FactsAreTransient = false;
        }

        var combination = new DocumentCombination(rule.Descriptor, new[] { facts }, WholeDocumentOffsets, null, context.CancellationToken);
        rule.Combine(combination);
        facts.Release(); // combined once and dropped: what they borrowed goes back (a thrown combine leaves it to the collector)
        foreach (var report in combination.Reports)
        {
            context.Add(report);
        }
    }
}

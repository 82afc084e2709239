using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using MediaRules.Diagnostics;
using MediaRules.Documents;
using MediaRules.Rules;
using MediaRules.Text;

namespace MediaRules.Analysis;

/// <summary>
/// A compiled, immutable set of rules. One instance is safe to use from many threads at once: build it once
/// (with <see cref="LinterBuilder"/> or <c>services.AddMediaRules()</c>) and share it.
/// </summary>
public sealed class Linter
{
    private readonly CompiledRule[] _rules;

    internal Linter(IReadOnlyList<CompiledRule> rules)
    {
        _rules = rules.ToArray();
        TermIndex = new Matching.TermIndex(_rules.Select(r => r.Rule).OfType<Matching.ITermMatchingRule>().Select(r => r.Matcher).ToList());
        Rules = _rules.Select(r => r.Definition).ToArray();
        Descriptors = _rules.Select(r => r.Rule.Descriptor).ToArray();
        NeedsSourcing = _rules.Any(r => r.NeedsSourcing);
    }

    /// <summary>The definitions of the loaded rules, in id order: what each flags, why, and its examples.</summary>
    public IReadOnlyList<RuleDefinition> Rules { get; }

    /// <summary>The descriptors of the loaded rules, in id order.</summary>
    public IReadOnlyList<DiagnosticDescriptor> Descriptors { get; }

    /// <summary>A linter with the default packs that ship with MediaRules.</summary>
    /// <returns>The linter.</returns>
    public static Linter CreateDefault() => new LinterBuilder().AddDefaultRules().Build();

    /// <summary>Analyses a text.</summary>
    /// <param name="text">The text.</param>
    /// <param name="path">The document's path, carried into every diagnostic's location.</param>
    /// <param name="cancellationToken">Cancels the analysis.</param>
    /// <returns>The text model and the diagnostics.</returns>
    /// <remarks>
    /// A text of more than 512K characters is analysed in stretches of 256K to 1M characters (a quarter of each core's
    /// share, <see cref="StretchAnalysis.LengthFor"/>), cut at paragraph breaks, on every core, with the same
    /// diagnostics as one analysis of the whole text (see the README, "Long documents"). On a single core the stretches
    /// are 1M characters, and a text of up to 2M is analysed whole.
    /// The analysis of a text of 48K characters or more keeps no model: its <see cref="AnalysisResult.Document"/> is
    /// built on first use.
    /// </remarks>
    public AnalysisResult Analyze(SourceText text, string? path = null, CancellationToken cancellationToken = default)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        // Several cores share a text of more than twice the shortest stretch; one core cuts only what is more than twice
        // its (longest) stretch.
        var stretchLength = StretchAnalysis.LengthFor(text.Length, Environment.ProcessorCount);
        var cutFrom = Environment.ProcessorCount > 1 ? StretchAnalysis.DefaultStretchLength : stretchLength;
        if (StretchAnalysis.Applies(this, text, cutFrom)
            && StretchAnalysis.Analyze(this, text, path, stretchLength, Environment.ProcessorCount, cancellationToken) is { } diagnostics)
        {
            return new AnalysisResult(path, text, diagnostics);
        }

        return AnalyzeWhole(text, path, cancellationToken);
    }

    /// <summary>Analyses a text at once, on the calling thread, with one model of the whole text (never in stretches).</summary>
    /// <remarks>
    /// The model is handed out in the result when the rules read sourcing and the text is shorter than
    /// <see cref="HandOutModelLength"/>. Otherwise its per-token arrays are rented and given back after the rules, and
    /// the result's model is a full one, made on demand: a long text's arrays are large objects, which would otherwise
    /// be fresh memory at every analysis.
    /// </remarks>
    internal AnalysisResult AnalyzeWhole(SourceText text, string? path, CancellationToken cancellationToken = default)
    {
        if (NeedsSourcing && text.Length < HandOutModelLength)
        {
            return Analyze(DocumentModel.Create(text), path, cancellationToken);
        }

        var document = DocumentModelBuilder.Build(text, NeedsSourcing, pooled: true);
        try
        {
            return new AnalysisResult(path, text, Analyze(document, path, cancellationToken).Diagnostics);
        }
        finally
        {
            document.ReturnBuffers();
        }
    }

    /// <summary>
    /// The length from which <see cref="AnalyzeWhole"/> rents its model's arrays rather than hand the model out: about
    /// where the token array (eight bytes a token, a token every five characters or so) becomes a large object.
    /// </summary>
    internal const int HandOutModelLength = 48 * 1024;

    /// <summary>Whether any rule needs the model's attribution and speakers (else they are left out of its analyses).</summary>
    internal bool NeedsSourcing { get; }

    /// <summary>
    /// Analyses a text stretch by stretch (see <see cref="StretchAnalysis"/>), whatever its length, with at most
    /// <paramref name="parallelism"/> stretches at a time; a whole analysis where the rules do not allow stretches or
    /// one of them failed.
    /// </summary>
    internal AnalysisResult AnalyzeInStretches(SourceText text, string? path, int stretchLength, int parallelism, int context = StretchAnalysis.DefaultContext, CancellationToken cancellationToken = default)
    {
        if (StretchAnalysis.Applies(this, text, 0)
            && StretchAnalysis.Analyze(this, text, path, stretchLength, parallelism, cancellationToken, context) is { } diagnostics)
        {
            return new AnalysisResult(path, text, diagnostics);
        }

        return AnalyzeWhole(text, path, cancellationToken);
    }

    /// <summary>Analyses a document whose text model is already built.</summary>
    /// <param name="document">The text model.</param>
    /// <param name="path">The document's path.</param>
    /// <param name="cancellationToken">Cancels the analysis.</param>
    /// <returns>The diagnostics.</returns>
    internal AnalysisResult Analyze(DocumentModel document, string? path, CancellationToken cancellationToken)
    {
        if (document is null)
        {
            throw new ArgumentNullException(nameof(document));
        }

        var diagnostics = RunRules(document, path, _rules, TermIndex, cancellationToken);
        diagnostics.RemoveAll(d => d.Severity == DiagnosticSeverity.None);
        DiagnosticOrder.Sort(diagnostics);
        return new AnalysisResult(path, document, diagnostics);
    }

    /// <summary>The compiled rules, in id order.</summary>
    internal IReadOnlyList<CompiledRule> CompiledRules => _rules;

    /// <summary>The first words of every term rule, looked up once per document for all of them.</summary>
    internal Matching.TermIndex TermIndex { get; }

    /// <summary>
    /// Runs some of the rules over a document and returns what they report (severity <c>none</c> included,
    /// unsorted). A rule that throws is replaced by one <see cref="EngineDiagnostics.RuleFailed"/> diagnostic.
    /// </summary>
    internal static List<Diagnostic> RunRules(DocumentModel document, string? path, IEnumerable<CompiledRule> rules, Matching.TermIndex? termIndex, CancellationToken cancellationToken)
    {
        // Room for one finding in about fifty tokens (news has fewer; text full of findings about one in forty): a list
        // that grows from empty copies itself a dozen times over a long text, and leaves each old array behind.
        var diagnostics = new List<Diagnostic>(Math.Max(16, document.TokenSpan.Length / 48));
        var candidates = termIndex is { IsEmpty: false } ? termIndex.For(document) : null;
        var memo = new ScopeFilter.Memo(document.Sentences.Count); // one for all the rules, reset between them
        foreach (var rule in rules)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var before = diagnostics.Count;
            memo.Reset();
            try
            {
                rule.Rule.Analyze(new RuleContext(document, path, rule.Rule.Descriptor, rule.Scope, diagnostics, cancellationToken, candidates, memo));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // A rule that throws must never take the other rules down (like Roslyn's AD0001).
            catch (Exception ex)
#pragma warning restore CA1031
            {
                diagnostics.RemoveRange(before, diagnostics.Count - before);
                diagnostics.Add(RuleFailure(rule, ex, Location.Create(path, document.Text, new TextSpan(0, 0))));
            }
        }

        return diagnostics;
    }

    /// <summary>The diagnostic that stands for a rule that threw.</summary>
    internal static Diagnostic RuleFailure(CompiledRule rule, Exception ex, Location location)
    {
        var message = RuleContext.FormatMessage(
            EngineDiagnostics.RuleFailed.MessageFormat,
            $"{rule.Rule.Descriptor.Id} failed on this document and was skipped: {ex.GetType().Name}: {ex.Message}",
            null);
        return new Diagnostic(EngineDiagnostics.RuleFailed, location, message, EngineDiagnostics.RuleFailed.DefaultSeverity);
    }

    /// <summary>
    /// The order of diagnostics in results: by position, then rule id, then length, then message. The message decides
    /// between two findings of one rule on one span (name-consistency naming two other spellings), so that the order
    /// is the same however the findings were gathered (whole, in stretches or in a session) and whatever the sort.
    /// </summary>
    internal static int CompareDiagnostics(Diagnostic a, Diagnostic b)
    {
        var c = CompareDiagnostics(a.Span, a.Id, b.Span, b.Id);
        return c != 0 ? c : string.CompareOrdinal(a.Message, b.Message);
    }

    /// <summary>The order of diagnostics in results: by position, then rule id, then length.</summary>
    internal static int CompareDiagnostics(TextSpan a, string idA, TextSpan b, string idB)
    {
        var c = a.Start.CompareTo(b.Start);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(idA, idB);
        return c != 0 ? c : a.Length.CompareTo(b.Length);
    }
}

/// <summary>How far a rule reads, which decides how an <see cref="AnalysisSession"/> re-runs it after an edit.</summary>
internal enum RuleReach
{
    /// <summary>A built-in kind that reads a paragraph and its neighbours: re-run on the paragraphs an edit touches.</summary>
    Paragraph,

    /// <summary>A built-in kind that compares the whole document (<see cref="IDocumentRule"/>): per-paragraph facts, one combine.</summary>
    Document,

    /// <summary>A kind the engine does not know (a host's own): re-run over the whole text after every edit.</summary>
    Unknown,
}

/// <summary>A rule compiled by its kind, with its definition and its compiled scope.</summary>
internal sealed class CompiledRule
{
    public CompiledRule(RuleDefinition definition, IRule rule)
    {
        Definition = definition;
        Rule = rule;
        Scope = new ScopeFilter(definition.Scope);
        Reach = rule is IDocumentRule ? RuleReach.Document
            : rule.GetType().Assembly == typeof(CompiledRule).Assembly ? RuleReach.Paragraph
            : RuleReach.Unknown;
        NeedsSourcing = rule is not ISourcingFreeRule || Scope.NeedsSourcing;
    }

    /// <summary>Whether the rule needs the text model's attribution and speakers.</summary>
    public bool NeedsSourcing { get; }

    /// <summary>How far the rule reads: what an incremental session must re-run after an edit.</summary>
    public RuleReach Reach { get; }

    public RuleDefinition Definition { get; }

    public IRule Rule { get; }

    public ScopeFilter Scope { get; }
}

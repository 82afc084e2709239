namespace MediaRules.Analysis;

/// <summary>
/// What one update of an <see cref="AnalysisSession"/> document reused from its caches and what it recomputed,
/// so that tests and benchmarks can see the incremental analysis work (in the spirit of Roslyn's step tracking).
/// </summary>
public sealed class SessionUpdateStatistics
{
    internal SessionUpdateStatistics(int paragraphCount, int paragraphsAnalyzed, int paragraphsReused, int documentRulesRecomputed, int documentRulesReused)
    {
        ParagraphCount = paragraphCount;
        ParagraphsAnalyzed = paragraphsAnalyzed;
        ParagraphsReused = paragraphsReused;
        DocumentRulesRecomputed = documentRulesRecomputed;
        DocumentRulesReused = documentRulesReused;
    }

    /// <summary>The number of paragraphs (lines, and blocks separated by U+001E) in the document after the update.</summary>
    public int ParagraphCount { get; }

    /// <summary>How many paragraphs were analysed, counting the neighbours analysed as context (and any analysed twice when the window widened).</summary>
    public int ParagraphsAnalyzed { get; }

    /// <summary>How many paragraphs kept their cached results (shifted to their new place when the edit moved them).</summary>
    public int ParagraphsReused { get; }

    /// <summary>How many document-level rules (name consistency, acronyms, and rules of kinds the engine does not know) were recomputed.</summary>
    public int DocumentRulesRecomputed { get; }

    /// <summary>How many document-level rules kept their cached results because the facts they read did not change.</summary>
    public int DocumentRulesReused { get; }

    /// <inheritdoc/>
    public override string ToString() =>
        $"{ParagraphsAnalyzed} of {ParagraphCount} paragraphs analysed, {ParagraphsReused} reused; document rules: {DocumentRulesRecomputed} recomputed, {DocumentRulesReused} reused";
}

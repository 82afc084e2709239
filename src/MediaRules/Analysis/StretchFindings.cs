using System.Collections.Generic;
using MediaRules.Diagnostics;

namespace MediaRules.Analysis;

/// <summary>
/// The findings of one stretch of a long text (<see cref="StretchAnalysis"/>): the run of its window's diagnostics,
/// in diagnostic order, that starts in the stretch, kept as they are until every stretch is done and then added to the
/// result in order, the document-level findings merged in. A diagnostic is one object (<see cref="Diagnostic"/> keeps
/// its location and fix as values), so a stretch's findings are kept as the diagnostics the rules made: nothing is made
/// twice.
/// </summary>
internal sealed class StretchFindings
{
    private readonly List<Diagnostic> _diagnostics;
    private readonly int _from;

    private StretchFindings(List<Diagnostic> diagnostics, int from, int count)
    {
        _diagnostics = diagnostics;
        _from = from;
        Count = count;
    }

    /// <summary>An empty set of findings.</summary>
    public static StretchFindings Empty { get; } = new(new List<Diagnostic>(), 0, 0);

    /// <summary>How many findings there are.</summary>
    public int Count { get; }

    /// <summary><paramref name="diagnostics"/>[<paramref name="from"/>, <paramref name="to"/>), in diagnostic order, kept as they are.</summary>
    public static StretchFindings Of(List<Diagnostic> diagnostics, int from, int to) => to > from ? new(diagnostics, from, to - from) : Empty;

    /// <summary>
    /// Adds the findings, in order, to <paramref name="diagnostics"/> (leaving out those of severity <c>none</c>). Before
    /// each, it adds the diagnostics of <paramref name="merged"/> (in diagnostic order) from <paramref name="next"/> on
    /// that come before it, moving <paramref name="next"/> past them.
    /// </summary>
    public void AddTo(List<Diagnostic> diagnostics, List<Diagnostic> merged, ref int next)
    {
        for (var i = 0; i < Count; i++)
        {
            var diagnostic = _diagnostics[_from + i];
            if (diagnostic.Severity == DiagnosticSeverity.None)
            {
                continue;
            }

            while (next < merged.Count && Linter.CompareDiagnostics(merged[next], diagnostic) < 0)
            {
                diagnostics.Add(merged[next++]);
            }

            diagnostics.Add(diagnostic);
        }
    }
}

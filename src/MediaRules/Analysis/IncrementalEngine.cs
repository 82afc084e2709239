using System.Collections.Generic;
using System.Threading;
using MediaRules.Diagnostics;
using MediaRules.Text;

namespace MediaRules.Analysis;

/// <summary>The analysed state of one session document (interim: the whole text and its diagnostics).</summary>
internal sealed class DocumentState
{
    public DocumentState(string text, IReadOnlyList<Diagnostic> diagnostics, SessionUpdateStatistics statistics)
    {
        Text = text;
        Diagnostics = diagnostics;
        Statistics = statistics;
    }

    public string Text { get; }

    public int Length => Text.Length;

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public SessionUpdateStatistics Statistics { get; }

    public SourceText GetText() => SourceText.From(Text);
}

/// <summary>Analyses session documents with one linter (interim: a full analysis on every change).</summary>
internal sealed class IncrementalEngine
{
    public IncrementalEngine(Linter linter) => Linter = linter;

    public Linter Linter { get; }

    public DocumentState Analyze(string text, CancellationToken cancellationToken)
    {
        var result = Linter.Analyze(SourceText.From(text), null, cancellationToken);
        var paragraphs = result.Document.Paragraphs.Count;
        return new DocumentState(text, result.Diagnostics, new SessionUpdateStatistics(paragraphs, paragraphs, 0, 0, 0));
    }

    public DocumentState Apply(DocumentState state, TextChange change, CancellationToken cancellationToken) =>
        Analyze(state.Text.Substring(0, change.Span.Start) + change.NewText + state.Text.Substring(change.Span.End), cancellationToken);

    public DocumentState Apply(DocumentState state, string text, CancellationToken cancellationToken) => Analyze(text, cancellationToken);

    public DocumentState Reanalyze(DocumentState state, CancellationToken cancellationToken) => Analyze(state.Text, cancellationToken);

    public static IReadOnlyList<Diagnostic> Materialize(DocumentState state, SourceText text, string? path)
    {
        if (path is null)
        {
            return state.Diagnostics;
        }

        var result = new Diagnostic[state.Diagnostics.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var d = state.Diagnostics[i];
            result[i] = new Diagnostic(d.Descriptor, new Location(path, d.Location.SourceSpan, d.Location.LineSpan), d.Message, d.Severity, d.Fix);
        }

        return result;
    }
}

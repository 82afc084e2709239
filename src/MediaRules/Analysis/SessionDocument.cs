using System.Collections.Generic;
using System.Threading;
using MediaRules.Diagnostics;
using MediaRules.Text;

namespace MediaRules.Analysis;

/// <summary>
/// An immutable snapshot of one document of an <see cref="AnalysisSession"/>: its version, text and diagnostics.
/// Safe to read from any thread. The text and the diagnostics are assembled from the session's per-paragraph
/// results the first time they are read.
/// </summary>
public sealed class SessionDocument
{
    private SourceText? _text;
    private IReadOnlyList<Diagnostic>? _diagnostics;

    internal SessionDocument(string id, int version, string? path, DocumentState state)
    {
        Id = id;
        Version = version;
        Path = path;
        State = state;
    }

    /// <summary>The document's id.</summary>
    public string Id { get; }

    /// <summary>The version the host gave with the last change.</summary>
    public int Version { get; }

    /// <summary>The path carried into every diagnostic's location, or <see langword="null"/>.</summary>
    public string? Path { get; }

    /// <summary>The length of the text in UTF-16 code units.</summary>
    public int Length => State.Length;

    /// <summary>The text.</summary>
    public SourceText Text
    {
        get
        {
            var text = Volatile.Read(ref _text);
            if (text is null)
            {
                text = State.GetText();
                Volatile.Write(ref _text, text);
            }

            return text;
        }
    }

    /// <summary>
    /// The diagnostics, ordered by position, then rule id: equal to those of
    /// <see cref="Linter.Analyze(SourceText, string, CancellationToken)"/> on <see cref="Text"/>.
    /// </summary>
    public IReadOnlyList<Diagnostic> Diagnostics
    {
        get
        {
            var diagnostics = Volatile.Read(ref _diagnostics);
            if (diagnostics is null)
            {
                diagnostics = IncrementalEngine.Materialize(State, Text, Path);
                Volatile.Write(ref _diagnostics, diagnostics);
            }

            return diagnostics;
        }
    }

    /// <summary>What the last open, change or rule reload reused and what it recomputed.</summary>
    public SessionUpdateStatistics LastUpdate => State.Statistics;

    internal DocumentState State { get; }
}

using System;
using System.Collections.Generic;
using MediaRules.Diagnostics;
using MediaRules.Documents;
using MediaRules.Text;

namespace MediaRules.Analysis;

/// <summary>The outcome of analysing one document: its text model and its diagnostics in document order.</summary>
public sealed class AnalysisResult
{
    private DocumentModel? _document;

    internal AnalysisResult(string? path, DocumentModel document, IReadOnlyList<Diagnostic> diagnostics)
        : this(path, (document ?? throw new ArgumentNullException(nameof(document))).Text, diagnostics)
    {
        _document = document;
    }

    /// <summary>A result whose text model is built when first asked for (a long text analysed stretch by stretch).</summary>
    internal AnalysisResult(string? path, SourceText text, IReadOnlyList<Diagnostic> diagnostics)
    {
        Path = path;
        Text = text ?? throw new ArgumentNullException(nameof(text));
        Diagnostics = diagnostics ?? throw new ArgumentNullException(nameof(diagnostics));
    }

    /// <summary>The document's path as given, or <see langword="null"/>.</summary>
    public string? Path { get; }

    /// <summary>The document's text.</summary>
    public SourceText Text { get; }

    /// <summary>The document's text model (sentences, quotations, voice, attribution).</summary>
    /// <remarks>A long text is analysed stretch by stretch, without keeping a model of the whole text; its model is then built on first use.</remarks>
    public DocumentModel Document => _document ?? System.Threading.LazyInitializer.EnsureInitialized(ref _document, () => DocumentModel.Create(Text))!;

    /// <summary>The diagnostics, ordered by position, then rule id. Severity <c>none</c> is never included.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>The same document with other diagnostics (its model, built or not, goes with it).</summary>
    internal AnalysisResult WithDiagnostics(IReadOnlyList<Diagnostic> diagnostics) =>
        _document is { } document ? new AnalysisResult(Path, document, diagnostics) : new AnalysisResult(Path, Text, diagnostics);
}

using System;
using System.Collections.Generic;
using MediaRules.Diagnostics;
using MediaRules.Documents;
using MediaRules.Text;

namespace MediaRules.Analysis;

/// <summary>The outcome of analysing one document: its text model and its diagnostics in document order.</summary>
public sealed class AnalysisResult
{
    internal AnalysisResult(string? path, DocumentModel document, IReadOnlyList<Diagnostic> diagnostics)
    {
        Path = path;
        Document = document ?? throw new ArgumentNullException(nameof(document));
        Diagnostics = diagnostics ?? throw new ArgumentNullException(nameof(diagnostics));
    }

    /// <summary>The document's path as given, or <see langword="null"/>.</summary>
    public string? Path { get; }

    /// <summary>The document's text.</summary>
    public SourceText Text => Document.Text;

    /// <summary>The document's text model (sentences, quotations, voice, attribution).</summary>
    public DocumentModel Document { get; }

    /// <summary>The diagnostics, ordered by position, then rule id. Severity <c>none</c> is never included.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }
}

using System;
using System.Collections.Generic;
using System.IO;
using MediaRules.Analysis;
using MediaRules.Diagnostics;
using MediaRules.Text;

namespace MediaRules.Formatting;

/// <summary>
/// Writes analysis results in one output format, one document at a time, so that a run over many documents never
/// holds every result: call <see cref="Begin"/> once with the rules, <see cref="Write(AnalysisResult)"/> for each document in the
/// order it should appear, <see cref="WriteUnreadableInput"/> for an input that could not be read, and
/// <see cref="End"/> once. Output is deterministic (no timestamps), uses the invariant culture and <c>\n</c> line ends.
/// </summary>
/// <remarks>
/// The formats: <c>text</c> (<see cref="TextResultFormatter"/>), <c>json</c> (<see cref="JsonResultFormatter"/>),
/// <c>sarif</c> (<see cref="SarifResultFormatter"/>), <c>github</c> (<see cref="GitHubResultFormatter"/>) and
/// <c>html</c> (<see cref="HtmlResultFormatter"/>).
/// A formatter is not thread-safe: write to it from one thread.
/// </remarks>
public abstract class ResultFormatter : IDisposable
{
    private readonly int[] _counts = new int[5];
    private State _state;
    private SourceText? _originalText;

    /// <summary>Creates a formatter that writes to <paramref name="output"/>.</summary>
    /// <param name="output">Where the formatted results go. The formatter flushes it at <see cref="End"/> but does not close it.</param>
    protected ResultFormatter(TextWriter output)
    {
        Output = output ?? throw new ArgumentNullException(nameof(output));
    }

    private enum State
    {
        New,
        Begun,
        Ended,
    }

    /// <summary>The names of the built-in formats: <c>text</c>, <c>json</c>, <c>sarif</c>, <c>github</c>, <c>html</c>.</summary>
    public static IReadOnlyList<string> FormatNames { get; } = new[] { "text", "json", "sarif", "github", "html" };

    /// <summary>The number of documents written so far.</summary>
    public int DocumentCount { get; private set; }

    /// <summary>The number of inputs reported as unreadable so far.</summary>
    public int UnreadableInputCount { get; private set; }

    /// <summary>Where the formatted results go.</summary>
    protected TextWriter Output { get; }

    /// <summary>Creates the formatter of a built-in format.</summary>
    /// <param name="format">One of <see cref="FormatNames"/> (ordinal, case-insensitive).</param>
    /// <param name="output">Where the formatted results go.</param>
    /// <returns>The formatter.</returns>
    /// <exception cref="ArgumentException">The format is not one of <see cref="FormatNames"/>.</exception>
    public static ResultFormatter Create(string format, TextWriter output)
    {
        switch (format?.ToLowerInvariant())
        {
            case "text": return new TextResultFormatter(output);
            case "json": return new JsonResultFormatter(output);
            case "sarif": return new SarifResultFormatter(output);
            case "github": return new GitHubResultFormatter(output);
            case "html": return new HtmlResultFormatter(output);
            default: throw new ArgumentException($"'{format}' is not an output format (known: {string.Join(", ", FormatNames)}).", nameof(format));
        }
    }

    /// <summary>The number of diagnostics written so far that an in-source directive suppresses (not counted by severity).</summary>
    public int SuppressedCount { get; private set; }

    /// <summary>The number of unsuppressed diagnostics of a severity written so far.</summary>
    /// <param name="severity">A severity.</param>
    /// <returns>How many diagnostics of that severity the written documents had.</returns>
    public int CountOf(DiagnosticSeverity severity) =>
        (uint)severity < (uint)_counts.Length ? _counts[(int)severity] : 0;

    /// <summary>Starts the output. Call it once, before any document.</summary>
    /// <param name="rules">The descriptors of the rules of the run (for example <see cref="Linter.Descriptors"/>).</param>
    public void Begin(IReadOnlyList<DiagnosticDescriptor> rules)
    {
        if (rules is null)
        {
            throw new ArgumentNullException(nameof(rules));
        }

        if (_state != State.New)
        {
            throw new InvalidOperationException("Begin can be called only once.");
        }

        _state = State.Begun;
        OnBegin(rules);
    }

    /// <summary>Writes the diagnostics of one document.</summary>
    /// <param name="result">The document's analysis result.</param>
    public void Write(AnalysisResult result)
    {
        if (result is null)
        {
            throw new ArgumentNullException(nameof(result));
        }

        CheckBegun();
        DocumentCount++;
        foreach (var diagnostic in result.Diagnostics)
        {
            if (diagnostic.IsSuppressed)
            {
                SuppressedCount++;
            }
            else if ((uint)diagnostic.Severity < (uint)_counts.Length)
            {
                _counts[(int)diagnostic.Severity]++;
            }
        }

        OnWrite(result);
    }

    /// <summary>
    /// Writes the diagnostics of one document that was analysed through a stand-in of the same length (the analysis
    /// text of a Markdown or HTML file, see <see cref="Inputs.ProseExtractor"/>): formats that show the document's text
    /// (<c>html</c>) show <paramref name="originalText"/>, the file as read, on which the spans are exact.
    /// </summary>
    /// <param name="result">The document's analysis result.</param>
    /// <param name="originalText">The file's text as read; ignored unless it has the analysed text's length.</param>
    internal void Write(AnalysisResult result, SourceText? originalText)
    {
        _originalText = originalText;
        try
        {
            Write(result);
        }
        finally
        {
            _originalText = null;
        }
    }

    /// <summary>
    /// Reports an input that could not be read (<see cref="EngineDiagnostics.UnreadableInput"/>, MR9004): missing,
    /// unreadable, binary or badly encoded. Formats that can carry it do (JSON <c>inputErrors</c>, SARIF
    /// <c>toolExecutionNotifications</c>, a GitHub <c>::error</c>); the text format counts it in its summary.
    /// </summary>
    /// <param name="path">The input's path as given.</param>
    /// <param name="message">Why it cannot be read.</param>
    public void WriteUnreadableInput(string path, string message)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        CheckBegun();
        UnreadableInputCount++;
        OnUnreadableInput(path, message ?? string.Empty);
    }

    /// <summary>Ends the output and flushes it. Call it once, after the last document.</summary>
    public void End()
    {
        CheckBegun();
        _state = State.Ended;
        OnEnd();
        Output.Flush();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what the formatter holds (not the output writer, which the caller owns).</summary>
    /// <param name="disposing">Whether this is called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
    }

    /// <summary>Starts the output.</summary>
    /// <param name="rules">The descriptors of the rules of the run.</param>
    protected abstract void OnBegin(IReadOnlyList<DiagnosticDescriptor> rules);

    /// <summary>Writes the diagnostics of one document.</summary>
    /// <param name="result">The document's result.</param>
    protected abstract void OnWrite(AnalysisResult result);

    /// <summary>Writes an input that could not be read. The default writes nothing.</summary>
    /// <param name="path">The input's path as given.</param>
    /// <param name="message">Why it cannot be read.</param>
    protected virtual void OnUnreadableInput(string path, string message)
    {
    }

    /// <summary>Ends the output.</summary>
    protected abstract void OnEnd();

    /// <summary>
    /// During <see cref="OnWrite"/>, the text of the input file as read when the caller passed it and it has the
    /// analysed text's length (so the result's spans are its spans); otherwise <see langword="null"/>.
    /// </summary>
    /// <param name="result">The result being written.</param>
    /// <returns>The original text, or <see langword="null"/>.</returns>
    internal SourceText? OriginalTextOf(AnalysisResult result) =>
        _originalText is { } original && original.Length == result.Text.Length ? original : null;

    private void CheckBegun()
    {
        if (_state != State.Begun)
        {
            throw new InvalidOperationException(_state == State.New ? "Call Begin first." : "The output has ended.");
        }
    }
}

using System.Collections.Generic;
using System.Globalization;
using System.IO;
using MediaRules.Analysis;
using MediaRules.Diagnostics;

namespace MediaRules.Formatting;

/// <summary>
/// The <c>text</c> format: one line per diagnostic in the compiler style, 1-based,
/// <c>path(line,col): warning MR1001: message</c>, in document order, then one summary line at the end of the same
/// output: <c>2 files: 1 error, 3 warnings, 0 suggestions, 0 silent</c> (plus <c>, 1 unreadable input</c> when some
/// input could not be read; the reason itself goes to the caller's error stream, not here).
/// </summary>
public sealed class TextResultFormatter : ResultFormatter
{
    /// <summary>Creates the formatter.</summary>
    /// <param name="output">Where the lines go.</param>
    public TextResultFormatter(TextWriter output)
        : base(output)
    {
    }

    /// <summary>Formats one diagnostic as <c>path(line,col): severity ID: message</c> (1-based line and column).</summary>
    /// <param name="diagnostic">The diagnostic.</param>
    /// <returns>The line, without a line break.</returns>
    internal static string FormatDiagnostic(Diagnostic diagnostic)
    {
        if (diagnostic is null)
        {
            throw new System.ArgumentNullException(nameof(diagnostic));
        }

        var start = diagnostic.Location.LineSpan.Start;
        return string.Format(
            CultureInfo.InvariantCulture,
            "{0}({1},{2}): {3} {4}: {5}",
            diagnostic.Location.Path ?? "<text>",
            start.Line + 1,
            start.Character + 1,
            FormatHelpers.SeverityWord(diagnostic.Severity),
            diagnostic.Id,
            diagnostic.Message);
    }

    /// <inheritdoc/>
    protected override void OnBegin(IReadOnlyList<DiagnosticDescriptor> rules)
    {
    }

    /// <inheritdoc/>
    protected override void OnWrite(AnalysisResult result)
    {
        foreach (var diagnostic in result.Diagnostics)
        {
            if (diagnostic.IsSuppressed)
            {
                continue; // counted in the summary; SARIF and JSON keep them with their suppression
            }

            Output.Write(FormatDiagnostic(diagnostic));
            Output.Write('\n');
        }
    }

    /// <inheritdoc/>
    protected override void OnEnd()
    {
        var line = FormatHelpers.Plural(DocumentCount, "file", "files") + ": "
            + FormatHelpers.Plural(CountOf(DiagnosticSeverity.Error), "error", "errors") + ", "
            + FormatHelpers.Plural(CountOf(DiagnosticSeverity.Warning), "warning", "warnings") + ", "
            + FormatHelpers.Plural(CountOf(DiagnosticSeverity.Suggestion), "suggestion", "suggestions") + ", "
            + FormatHelpers.Plural(CountOf(DiagnosticSeverity.Silent), "silent", "silent");
        if (SuppressedCount > 0)
        {
            line += ", " + FormatHelpers.Plural(SuppressedCount, "suppressed", "suppressed");
        }

        if (UnreadableInputCount > 0)
        {
            line += ", " + FormatHelpers.Plural(UnreadableInputCount, "unreadable input", "unreadable inputs");
        }

        Output.Write(line);
        Output.Write('\n');
    }
}

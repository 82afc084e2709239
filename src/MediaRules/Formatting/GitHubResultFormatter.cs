using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using MediaRules.Analysis;
using MediaRules.Diagnostics;

namespace MediaRules.Formatting;

/// <summary>
/// The <c>github</c> format: one GitHub Actions workflow command per diagnostic,
/// <c>::warning file=PATH,line=L,col=C,endLine=L2,endColumn=C2,title=MR2001::message</c>, with 1-based lines and
/// columns (the end column is exclusive, as in SARIF). Severity error → <c>error</c>, warning → <c>warning</c>,
/// suggestion and silent → <c>notice</c>. The message escapes <c>%</c>, CR and LF; the properties also escape
/// <c>:</c> and <c>,</c> (GitHub's workflow-command escaping). An unreadable input is an <c>::error</c> at line 1
/// with title <c>MR9004</c>. Nothing else is written.
/// </summary>
public sealed class GitHubResultFormatter : ResultFormatter
{
    /// <summary>Creates the formatter.</summary>
    /// <param name="output">Where the commands go.</param>
    public GitHubResultFormatter(TextWriter output)
        : base(output)
    {
    }

    /// <summary>Formats one diagnostic as a workflow command.</summary>
    /// <param name="diagnostic">The diagnostic.</param>
    /// <returns>The command, without a line break.</returns>
    internal static string FormatDiagnostic(Diagnostic diagnostic)
    {
        if (diagnostic is null)
        {
            throw new System.ArgumentNullException(nameof(diagnostic));
        }

        var span = diagnostic.Location.LineSpan;
        return Command(
            Level(diagnostic.Severity),
            diagnostic.Location.Path,
            span.Start.Line + 1,
            span.Start.Character + 1,
            span.End.Line + 1,
            span.End.Character + 1,
            diagnostic.Id,
            diagnostic.Message);
    }

    /// <summary>Escapes the message part of a workflow command: <c>%</c>, CR and LF.</summary>
    /// <param name="value">The text.</param>
    /// <returns>The escaped text.</returns>
    internal static string EscapeData(string value) =>
        (value ?? string.Empty).Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    /// <summary>Escapes a property value of a workflow command: <c>%</c>, CR, LF, <c>:</c> and <c>,</c>.</summary>
    /// <param name="value">The text.</param>
    /// <returns>The escaped text.</returns>
    internal static string EscapeProperty(string value) =>
        EscapeData(value).Replace(":", "%3A").Replace(",", "%2C");

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
    protected override void OnUnreadableInput(string path, string message)
    {
        Output.Write(Command("error", path, 1, 1, 1, 1, EngineDiagnostics.UnreadableInput.Id, message));
        Output.Write('\n');
    }

    /// <inheritdoc/>
    protected override void OnEnd()
    {
    }

    private static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "notice",
    };

    private static string Command(string level, string? path, int line, int col, int endLine, int endColumn, string id, string message)
    {
        var builder = new StringBuilder(96 + message.Length);
        builder.Append("::").Append(level).Append(' ');
        if (path is not null)
        {
            builder.Append("file=").Append(EscapeProperty(FormatHelpers.ToForwardSlashes(path))).Append(',');
        }

        builder.Append("line=").Append(line.ToString(CultureInfo.InvariantCulture))
            .Append(",col=").Append(col.ToString(CultureInfo.InvariantCulture))
            .Append(",endLine=").Append(endLine.ToString(CultureInfo.InvariantCulture))
            .Append(",endColumn=").Append(endColumn.ToString(CultureInfo.InvariantCulture))
            .Append(",title=").Append(EscapeProperty(id))
            .Append("::").Append(EscapeData(message));
        return builder.ToString();
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using MediaRules.Analysis;
using MediaRules.Diagnostics;

namespace MediaRules.Formatting;

/// <summary>
/// The <c>json</c> format: one JSON object (indented, UTF-8, non-ASCII kept as is), streamed document by document:
/// <code>
/// {
///   "tool": { "name": "MediaRules", "version": "0.1.0" },
///   "rules": [ { "id", "title", "category", "severity", "helpUri"?, "description"?, "references"? } ],
///   "files": [
///     { "path": "seeds/a.txt",
///       "diagnostics": [ { "ruleId", "severity", "message", "startLine", "startColumn", "endLine", "endColumn",
///                          "offset", "length", "fix"?: { "title", "replacements": [ { "offset", "length", "text" } ] } } ] }
///   ],
///   "inputErrors": [ { "path", "ruleId": "MR9004", "message" } ],
///   "summary": { "files", "error", "warning", "suggestion", "silent", "inputErrors" }
/// }
/// </code>
/// Lines and columns are 1-based (the end column is exclusive); <c>offset</c> and <c>length</c> count UTF-16 code
/// units from the start of the decoded text (after any byte order mark). Severity words: <c>error</c>,
/// <c>warning</c>, <c>suggestion</c>, <c>silent</c>. Every document written appears in <c>files</c>, also with no
/// diagnostics.
/// </summary>
public sealed class JsonResultFormatter : ResultFormatter
{
    private readonly JsonChunkWriter _json;
    private readonly List<(string Path, string Message)> _inputErrors = new();

    /// <summary>Creates the formatter.</summary>
    /// <param name="output">Where the JSON goes.</param>
    public JsonResultFormatter(TextWriter output)
        : base(output)
    {
        _json = new JsonChunkWriter(output);
    }

    /// <summary>Writes a diagnostic as the object that <c>diagnostics</c> lists (also the shape of the batch output).</summary>
    /// <param name="writer">The JSON writer, positioned where a value may go.</param>
    /// <param name="diagnostic">The diagnostic.</param>
    internal static void WriteDiagnostic(Utf8JsonWriter writer, Diagnostic diagnostic)
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        if (diagnostic is null)
        {
            throw new ArgumentNullException(nameof(diagnostic));
        }

        var span = diagnostic.Location.LineSpan;
        writer.WriteStartObject();
        writer.WriteString("ruleId", diagnostic.Id);
        writer.WriteString("severity", FormatHelpers.SeverityWord(diagnostic.Severity));
        writer.WriteString("message", diagnostic.Message);
        writer.WriteNumber("startLine", span.Start.Line + 1);
        writer.WriteNumber("startColumn", span.Start.Character + 1);
        writer.WriteNumber("endLine", span.End.Line + 1);
        writer.WriteNumber("endColumn", span.End.Character + 1);
        writer.WriteNumber("offset", diagnostic.Location.SourceSpan.Start);
        writer.WriteNumber("length", diagnostic.Location.SourceSpan.Length);
        if (diagnostic.Fix is { } fix)
        {
            writer.WriteStartObject("fix");
            writer.WriteString("title", fix.Title);
            writer.WriteStartArray("replacements");
            foreach (var change in fix.Changes)
            {
                writer.WriteStartObject();
                writer.WriteNumber("offset", change.Span.Start);
                writer.WriteNumber("length", change.Span.Length);
                writer.WriteString("text", change.NewText);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        if (diagnostic.Suppression is { } suppression)
        {
            writer.WriteStartObject("suppression");
            if (suppression.Justification is { } justification)
            {
                writer.WriteString("justification", justification);
            }

            writer.WriteNumber("offset", suppression.DirectiveSpan.Start);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes a rule as the object that <c>rules</c> lists.</summary>
    /// <param name="writer">The JSON writer, positioned where a value may go.</param>
    /// <param name="descriptor">The rule's descriptor.</param>
    internal static void WriteRule(Utf8JsonWriter writer, DiagnosticDescriptor descriptor)
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        if (descriptor is null)
        {
            throw new ArgumentNullException(nameof(descriptor));
        }

        writer.WriteStartObject();
        writer.WriteString("id", descriptor.Id);
        writer.WriteString("title", descriptor.Title);
        writer.WriteString("category", descriptor.Category);
        writer.WriteString("severity", FormatHelpers.SeverityWord(descriptor.DefaultSeverity));
        if (!string.IsNullOrEmpty(descriptor.HelpLinkUri))
        {
            writer.WriteString("helpUri", descriptor.HelpLinkUri);
        }

        if (!string.IsNullOrEmpty(descriptor.Description))
        {
            writer.WriteString("description", descriptor.Description);
        }

        if (descriptor.References.Count > 0)
        {
            writer.WriteStartArray("references");
            foreach (var reference in descriptor.References)
            {
                writer.WriteStringValue(reference);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    /// <inheritdoc/>
    protected override void OnBegin(IReadOnlyList<DiagnosticDescriptor> rules)
    {
        var w = _json.Writer;
        w.WriteStartObject();
        w.WriteStartObject("tool");
        w.WriteString("name", FormatHelpers.ToolName);
        w.WriteString("version", FormatHelpers.ToolVersion);
        w.WriteEndObject();
        w.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            WriteRule(w, rule);
            _json.DrainIfLarge();
        }

        w.WriteEndArray();
        w.WriteStartArray("files");
        _json.Drain();
    }

    /// <inheritdoc/>
    protected override void OnWrite(AnalysisResult result)
    {
        var w = _json.Writer;
        w.WriteStartObject();
        if (result.Path is null)
        {
            w.WriteNull("path");
        }
        else
        {
            w.WriteString("path", result.Path);
        }

        w.WriteStartArray("diagnostics");
        foreach (var diagnostic in result.Diagnostics)
        {
            WriteDiagnostic(w, diagnostic);
            _json.DrainIfLarge();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        _json.Drain();
    }

    /// <inheritdoc/>
    protected override void OnUnreadableInput(string path, string message) => _inputErrors.Add((path, message));

    /// <inheritdoc/>
    protected override void OnEnd()
    {
        var w = _json.Writer;
        w.WriteEndArray();
        w.WriteStartArray("inputErrors");
        foreach (var (path, message) in _inputErrors)
        {
            w.WriteStartObject();
            w.WriteString("path", path);
            w.WriteString("ruleId", EngineDiagnostics.UnreadableInput.Id);
            w.WriteString("message", message);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartObject("summary");
        w.WriteNumber("files", DocumentCount);
        w.WriteNumber("error", CountOf(DiagnosticSeverity.Error));
        w.WriteNumber("warning", CountOf(DiagnosticSeverity.Warning));
        w.WriteNumber("suggestion", CountOf(DiagnosticSeverity.Suggestion));
        w.WriteNumber("silent", CountOf(DiagnosticSeverity.Silent));
        w.WriteNumber("inputErrors", UnreadableInputCount);
        w.WriteEndObject();
        w.WriteEndObject();
        _json.Drain();
        Output.Write('\n');
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _json.Dispose();
        }

        base.Dispose(disposing);
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using MediaRules.Analysis;
using MediaRules.Diagnostics;
using MediaRules.Text;

namespace MediaRules.Formatting;

/// <summary>
/// The <c>sarif</c> format: a SARIF 2.1.0 log with one run, streamed result by result.
/// <list type="bullet">
/// <item><c>tool.driver</c>: <c>name</c> <c>MediaRules</c>, <c>version</c>, <c>semanticVersion</c>,
/// <c>informationUri</c>, and <c>rules</c> (each with <c>id</c>, <c>name</c>, <c>shortDescription</c>,
/// <c>fullDescription</c> when the rule has a description, <c>helpUri</c> when it has an absolute help link,
/// <c>defaultConfiguration.level</c>, and <c>properties</c> with <c>category</c>, <c>tags</c> and
/// <c>references</c>).</item>
/// <item><c>columnKind</c> <c>utf16CodeUnits</c>: columns, <c>charOffset</c> and <c>charLength</c> count UTF-16
/// code units of the decoded text (after any byte order mark).</item>
/// <item>each result: <c>ruleId</c>, <c>ruleIndex</c> (when the rule is among the run's rules), <c>level</c>
/// (error → <c>error</c>, warning → <c>warning</c>, suggestion → <c>note</c>, silent → <c>none</c>),
/// <c>message.text</c>, one location whose <c>artifactLocation.uri</c> is the input path as given (relative stays
/// relative, <c>/</c> separators, escaped; an absolute path becomes a <c>file:</c> URI) and whose <c>region</c>
/// has 1-based <c>startLine</c>, <c>startColumn</c>, <c>endLine</c>, <c>endColumn</c> (exclusive) plus
/// <c>charOffset</c> and <c>charLength</c>; and <c>fixes</c> (with <c>artifactChanges</c> → <c>replacements</c> →
/// <c>deletedRegion</c> and <c>insertedContent.text</c>) when the diagnostic offers a fix.</item>
/// <item><c>invocations</c>: one, <c>executionSuccessful</c> <c>true</c>, with a <c>toolExecutionNotifications</c>
/// entry (descriptor <c>MR9004</c>) for each input that could not be read.</item>
/// </list>
/// No timestamps: the same input gives the same bytes.
/// </summary>
public sealed class SarifResultFormatter : ResultFormatter
{
    /// <summary>The <c>$schema</c> the log names.</summary>
    public const string SchemaUri = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    private readonly JsonChunkWriter _json;
    private readonly Dictionary<string, int> _ruleIndex = new(StringComparer.Ordinal);
    private readonly List<(string Path, string Message)> _inputErrors = new();

    /// <summary>Creates the formatter.</summary>
    /// <param name="output">Where the SARIF log goes.</param>
    public SarifResultFormatter(TextWriter output)
        : base(output)
    {
        _json = new JsonChunkWriter(output);
    }

    /// <inheritdoc/>
    protected override void OnBegin(IReadOnlyList<DiagnosticDescriptor> rules)
    {
        var w = _json.Writer;
        w.WriteStartObject();
        w.WriteString("$schema", SchemaUri);
        w.WriteString("version", "2.1.0");
        w.WriteStartArray("runs");
        w.WriteStartObject();
        w.WriteStartObject("tool");
        w.WriteStartObject("driver");
        w.WriteString("name", FormatHelpers.ToolName);
        w.WriteString("version", FormatHelpers.ToolVersion);
        w.WriteString("semanticVersion", FormatHelpers.ToolVersion);
        w.WriteString("informationUri", FormatHelpers.InformationUri);
        w.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            if (_ruleIndex.ContainsKey(rule.Id))
            {
                continue;
            }

            _ruleIndex.Add(rule.Id, _ruleIndex.Count);
            WriteRule(w, rule);
            _json.DrainIfLarge();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteString("columnKind", "utf16CodeUnits");
        w.WriteStartArray("results");
        _json.Drain();
    }

    /// <inheritdoc/>
    protected override void OnWrite(AnalysisResult result)
    {
        foreach (var diagnostic in result.Diagnostics)
        {
            WriteResult(_json.Writer, result.Text, diagnostic.Location.Path ?? result.Path, diagnostic);
            _json.DrainIfLarge();
        }

        _json.Drain();
    }

    /// <inheritdoc/>
    protected override void OnUnreadableInput(string path, string message) => _inputErrors.Add((path, message));

    /// <inheritdoc/>
    protected override void OnEnd()
    {
        var w = _json.Writer;
        w.WriteEndArray();
        w.WriteStartArray("invocations");
        w.WriteStartObject();
        w.WriteBoolean("executionSuccessful", true);
        if (_inputErrors.Count > 0)
        {
            w.WriteStartArray("toolExecutionNotifications");
            foreach (var (path, message) in _inputErrors)
            {
                w.WriteStartObject();
                w.WriteString("level", "error");
                w.WriteStartObject("message");
                w.WriteString("text", message);
                w.WriteEndObject();
                w.WriteStartArray("locations");
                w.WriteStartObject();
                w.WriteStartObject("physicalLocation");
                w.WriteStartObject("artifactLocation");
                w.WriteString("uri", FormatHelpers.ToUri(path));
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteStartObject("descriptor");
                w.WriteString("id", EngineDiagnostics.UnreadableInput.Id);
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
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

    private static void WriteRule(Utf8JsonWriter w, DiagnosticDescriptor rule)
    {
        w.WriteStartObject();
        w.WriteString("id", rule.Id);
        if (FormatHelpers.RuleName(rule.Title) is { } name)
        {
            w.WriteString("name", name);
        }

        WriteMessage(w, "shortDescription", string.IsNullOrEmpty(rule.Title) ? rule.Id : rule.Title);
        if (!string.IsNullOrWhiteSpace(rule.Description))
        {
            WriteMessage(w, "fullDescription", rule.Description!);
        }

        if (FormatHelpers.IsAbsoluteUri(rule.HelpLinkUri))
        {
            w.WriteString("helpUri", rule.HelpLinkUri);
        }

        w.WriteStartObject("defaultConfiguration");
        if (rule.DefaultSeverity == DiagnosticSeverity.None)
        {
            w.WriteBoolean("enabled", false);
        }

        w.WriteString("level", FormatHelpers.SarifLevel(rule.DefaultSeverity));
        w.WriteEndObject();
        w.WriteStartObject("properties");
        w.WriteString("category", rule.Category);
        if (!string.IsNullOrEmpty(rule.Category))
        {
            w.WriteStartArray("tags");
            w.WriteStringValue(rule.Category);
            w.WriteEndArray();
        }

        if (rule.References.Count > 0)
        {
            w.WriteStartArray("references");
            foreach (var reference in rule.References)
            {
                w.WriteStringValue(reference);
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    private void WriteResult(Utf8JsonWriter w, SourceText text, string? path, Diagnostic diagnostic)
    {
        w.WriteStartObject();
        w.WriteString("ruleId", diagnostic.Id);
        if (_ruleIndex.TryGetValue(diagnostic.Id, out var index))
        {
            w.WriteNumber("ruleIndex", index);
        }

        w.WriteString("level", FormatHelpers.SarifLevel(diagnostic.Severity));
        WriteMessage(w, "message", diagnostic.Message);
        var uri = path is null ? null : FormatHelpers.ToUri(path);
        if (uri is not null)
        {
            w.WriteStartArray("locations");
            w.WriteStartObject();
            w.WriteStartObject("physicalLocation");
            WriteArtifactLocation(w, uri);
            WriteRegion(w, "region", diagnostic.Location.SourceSpan, diagnostic.Location.LineSpan);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndArray();
        }

        if (diagnostic.Fix is { } fix && uri is not null)
        {
            w.WriteStartArray("fixes");
            w.WriteStartObject();
            WriteMessage(w, "description", fix.Title);
            w.WriteStartArray("artifactChanges");
            w.WriteStartObject();
            WriteArtifactLocation(w, uri);
            w.WriteStartArray("replacements");
            foreach (var change in fix.Changes)
            {
                w.WriteStartObject();
                LinePositionSpan? lines = change.Span.End <= text.Length ? text.GetLinePositionSpan(change.Span) : null;
                WriteRegion(w, "deletedRegion", change.Span, lines);
                w.WriteStartObject("insertedContent");
                w.WriteString("text", change.NewText);
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
        }

        if (diagnostic.Suppression is { } suppression)
        {
            w.WriteStartArray("suppressions");
            w.WriteStartObject();
            w.WriteString("kind", "inSource");
            if (suppression.Justification is { } justification)
            {
                w.WriteString("justification", justification);
            }

            w.WriteEndObject();
            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    private static void WriteArtifactLocation(Utf8JsonWriter w, string uri)
    {
        w.WriteStartObject("artifactLocation");
        w.WriteString("uri", uri);
        w.WriteEndObject();
    }

    private static void WriteRegion(Utf8JsonWriter w, string name, TextSpan span, LinePositionSpan? lines)
    {
        w.WriteStartObject(name);
        if (lines is { } l)
        {
            w.WriteNumber("startLine", l.Start.Line + 1);
            w.WriteNumber("startColumn", l.Start.Character + 1);
            w.WriteNumber("endLine", l.End.Line + 1);
            w.WriteNumber("endColumn", l.End.Character + 1);
        }

        w.WriteNumber("charOffset", span.Start);
        w.WriteNumber("charLength", span.Length);
        w.WriteEndObject();
    }

    private static void WriteMessage(Utf8JsonWriter w, string name, string text)
    {
        w.WriteStartObject(name);
        w.WriteString("text", text);
        w.WriteEndObject();
    }
}

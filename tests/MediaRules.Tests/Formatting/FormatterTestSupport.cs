using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Json.Schema;
using MediaRules.Analysis;
using MediaRules.Formatting;
using MediaRules.Tests.Cli;
using MediaRules.Text;
using Xunit;

namespace MediaRules.Tests.Formatting;

/// <summary>Runs a formatter over texts with the tests' own pack, and validates SARIF against the official schema.</summary>
internal static class FormatterTestSupport
{
    private static readonly Lazy<Linter> PackLinter = new(() => new LinterBuilder().AddRules(CliHarness.TestPack, "pack.yaml").Build());

    private static readonly Lazy<JsonSchema> Schema = new(LoadSchema);

    public static Linter Linter => PackLinter.Value;

    /// <summary>A text of CRLF, CR, LF and U+2028 line breaks, astral characters (emoji) and a fix on every MR2901.</summary>
    public const string TrickyText = "\U0001F389 The zorgs\r\n\U0001F600\U0001F600 zorgs and a blorp\u2028zorgs\rend \U0001F4F0zorgs\n";

    public static string Format(string format, params (string? Path, string Text)[] documents) =>
        Format(format, documents, Array.Empty<(string, string)>());

    public static string Format(string format, (string? Path, string Text)[] documents, (string Path, string Message)[] unreadable)
    {
        using var output = new StringWriter();
        using var formatter = ResultFormatter.Create(format, output);
        formatter.Begin(Linter.Descriptors);
        foreach (var (path, text) in documents)
        {
            formatter.Write(Linter.Analyze(SourceText.From(text), path));
        }

        foreach (var (path, message) in unreadable)
        {
            formatter.WriteUnreadableInput(path, message);
        }

        formatter.End();
        return output.ToString();
    }

    /// <summary>Asserts that a SARIF log is valid against the official SARIF 2.1.0 JSON schema.</summary>
    public static void AssertValidSarif(string sarif)
    {
        var results = Schema.Value.Evaluate(JsonNode.Parse(sarif), new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = results.Details
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
            .Take(10)
            .ToList();
        Assert.True(results.IsValid, "SARIF is not schema-valid:\n" + string.Join("\n", errors));
    }

    /// <summary>Line starts as SARIF counts them (CR LF, CR, LF, NEL, LS, PS), computed independently of SourceText.</summary>
    public static List<int> LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                starts.Add(i + 2);
                i++;
            }
            else if (text[i] is '\r' or '\n' or '\u0085' or '\u2028' or '\u2029')
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }

    /// <summary>
    /// The official schema is draft-04, which JsonSchema.Net does not evaluate; the SARIF schema uses no keyword whose
    /// meaning differs between draft-04 and draft-07, so it is evaluated as draft-07.
    /// </summary>
    private static JsonSchema LoadSchema()
    {
        var text = File.ReadAllText(FindSchemaFile())
            .Replace("\"$schema\": \"http://json-schema.org/draft-04/schema#\"", "\"$schema\": \"http://json-schema.org/draft-07/schema#\"", StringComparison.Ordinal)
            .Replace("\"id\": \"https://docs.oasis-open.org/", "\"$id\": \"https://docs.oasis-open.org/", StringComparison.Ordinal);
        return JsonSchema.FromText(text);
    }

    private static string FindSchemaFile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "MediaRules.Tests", "Formatting", "sarif-schema-2.1.0.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("tests/MediaRules.Tests/Formatting/sarif-schema-2.1.0.json not found above " + AppContext.BaseDirectory);
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using MediaRules.Analysis;
using MediaRules.Cli.Commands;
using MediaRules.Diagnostics;
using MediaRules.Text;

namespace MediaRules.Tests.Lsp;

/// <summary>A published diagnostic, reduced to what the tests compare.</summary>
internal sealed record DiagnosticKey(string Code, int StartLine, int StartCharacter, int EndLine, int EndCharacter, int Severity)
{
    public override string ToString() => $"{Code}@{StartLine}:{StartCharacter}-{EndLine}:{EndCharacter}/{Severity}";
}

/// <summary>
/// What the server should publish, computed the way <c>mediarules lint</c> computes it, with the LSP positions worked
/// out here independently of the server's line map (lines end at \n, \r\n or \r; characters are UTF-16 code units).
/// </summary>
internal static class LspExpectations
{
    private static readonly Lazy<Linter> DefaultLinter = new(Linter.CreateDefault);

    public static Linter Default => DefaultLinter.Value;

    /// <summary>The unsuppressed findings of <c>lint</c> on a file's text, as LSP diagnostics.</summary>
    public static List<DiagnosticKey> Expected(string text, string path, Linter? linter = null) =>
        LintSetup.For(linter ?? Default).Analyze(path, SourceText.From(text)).Diagnostics
            .Where(d => !d.IsSuppressed)
            .Select(d => Key(text, d))
            .OrderBy(k => k.ToString(), StringComparer.Ordinal)
            .ToList();

    public static List<DiagnosticKey> Keys(JsonArray diagnostics) =>
        diagnostics.Select(d => new DiagnosticKey(
                (string)d!["code"]!,
                (int)d["range"]!["start"]!["line"]!,
                (int)d["range"]!["start"]!["character"]!,
                (int)d["range"]!["end"]!["line"]!,
                (int)d["range"]!["end"]!["character"]!,
                (int)d["severity"]!))
            .OrderBy(k => k.ToString(), StringComparer.Ordinal)
            .ToList();

    public static DiagnosticKey Key(string text, Diagnostic diagnostic)
    {
        var (startLine, startCharacter) = PositionOf(text, diagnostic.Location.SourceSpan.Start);
        var (endLine, endCharacter) = PositionOf(text, diagnostic.Location.SourceSpan.End);
        var severity = diagnostic.Severity switch
        {
            DiagnosticSeverity.Error => 1,
            DiagnosticSeverity.Warning => 2,
            DiagnosticSeverity.Suggestion => 3,
            _ => 4,
        };
        return new DiagnosticKey(diagnostic.Id, startLine, startCharacter, endLine, endCharacter, severity);
    }

    public static (int Line, int Character) PositionOf(string text, int offset)
    {
        int line = 0, lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, offset - lineStart);
    }

    public static int OffsetOf(string text, int line, int character)
    {
        var offset = 0;
        for (var l = 0; l < line; l++)
        {
            while (offset < text.Length && text[offset] is not ('\n' or '\r'))
            {
                offset++;
            }

            if (offset >= text.Length)
            {
                return text.Length;
            }

            offset += text[offset] == '\r' && offset + 1 < text.Length && text[offset + 1] == '\n' ? 2 : 1;
        }

        var end = offset;
        while (end < text.Length && text[end] is not ('\n' or '\r'))
        {
            end++;
        }

        return Math.Min(offset + character, end);
    }

    public static int OffsetOf(string text, JsonNode position) => OffsetOf(text, (int)position["line"]!, (int)position["character"]!);

    /// <summary>Applies text edits that all refer to <paramref name="text"/> (as in a WorkspaceEdit).</summary>
    public static string ApplyEdits(string text, JsonArray edits)
    {
        var spans = edits
            .Select(e => (Start: OffsetOf(text, e!["range"]!["start"]!), End: OffsetOf(text, e["range"]!["end"]!), NewText: (string)e["newText"]!))
            .OrderByDescending(e => e.Start)
            .ToList();
        foreach (var (start, end, newText) in spans)
        {
            text = string.Concat(text.AsSpan(0, start), newText, text.AsSpan(end));
        }

        return text;
    }

    public static object Range(int startLine, int startCharacter, int endLine, int endCharacter) =>
        new { start = new { line = startLine, character = startCharacter }, end = new { line = endLine, character = endCharacter } };
}

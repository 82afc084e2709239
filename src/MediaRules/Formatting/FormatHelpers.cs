using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using MediaRules.Diagnostics;

namespace MediaRules.Formatting;

/// <summary>Words, URIs and versions shared by the formatters.</summary>
internal static class FormatHelpers
{
    public const string ToolName = "MediaRules";

    public const string InformationUri = "https://github.com/mediarules/mediarules";

    /// <summary>The library's version without build metadata (for example <c>0.1.0</c>).</summary>
    public static string ToolVersion { get; } = ComputeVersion();

    /// <summary>.editorconfig's word for a severity: error, warning, suggestion, silent, none.</summary>
    public static string SeverityWord(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Suggestion => "suggestion",
        DiagnosticSeverity.Silent => "silent",
        _ => "none",
    };

    /// <summary>SARIF's level: error, warning, note, none.</summary>
    public static string SarifLevel(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Suggestion => "note",
        _ => "none",
    };

    /// <summary>
    /// A path as a URI reference: a relative path stays relative (segments escaped, <c>/</c> between them); an
    /// absolute path becomes a <c>file:</c> URI.
    /// </summary>
    public static string ToUri(string path)
    {
        var p = ToForwardSlashes(path);
        if (p.Length >= 3 && IsAsciiLetter(p[0]) && p[1] == ':' && p[2] == '/')
        {
            return "file:///" + p.Substring(0, 2) + EscapeSegments(p.Substring(2));
        }

        if (Path.DirectorySeparatorChar == '\\' && p.StartsWith("//", StringComparison.Ordinal))
        {
            return "file:" + EscapeSegments(p);
        }

        if (p.StartsWith("/", StringComparison.Ordinal))
        {
            return "file://" + EscapeSegments(p);
        }

        return EscapeSegments(p);
    }

    /// <summary>A path with <c>/</c> between its parts (a backslash is a separator only where the system says so).</summary>
    public static string ToForwardSlashes(string path) =>
        Path.DirectorySeparatorChar == '\\' || Path.AltDirectorySeparatorChar == '\\' ? path.Replace('\\', '/') : path;

    /// <summary>A rule title as an identifier for SARIF's <c>name</c>: its words in PascalCase.</summary>
    public static string? RuleName(string title)
    {
        var builder = new StringBuilder(title.Length);
        var upper = true;
        foreach (var c in title)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            else if (c != '\'' && c != '\u2019')
            {
                upper = true;
            }
        }

        return builder.Length == 0 ? null : builder.ToString();
    }

    /// <summary>Whether a string is an absolute URI (SARIF's <c>helpUri</c> must be one).</summary>
    /// <remarks>It must start with a scheme: on Unix, <see cref="Uri"/> also takes <c>/a/path</c> as absolute.</remarks>
    public static bool IsAbsoluteUri(string? value) =>
        !string.IsNullOrWhiteSpace(value) && HasScheme(value!) && Uri.TryCreate(value, UriKind.Absolute, out _) && !value!.Any(char.IsWhiteSpace);

    public static string Plural(int count, string singular, string plural) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? singular : plural);

    private static string EscapeSegments(string path) =>
        string.Join("/", path.Split('/').Select(s => s.Length == 0 || s == "." || s == ".." ? s : Uri.EscapeDataString(s)));

    private static bool HasScheme(string value)
    {
        var colon = value.IndexOf(':');
        if (colon < 2 || !IsAsciiLetter(value[0]))
        {
            return false;
        }

        for (var i = 1; i < colon; i++)
        {
            var c = value[i];
            if (!IsAsciiLetter(c) && c is not ((>= '0' and <= '9') or '+' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAsciiLetter(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');

    private static string ComputeVersion()
    {
        var assembly = typeof(FormatHelpers).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (!string.IsNullOrEmpty(informational))
        {
            var plus = informational!.IndexOf('+');
            return plus >= 0 ? informational.Substring(0, plus) : informational;
        }

        var version = assembly.GetName().Version;
        return version is null ? "0.0.0" : version.ToString(3);
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace MediaRules.Cli.Import;

/// <summary>One MediaRules rule produced by an importer, before it gets its id.</summary>
internal sealed class ImportedRule
{
    /// <summary>The source rule's name (prh: its <c>expected</c>; Vale: the file name), for the report.</summary>
    public required string Name { get; init; }

    /// <summary>Where the source rule is: <c>file:line:column</c>.</summary>
    public required string Origin { get; init; }

    public required string Title { get; init; }

    public required string Kind { get; init; }

    public string Severity { get; init; } = "warning";

    public required string Message { get; init; }

    public string? Description { get; init; }

    public string? Help { get; init; }

    public List<(string Term, IReadOnlyList<string> Suggest)> Terms { get; } = [];

    public List<string> Patterns { get; } = [];

    public bool CaseSensitive { get; init; }

    /// <summary>Written only for term rules: imported terms match literally, never their plurals.</summary>
    public bool Inflect { get; init; }

    public List<string> Suggestions { get; } = [];

    public List<string> Exceptions { get; } = [];

    public List<string> Flag { get; } = [];

    public List<string> Pass { get; } = [];
}

/// <summary>What an import converted and what it could not, each by the source rule's name.</summary>
internal sealed class ImportLog
{
    public List<string> Converted { get; } = [];

    /// <summary>Rules, or parts of rules, that were not converted (or converted with a loss): exit code 1.</summary>
    public List<string> NotConverted { get; } = [];

    public void Skip(string origin, string name, string why) => NotConverted.Add($"{origin}: '{name}': {why}");
}

/// <summary>An import that cannot go on: unreadable file or malformed YAML (exit code 2).</summary>
internal sealed class ImportException : Exception
{
    public ImportException()
    {
    }

    public ImportException(string message)
        : base(message)
    {
    }

    public ImportException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary>Checks a pattern the way the <c>pattern</c> kind compiles it (linear-time NonBacktracking engine).</summary>
internal static class PatternCheck
{
    /// <summary>Null when the pattern compiles, else why not.</summary>
    public static string? Problem(string pattern, bool caseSensitive)
    {
        var options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.NonBacktracking;
        if (!caseSensitive)
        {
            options |= RegexOptions.IgnoreCase;
        }

        try
        {
            _ = new Regex(pattern, options, Regex.InfiniteMatchTimeout);
            return null;
        }
        catch (ArgumentException ex)
        {
            return ex.Message;
        }
        catch (NotSupportedException ex)
        {
            return "the linear-time engine cannot run it (backreference, lookaround or atomic group): " + ex.Message;
        }
    }

    /// <summary>
    /// A pattern that matches what <paramref name="pattern"/> matches, except where <paramref name="expected"/>
    /// itself stands: the correct form is matched first with an empty <c>match</c> group, which the pattern kind
    /// does not report (prh and Vale never flag text that is already the replacement).
    /// </summary>
    public static string ExcludingExpected(string pattern, string expected) =>
        Regex.Escape(expected) + "(?<match>)|(?<match>" + pattern + ")";

    /// <summary>Whether <paramref name="text"/> can be a plain term (words, spaces, hyphens, apostrophes).</summary>
    public static bool IsPlainTerm(string text)
    {
        if (text.Trim().Length == 0 || text.Trim().Length != text.Length)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsLetterOrDigit(c) && c is not (' ' or '-' or '\'' or '\u2019'))
            {
                return false;
            }
        }

        return true;
    }

    public static string Position(string file, YamlDotNet.Core.Mark mark) =>
        string.Create(CultureInfo.InvariantCulture, $"{file}:{mark.Line}:{mark.Column}");
}

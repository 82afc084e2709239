using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace MediaRules.Analysis;

/// <summary>A problem in a rule file, with where it is.</summary>
public sealed class RuleLoadError
{
    /// <summary>Creates an error.</summary>
    /// <param name="source">The file path or source name.</param>
    /// <param name="line">The 1-based line (0 when unknown).</param>
    /// <param name="column">The 1-based column (0 when unknown).</param>
    /// <param name="message">What is wrong.</param>
    public RuleLoadError(string source, int line, int column, string message)
    {
        Source = source ?? string.Empty;
        Line = line;
        Column = column;
        Message = message ?? string.Empty;
    }

    /// <summary>The file path or source name.</summary>
    public string Source { get; }

    /// <summary>The 1-based line, or 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>The 1-based column, or 0 when unknown.</summary>
    public int Column { get; }

    /// <summary>What is wrong.</summary>
    public string Message { get; }

    /// <summary>Shows the error in the compiler style: <c>file(line,col): error MR9001: message</c>.</summary>
    /// <returns>The error as text.</returns>
    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "{0}({1},{2}): error {3}: {4}", Source, Line, Column, EngineDiagnostics.InvalidRuleFile.Id, Message);
}

/// <summary>Rule packs that do not load. <see cref="Errors"/> names every problem found, with file, line and column.</summary>
public sealed class RuleLoadException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RuleLoadException()
        : this(Array.Empty<RuleLoadError>())
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    public RuleLoadException(string message)
        : this(new[] { new RuleLoadError(string.Empty, 0, 0, message) })
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public RuleLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = new[] { new RuleLoadError(string.Empty, 0, 0, message) };
    }

    /// <summary>Creates the exception from the errors found.</summary>
    /// <param name="errors">The errors.</param>
    public RuleLoadException(IReadOnlyList<RuleLoadError> errors)
        : base(errors is { Count: > 0 } ? string.Join(Environment.NewLine, errors.Select(e => e.ToString())) : "Rule packs do not load.")
    {
        Errors = errors ?? Array.Empty<RuleLoadError>();
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<RuleLoadError> Errors { get; }
}

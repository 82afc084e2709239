using System;

namespace MediaRules.Diagnostics;

/// <summary>One finding: a descriptor, where it is, its message, its effective severity and an optional fix.</summary>
public sealed class Diagnostic : IEquatable<Diagnostic>
{
    /// <summary>Creates a diagnostic.</summary>
    /// <param name="descriptor">The rule that reports it.</param>
    /// <param name="location">Where it is.</param>
    /// <param name="message">The message, with the occurrence filled in.</param>
    /// <param name="severity">The effective severity (after configuration).</param>
    /// <param name="fix">A suggested fix, if the rule offers one.</param>
    public Diagnostic(DiagnosticDescriptor descriptor, Location location, string message, DiagnosticSeverity severity, CodeFix? fix = null)
    {
        Descriptor = descriptor ?? throw new ArgumentNullException(nameof(descriptor));
        Location = location ?? throw new ArgumentNullException(nameof(location));
        Message = message ?? throw new ArgumentNullException(nameof(message));
        Severity = severity;
        Fix = fix;
    }

    /// <summary>The rule that reports it.</summary>
    public DiagnosticDescriptor Descriptor { get; }

    /// <summary>The rule id.</summary>
    public string Id => Descriptor.Id;

    /// <summary>Where it is.</summary>
    public Location Location { get; }

    /// <summary>The message.</summary>
    public string Message { get; }

    /// <summary>The effective severity.</summary>
    public DiagnosticSeverity Severity { get; }

    /// <summary>A suggested fix, or <see langword="null"/>.</summary>
    public CodeFix? Fix { get; }

    /// <summary>The in-source suppression that hides this diagnostic, or <see langword="null"/>. Suppressed
    /// diagnostics are kept (SARIF <c>suppressions</c>, counted in summaries) but do not count toward the exit code.</summary>
    public DiagnosticSuppression? Suppression { get; private init; }

    /// <summary>Whether an in-source directive suppresses this diagnostic.</summary>
    public bool IsSuppressed => Suppression is not null;

    /// <summary>A copy with another severity.</summary>
    /// <param name="severity">The new severity.</param>
    /// <returns>The copy, or this diagnostic when the severity is the same.</returns>
    public Diagnostic WithSeverity(DiagnosticSeverity severity) =>
        severity == Severity ? this : new Diagnostic(Descriptor, Location, Message, severity, Fix) { Suppression = Suppression };

    /// <summary>A copy suppressed by an in-source directive.</summary>
    /// <param name="suppression">The suppression.</param>
    /// <returns>The copy.</returns>
    public Diagnostic WithSuppression(DiagnosticSuppression suppression) =>
        new(Descriptor, Location, Message, Severity, Fix) { Suppression = suppression ?? throw new ArgumentNullException(nameof(suppression)) };

    /// <inheritdoc/>
    public bool Equals(Diagnostic? other) =>
        other is not null
        && string.Equals(Id, other.Id, StringComparison.Ordinal)
        && Location.Equals(other.Location)
        && string.Equals(Message, other.Message, StringComparison.Ordinal)
        && Severity == other.Severity
        && IsSuppressed == other.IsSuppressed;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Diagnostic);

    /// <inheritdoc/>
    public override int GetHashCode() => unchecked((StringComparer.Ordinal.GetHashCode(Id) * 397) ^ Location.GetHashCode());

    /// <summary>Shows the diagnostic in the compiler style <c>path(line,col): severity ID: message</c>.</summary>
    /// <returns>The diagnostic as text.</returns>
    public override string ToString() =>
        $"{Location}: {Severity.ToString().ToLowerInvariant()} {Id}: {Message}";
}

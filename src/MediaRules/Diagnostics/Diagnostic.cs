using System;
using MediaRules.Text;

namespace MediaRules.Diagnostics;

/// <summary>One finding: a descriptor, where it is, its message, its effective severity and an optional fix.</summary>
/// <remarks>
/// A diagnostic the engine makes is one object: where it is (path, span and line positions) and a fix that replaces its
/// span are kept as values, and <see cref="Location"/> and <see cref="Fix"/> are made from them when first read. A long
/// text has tens of thousands of findings, which live until the caller is done with them: as four objects each (the
/// diagnostic, its location, its fix and the fix's change list) they cost every garbage collection that meets them.
/// </remarks>
public sealed class Diagnostic : IEquatable<Diagnostic>
{
    private readonly string? _path;
    private readonly TextSpan _span;
    private readonly LinePositionSpan _lineSpan;

    // A fix that replaces the diagnostic's own span, as values (null title: none, or a fix kept as given).
    private readonly string? _fixTitle;
    private readonly string? _fixText;

    // Made from the values above when first read (two threads may each make one: equal values either way).
    private Location? _location;
    private CodeFix? _fix;

    /// <summary>Creates a diagnostic.</summary>
    /// <param name="descriptor">The rule that reports it.</param>
    /// <param name="location">Where it is.</param>
    /// <param name="message">The message, with the occurrence filled in.</param>
    /// <param name="severity">The effective severity (after configuration).</param>
    /// <param name="fix">A suggested fix, if the rule offers one.</param>
    public Diagnostic(DiagnosticDescriptor descriptor, Location location, string message, DiagnosticSeverity severity, CodeFix? fix = null)
    {
        Descriptor = descriptor ?? throw new ArgumentNullException(nameof(descriptor));
        _location = location ?? throw new ArgumentNullException(nameof(location));
        _path = location.Path;
        _span = location.SourceSpan;
        _lineSpan = location.LineSpan;
        Message = message ?? throw new ArgumentNullException(nameof(message));
        Severity = severity;
        _fix = fix;
    }

    /// <summary>A diagnostic at a span of a text, its line positions computed; with a fix that replaces the span by <paramref name="fixText"/> when <paramref name="fixTitle"/> is given.</summary>
    internal Diagnostic(DiagnosticDescriptor descriptor, string? path, SourceText text, TextSpan span, string message, DiagnosticSeverity severity, string? fixTitle = null, string? fixText = null)
    {
        Descriptor = descriptor;
        _path = path;
        _span = span;
        _lineSpan = text.GetLinePositionSpan(span);
        Message = message;
        Severity = severity;
        _fixTitle = fixTitle;
        _fixText = fixTitle is null ? null : fixText;
    }

    // A copy with another severity or suppression: the same values, and the objects already made.
    private Diagnostic(Diagnostic other, DiagnosticSeverity severity, DiagnosticSuppression? suppression)
    {
        Descriptor = other.Descriptor;
        _path = other._path;
        _span = other._span;
        _lineSpan = other._lineSpan;
        _fixTitle = other._fixTitle;
        _fixText = other._fixText;
        _location = other._location;
        _fix = other._fix;
        Message = other.Message;
        Severity = severity;
        Suppression = suppression;
    }

    /// <summary>The rule that reports it.</summary>
    public DiagnosticDescriptor Descriptor { get; }

    /// <summary>The rule id.</summary>
    public string Id => Descriptor.Id;

    /// <summary>Where it is.</summary>
    public Location Location => _location ??= new Location(_path, _span, _lineSpan);

    /// <summary>The span in the document's text: <see cref="Location"/>'s, without making it.</summary>
    internal TextSpan Span => _span;

    /// <summary>The message.</summary>
    public string Message { get; }

    /// <summary>The effective severity.</summary>
    public DiagnosticSeverity Severity { get; }

    /// <summary>A suggested fix, or <see langword="null"/>.</summary>
    public CodeFix? Fix => _fix ?? (_fixTitle is null ? null : _fix = new CodeFix(_fixTitle, new[] { new TextChange(_span, _fixText!) }));

    /// <summary>
    /// The fix as values when it replaces the diagnostic's span alone (title and replacement), without making it;
    /// false when there is no fix or it is another kind (read <see cref="Fix"/>).
    /// </summary>
    internal bool TryGetReplacement(out string title, out TextSpan span, out string text)
    {
        if (_fixTitle is not null)
        {
            title = _fixTitle;
            span = _span;
            text = _fixText!;
            return true;
        }

        if (_fix is { Changes.Count: 1 } fix)
        {
            title = fix.Title;
            span = fix.Changes[0].Span;
            text = fix.Changes[0].NewText;
            return true;
        }

        title = string.Empty;
        span = default;
        text = string.Empty;
        return false;
    }

    /// <summary>The in-source suppression that hides this diagnostic, or <see langword="null"/>. Suppressed
    /// diagnostics are kept (SARIF <c>suppressions</c>, counted in summaries) but do not count toward the exit code.</summary>
    public DiagnosticSuppression? Suppression { get; }

    /// <summary>Whether an in-source directive suppresses this diagnostic.</summary>
    public bool IsSuppressed => Suppression is not null;

    /// <summary>A copy with another severity.</summary>
    /// <param name="severity">The new severity.</param>
    /// <returns>The copy, or this diagnostic when the severity is the same.</returns>
    public Diagnostic WithSeverity(DiagnosticSeverity severity) =>
        severity == Severity ? this : new Diagnostic(this, severity, Suppression);

    /// <summary>A copy suppressed by an in-source directive.</summary>
    /// <param name="suppression">The suppression.</param>
    /// <returns>The copy.</returns>
    public Diagnostic WithSuppression(DiagnosticSuppression suppression) =>
        new(this, Severity, suppression ?? throw new ArgumentNullException(nameof(suppression)));

    /// <inheritdoc/>
    public bool Equals(Diagnostic? other) =>
        other is not null
        && string.Equals(Id, other.Id, StringComparison.Ordinal)
        && string.Equals(_path, other._path, StringComparison.Ordinal) && _span == other._span && _lineSpan == other._lineSpan
        && string.Equals(Message, other.Message, StringComparison.Ordinal)
        && Severity == other.Severity
        && IsSuppressed == other.IsSuppressed;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Diagnostic);

    /// <inheritdoc/>
    public override int GetHashCode() => unchecked((StringComparer.Ordinal.GetHashCode(Id) * 397) ^ _span.GetHashCode());

    /// <summary>Shows the diagnostic in the compiler style <c>path(line,col): severity ID: message</c>.</summary>
    /// <returns>The diagnostic as text.</returns>
    public override string ToString() =>
        $"{Location}: {Severity.ToString().ToLowerInvariant()} {Id}: {Message}";
}

using MediaRules.Text;

namespace MediaRules.Diagnostics;

/// <summary>An in-source suppression of a diagnostic: the directive that hides it and the reason it gives.</summary>
public sealed class DiagnosticSuppression
{
    /// <summary>Creates a suppression.</summary>
    /// <param name="directiveSpan">The span of the directive (the whole comment) in the original text.</param>
    /// <param name="justification">The reason written after <c>--</c> in the directive, if any.</param>
    public DiagnosticSuppression(TextSpan directiveSpan, string? justification)
    {
        DirectiveSpan = directiveSpan;
        Justification = justification;
    }

    /// <summary>The span of the directive in the original text.</summary>
    public TextSpan DirectiveSpan { get; }

    /// <summary>The reason the directive gives, or <see langword="null"/>.</summary>
    public string? Justification { get; }
}

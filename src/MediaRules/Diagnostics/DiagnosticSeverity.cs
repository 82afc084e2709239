namespace MediaRules.Diagnostics;

/// <summary>
/// How serious a diagnostic is, in .editorconfig's words. Ordered: a higher value is more serious.
/// </summary>
public enum DiagnosticSeverity
{
    /// <summary>Not reported at all.</summary>
    None = 0,

    /// <summary>Reported to tools (an editor, SARIF) but not shown to the reader; SARIF level <c>none</c>.</summary>
    Silent = 1,

    /// <summary>A suggestion; SARIF level <c>note</c>.</summary>
    Suggestion = 2,

    /// <summary>A warning; SARIF level <c>warning</c>.</summary>
    Warning = 3,

    /// <summary>An error: the CLI exits with code 1; SARIF level <c>error</c>.</summary>
    Error = 4,
}

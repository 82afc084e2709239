namespace MediaRules.Cli;

/// <summary>The exit codes of <c>mediarules</c>.</summary>
internal static class ExitCodes
{
    /// <summary>No diagnostic of severity error.</summary>
    public const int Success = 0;

    /// <summary>At least one diagnostic of severity error (an unreadable input counts: MR9004 is an error).</summary>
    public const int Errors = 1;

    /// <summary>A usage error, a rule-file or configuration error, a missing path, or an unexpected failure.</summary>
    public const int Usage = 2;
}

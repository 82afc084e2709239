using System;

namespace MediaRules.Diagnostics;

/// <summary>
/// The categories of rules. The first digit of a rule id (<c>MR</c> + four digits) names the category.
/// </summary>
public static class DiagnosticCategory
{
    /// <summary>Who says so: vague or anonymous sourcing, unattributed figures, loaded reporting verbs (MR1xxx).</summary>
    public const string Attribution = "attribution";

    /// <summary>Loaded or contested labels, euphemisms, scare quotes, preferred terms (MR2xxx).</summary>
    public const string Terminology = "terminology";

    /// <summary>One name written two ways, acronyms used before their definition (MR3xxx).</summary>
    public const string Consistency = "consistency";

    /// <summary>Quotation mechanics: unbalanced or mismatched marks (MR4xxx).</summary>
    public const string Quotation = "quotation";

    /// <summary>Problems of the engine itself: a rule file that does not load, an unreadable input (MR9xxx).</summary>
    public const string Engine = "engine";

    /// <summary>Whether <paramref name="id"/> has the shape <c>MR</c> + four digits.</summary>
    /// <param name="id">A rule id.</param>
    /// <returns><see langword="true"/> if it is well formed.</returns>
    public static bool IsValidRuleId(string? id) =>
        id is { Length: 6 } && id[0] == 'M' && id[1] == 'R' && IsDigit(id[2]) && IsDigit(id[3]) && IsDigit(id[4]) && IsDigit(id[5]);

    /// <summary>The category of a rule id, from its first digit.</summary>
    /// <param name="id">A well-formed rule id.</param>
    /// <returns>The category, or <see langword="null"/> when the digit names none.</returns>
    public static string? FromRuleId(string id)
    {
        if (!IsValidRuleId(id))
        {
            throw new ArgumentException($"'{id}' is not a rule id (MR followed by four digits).", nameof(id));
        }

        return id[2] switch
        {
            '1' => Attribution,
            '2' => Terminology,
            '3' => Consistency,
            '4' => Quotation,
            '9' => Engine,
            _ => null,
        };
    }

    private static bool IsDigit(char c) => c is >= '0' and <= '9';
}

namespace MediaRules.Matching;

/// <summary>Reads a quantifier of a .NET pattern, for the readers of patterns (<see cref="RegexPrefilter"/>, <see cref="RegexWindows"/>).</summary>
internal static class RegexQuantifier
{
    /// <summary>The upper bound of an unbounded quantifier (<c>*</c>, <c>+</c>, <c>{n,}</c>).</summary>
    public const int Unbounded = int.MaxValue;

    /// <summary>
    /// The bounds of the quantifier at <paramref name="at"/>, which moves past it (and past a lazy <c>?</c>); (1, 1), with
    /// <paramref name="at"/> unmoved, when there is none or the <c>{</c> there is one .NET reads as a literal.
    /// </summary>
    /// <param name="pattern">The pattern.</param>
    /// <param name="at">Where the quantifier may stand.</param>
    /// <returns>The least and most repetitions.</returns>
    public static (int Min, int Max) Read(string pattern, ref int at)
    {
        if (at >= pattern.Length)
        {
            return (1, 1);
        }

        (int, int) result;
        switch (pattern[at])
        {
            case '?':
                at++;
                result = (0, 1);
                break;
            case '*':
                at++;
                result = (0, Unbounded);
                break;
            case '+':
                at++;
                result = (1, Unbounded);
                break;
            case '{':
                var end = pattern.IndexOf('}', at);
                var parts = end < 0 ? null : pattern.Substring(at + 1, end - at - 1).Split(',');
                if (parts is null || parts.Length > 2 || !TryParseCount(parts[0], out var min))
                {
                    return (1, 1); // a literal '{'
                }

                int max;
                if (parts.Length == 1)
                {
                    max = min;
                }
                else if (parts[1].Length == 0)
                {
                    max = Unbounded;
                }
                else if (!TryParseCount(parts[1], out max))
                {
                    return (1, 1);
                }

                at = end + 1;
                result = (min, max);
                break;
            default:
                return (1, 1);
        }

        if (at < pattern.Length && pattern[at] == '?')
        {
            at++; // lazy
        }

        return result;
    }

    // Digits only, as .NET reads a quantifier's counts.
    private static bool TryParseCount(string digits, out int count) =>
        int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out count);
}

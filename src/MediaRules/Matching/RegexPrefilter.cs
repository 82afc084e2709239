using System;
using System.Collections.Generic;
using System.Linq;

namespace MediaRules.Matching;

/// <summary>
/// The literal strings one of which every match of a regular expression must contain, read off the pattern, so that
/// text holding none of them never reaches the regex engine. <c>\b(?&lt;match&gt;claimed|admitted)\s+that</c> needs
/// "that" (or "claimed"/"admitted": the longer requirement wins). The reading is conservative: any construct it does
/// not understand (inline options, escapes other than punctuation, classes) contributes no requirement, and a pattern
/// with no requirement at least three characters long gets no prefilter.
/// </summary>
internal sealed class RegexPrefilter
{
    /// <summary>
    /// Characters that a case-insensitive regex may equate with ASCII letters although ordinal-ignore-case comparison does
    /// not (Kelvin sign, long s, dotted and dotless i, ångström sign): text containing one is always handed to the regex.
    /// </summary>
    internal const string CaseTraps = "\u212A\u017F\u0130\u0131\u212B";

    private const int MinimumLength = 3;

    private readonly StringComparison _comparison;
#if NET
    private readonly System.Buffers.SearchValues<string> _search;
    private static readonly System.Buffers.SearchValues<char> Traps = System.Buffers.SearchValues.Create(CaseTraps);
#endif

    private RegexPrefilter(string[] literals, bool ignoreCase)
    {
        Literals = literals;
        IgnoreCase = ignoreCase;
        _comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
#if NET
        _search = System.Buffers.SearchValues.Create(literals, _comparison);
#endif
    }

    /// <summary>The literals, one of which every match contains.</summary>
    public IReadOnlyList<string> Literals { get; }

    /// <summary>Whether one of the literals starts at <paramref name="at"/> in <paramref name="text"/>.</summary>
    public bool HasLiteralAt(ReadOnlySpan<char> text, int at)
    {
        var rest = text.Slice(at);
        foreach (var literal in Literals)
        {
            if (rest.StartsWith(literal.AsSpan(), _comparison))
            {
                return true;
            }
        }

        return false;
    }

    public bool IgnoreCase { get; }

    /// <summary>A prefilter for a pattern, or null when the pattern requires no literal worth searching for.</summary>
    public static RegexPrefilter? Create(string pattern, bool ignoreCase)
    {
        try
        {
            var parser = new Parser(pattern);
            var factor = parser.ParseAlternation();
            if (!parser.AtEnd || factor is null || factor.Min(l => l.Length) < MinimumLength || factor.Any(l => l.Any(c => c > '\u007F')))
            {
                return null;
            }

            return new RegexPrefilter(factor.Distinct(StringComparer.Ordinal).ToArray(), ignoreCase);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The positions (ascending) of the characters of <see cref="CaseTraps"/> within <paramref name="range"/> of a text.</summary>
    public static int[] FindCaseTraps(string text, Text.TextSpan range)
    {
        List<int>? found = null;
#if NET
        var span = text.AsSpan(range.Start, range.Length);
        for (var at = 0; at < span.Length;)
        {
            var next = span.Slice(at).IndexOfAny(Traps);
            if (next < 0)
            {
                break;
            }

            (found ??= new List<int>()).Add(range.Start + at + next);
            at += next + 1;
        }
#else
        var traps = CaseTraps.ToCharArray();
        for (var at = range.Start; at < range.End;)
        {
            var next = text.IndexOfAny(traps, at, range.End - at);
            if (next < 0)
            {
                break;
            }

            (found ??= new List<int>()).Add(next);
            at = next + 1;
        }
#endif
        return found?.ToArray() ?? Array.Empty<int>();
    }

    /// <summary>
    /// Calls <paramref name="found"/> with the position (in <paramref name="text"/>) of every occurrence of a literal,
    /// and of every character that could stand for one, that lies within <paramref name="range"/>.
    /// </summary>
    public void FindCandidates(string text, Text.TextSpan range, Action<int> found) => FindCandidates(text, range, found, null);

    /// <summary>
    /// <see cref="FindCandidates(string, Text.TextSpan, Action{int})"/>, with the positions of the characters that could
    /// stand for a literal already known (<see cref="FindCaseTraps"/> over at least <paramref name="range"/>).
    /// </summary>
    public void FindCandidates(string text, Text.TextSpan range, Action<int> found, int[]? caseTraps)
    {
#if NET
        var span = text.AsSpan(range.Start, range.Length);
        for (var at = 0; at < span.Length;)
        {
            var next = span.Slice(at).IndexOfAny(_search);
            if (next < 0)
            {
                break;
            }

            found(range.Start + at + next);
            at += next + 1;
        }

        if (IgnoreCase)
        {
            foreach (var trap in caseTraps ?? FindCaseTraps(text, range))
            {
                if (range.Contains(trap))
                {
                    found(trap);
                }
            }
        }
#else
        foreach (var literal in Literals)
        {
            for (var at = range.Start; at < range.End;)
            {
                var next = text.IndexOf(literal, at, range.End - at, _comparison);
                if (next < 0)
                {
                    break;
                }

                found(next);
                at = next + 1;
            }
        }

        if (IgnoreCase)
        {
            foreach (var trap in caseTraps ?? FindCaseTraps(text, range))
            {
                if (range.Contains(trap))
                {
                    found(trap);
                }
            }
        }
#endif
    }

    /// <summary>A recursive reading of the pattern that keeps, for each part, a set of literals one of which any match of the part contains.</summary>
    private sealed class Parser
    {
        private readonly string _pattern;
        private int _at;

        public Parser(string pattern) => _pattern = pattern;

        public bool AtEnd => _at >= _pattern.Length;

        // alternation := sequence ('|' sequence)*
        public List<string>? ParseAlternation()
        {
            var branches = new List<List<string>?> { ParseSequence() };
            while (!AtEnd && _pattern[_at] == '|')
            {
                _at++;
                branches.Add(ParseSequence());
            }

            if (branches.Count == 1)
            {
                return branches[0];
            }

            // Every branch must require something; any of their requirements will do.
            return branches.Any(b => b is null) ? null : branches.SelectMany(b => b!).ToList();
        }

        // sequence := (atom quantifier?)* ; adjacent single literal characters form literal runs.
        private List<string>? ParseSequence()
        {
            List<string>? best = null;
            var run = new System.Text.StringBuilder();
            void EndRun()
            {
                if (run.Length > 0)
                {
                    best = Better(best, new List<string> { run.ToString() });
                    run.Clear();
                }
            }

            while (!AtEnd && _pattern[_at] != '|' && _pattern[_at] != ')')
            {
                var (literal, factor, zeroWidth) = ParseAtom();
                var (min, max) = ParseQuantifier();
                if (zeroWidth)
                {
                    continue; // \b, ^, lookarounds: no characters, no break in a literal run
                }

                if (literal is { } c && min == 1 && max == 1)
                {
                    run.Append(c);
                    continue;
                }

                if (literal is { } required && min >= 1)
                {
                    run.Append(required); // "s+" still needs one "s"; the run ends after it
                }

                EndRun();
                if (factor is not null && min >= 1)
                {
                    best = Better(best, factor);
                }
            }

            EndRun();
            return best;
        }

        private static List<string>? Better(List<string>? a, List<string> b)
        {
            if (a is null)
            {
                return b;
            }

            var minA = a.Min(s => s.Length);
            var minB = b.Min(s => s.Length);
            return minB > minA || (minB == minA && b.Count < a.Count) ? b : a;
        }

        // Returns a literal character, or a factor for a group, or nothing for anything else.
        private (char? Literal, List<string>? Factor, bool ZeroWidth) ParseAtom()
        {
            var c = _pattern[_at++];
            switch (c)
            {
                case '(':
                    var lookaround = false;
                    if (!AtEnd && _pattern[_at] == '?')
                    {
                        _at++;
                        if (AtEnd)
                        {
                            throw new FormatException();
                        }

                        var kind = _pattern[_at];
                        if (kind == ':')
                        {
                            _at++;
                        }
                        else if (kind is '=' or '!')
                        {
                            _at++;
                            lookaround = true;
                        }
                        else if (kind == '<' && _at + 1 < _pattern.Length && _pattern[_at + 1] is '=' or '!')
                        {
                            _at += 2;
                            lookaround = true;
                        }
                        else if (kind is '<' or '\'')
                        {
                            var close = kind == '<' ? '>' : '\'';
                            var end = _pattern.IndexOf(close, _at + 1);
                            if (end < 0)
                            {
                                throw new FormatException();
                            }

                            _at = end + 1;
                        }
                        else
                        {
                            throw new FormatException(); // inline options, conditionals, atomic groups: not read
                        }
                    }

                    var inner = ParseAlternation();
                    if (AtEnd || _pattern[_at] != ')')
                    {
                        throw new FormatException();
                    }

                    _at++;
                    return lookaround ? (null, null, true) : (null, inner, false);
                case '[':
                    SkipClass();
                    return (null, null, false);
                case '\\':
                    if (AtEnd)
                    {
                        throw new FormatException();
                    }

                    var e = _pattern[_at++];
                    if (e is 'b' or 'B' or 'A' or 'z' or 'Z' or 'G')
                    {
                        return (null, null, true);
                    }

                    if (e is 'p' or 'P' or 'k')
                    {
                        var end = _pattern.IndexOf(e == 'k' ? '>' : '}', _at);
                        if (end < 0)
                        {
                            throw new FormatException();
                        }

                        _at = end + 1;
                        return (null, null, false);
                    }

                    return char.IsLetterOrDigit(e) ? (null, null, false) : (e, null, false);
                case '^':
                case '$':
                    return (null, null, true);
                case '.':
                    return (null, null, false);
                case '*':
                case '+':
                case '?':
                case '{':
                    throw new FormatException(); // a quantifier with nothing before it
                default:
                    return char.IsWhiteSpace(c) && c != ' ' ? (null, null, false) : (c, null, false);
            }
        }

        private void SkipClass()
        {
            if (!AtEnd && _pattern[_at] == '^')
            {
                _at++;
            }

            if (!AtEnd && _pattern[_at] == ']')
            {
                _at++;
            }

            while (!AtEnd && _pattern[_at] != ']')
            {
                if (_pattern[_at] == '\\')
                {
                    _at++;
                }

                _at++;
            }

            if (AtEnd)
            {
                throw new FormatException();
            }

            _at++;
        }

        private (int Min, int Max) ParseQuantifier() => RegexQuantifier.Read(_pattern, ref _at);
    }
}

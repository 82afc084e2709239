using System;
using System.Collections.Generic;
using System.Linq;

namespace MediaRules.Matching;

/// <summary>
/// The prefilters of one rule's patterns, searched for in one pass: the union of their literals is looked for once, and
/// each occurrence is given to the prefilters whose own literals start there. Each prefilter gets the same positions as
/// its own search (<see cref="RegexPrefilter.FindCandidates(string, Text.TextSpan, Action{int}, int[])"/>) would give.
/// </summary>
internal sealed class RegexPrefilterSet
{
    private readonly RegexPrefilter[] _prefilters;
#if NET
    // The union of the literals, when there are two prefilters or more and they all ignore case, or all do not.
    private readonly System.Buffers.SearchValues<string>? _union;
#endif

    /// <summary>A set of prefilters (each distinct one once, in order).</summary>
    /// <param name="prefilters">The prefilters.</param>
    public RegexPrefilterSet(IEnumerable<RegexPrefilter> prefilters)
    {
        _prefilters = prefilters.Distinct().ToArray();
#if NET
        if (_prefilters.Length > 1 && _prefilters.All(p => p.IgnoreCase == _prefilters[0].IgnoreCase))
        {
            var comparer = _prefilters[0].IgnoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
            var literals = _prefilters.SelectMany(p => p.Literals).Distinct(comparer).ToArray();
            _union = System.Buffers.SearchValues.Create(literals, _prefilters[0].IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
        }
#endif
    }

    /// <summary>The distinct prefilters, in order: the index of each is the index of its positions.</summary>
    public IReadOnlyList<RegexPrefilter> Prefilters => _prefilters;

    /// <summary>Whether a prefilter ignores case (and so reports the characters that could stand for a literal).</summary>
    public bool AnyIgnoresCase => Array.Exists(_prefilters, p => p.IgnoreCase);

    /// <summary>
    /// For each prefilter, the positions (in <paramref name="text"/>, ascending) of its literals and of the characters
    /// that could stand for one, within <paramref name="range"/>.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="range">Where to search.</param>
    /// <param name="caseTraps">The positions of <see cref="RegexPrefilter.CaseTraps"/> over at least the range, when known.</param>
    /// <returns>The positions, by prefilter.</returns>
    public List<int>[] FindCandidates(string text, Text.TextSpan range, int[]? caseTraps)
    {
        var found = new List<int>[_prefilters.Length];
        for (var i = 0; i < found.Length; i++)
        {
            found[i] = new List<int>();
        }

#if NET
        if (_union is { } union)
        {
            var span = text.AsSpan(range.Start, range.Length);
            for (var at = 0; at < span.Length;)
            {
                var next = span.Slice(at).IndexOfAny(union);
                if (next < 0)
                {
                    break;
                }

                at += next;
                for (var i = 0; i < _prefilters.Length; i++)
                {
                    if (_prefilters[i].HasLiteralAt(span, at))
                    {
                        found[i].Add(range.Start + at);
                    }
                }

                at++;
            }

            if (_prefilters[0].IgnoreCase)
            {
                var traps = caseTraps ?? RegexPrefilter.FindCaseTraps(text, range);
                foreach (var list in found)
                {
                    foreach (var trap in traps)
                    {
                        if (range.Contains(trap))
                        {
                            list.Add(trap);
                        }
                    }

                    list.Sort(); // the characters that may stand for a literal come after the literals
                }
            }

            return found;
        }
#endif
        for (var i = 0; i < _prefilters.Length; i++)
        {
            _prefilters[i].FindCandidates(text, range, found[i].Add, _prefilters[i].IgnoreCase ? caseTraps : null);
            found[i].Sort();
        }

        return found;
    }
}

using System;
using System.Collections.Generic;
using MediaRules.Text;

namespace MediaRules.Rules.Kinds;

internal sealed partial class NameConsistencyRuleKind
{
    private sealed partial class NameConsistencyRule
    {
        /// <summary>
        /// The second half of the combine: which of the document's distinct names (numbered in order of first
        /// occurrence) and "Given Surname" pairs are spellings of one another, reported in document order.
        /// </summary>
        private sealed class Variants
        {
            private readonly NameConsistencyRule _rule;
            private readonly List<string> _keys;
            private readonly List<Occurrence> _firsts;
            private readonly List<(int Given, int Surname, Occurrence First)> _pairs;
            private readonly DocumentCombination _combination;
            private readonly string[] _lower;
            private readonly string[] _folded;
            private readonly bool[] _inGroup;
            private readonly Dictionary<int, HashSet<int>> _givenNames = new();
            private readonly HashSet<long> _variantPairs = new();
            private readonly List<(Occurrence At, string Other, TextSpan OtherSpan)> _reports = new();

            public Variants(NameConsistencyRule rule, List<string> keys, List<Occurrence> firsts, List<(int Given, int Surname, Occurrence First)> pairs, DocumentCombination combination)
            {
                _rule = rule;
                _keys = keys;
                _firsts = firsts;
                _pairs = pairs;
                _combination = combination;
                // Each name's lower-case and folded forms once, not once per comparison.
                _lower = new string[keys.Count];
                _folded = new string[keys.Count];
                _inGroup = new bool[keys.Count];
                for (var k = 0; k < keys.Count; k++)
                {
                    _lower[k] = keys[k].ToLowerInvariant();
                    _folded[k] = Fold(_lower[k]);
                    _inGroup[k] = rule._groups.ContainsKey(_lower[k]);
                }

                // The given names each single name follows ("Herzi Halevi"): two spellings that follow different given
                // names are two people (John Smith, Jane Smyth; Volodymyr Zelensky, Olena Zelenska).
                foreach (var pair in pairs)
                {
                    if (!_givenNames.TryGetValue(pair.Surname, out var set))
                    {
                        _givenNames[pair.Surname] = set = new HashSet<int>();
                    }

                    set.Add(pair.Given);
                }
            }

            public void Report()
            {
                // Known variant groups, in order of each group's first name.
                foreach (var members in GroupBy(_keys.Count, k => _inGroup[k] ? _rule._groups[_lower[k]] : -1))
                {
                    for (var a = 0; a < members.Count; a++)
                    {
                        for (var b = a + 1; b < members.Count; b++)
                        {
                            if (!string.Equals(_keys[members[a]], _keys[members[b]], StringComparison.OrdinalIgnoreCase))
                            {
                                AddVariant(members[a], members[b]);
                            }
                        }
                    }
                }

                // Single names one or two edits apart, compared within the names that share a first (folded) letter.
                foreach (var members in GroupBy(_keys.Count, k => _folded[k][0]))
                {
                    for (var a = 0; a < members.Count; a++)
                    {
                        for (var b = a + 1; b < members.Count; b++)
                        {
                            _combination.CancellationToken.ThrowIfCancellationRequested();
                            if (!_variantPairs.Contains(PairKey(members[a], members[b])) && AreVariants(members[a], members[b]))
                            {
                                AddVariant(members[a], members[b]);
                            }
                        }
                    }
                }

                // The same surname after given names that are spellings of one another (Tony / Antony Blinken).
                foreach (var bySurname in GroupBy(_pairs.Count, p => _pairs[p].Surname))
                {
                    for (var a = 0; a < bySurname.Count; a++)
                    {
                        for (var b = a + 1; b < bySurname.Count; b++)
                        {
                            var pairA = _pairs[bySurname[a]];
                            var pairB = _pairs[bySurname[b]];
                            if (AreGivenNameVariants(pairA.Given, pairB.Given) && !_variantPairs.Contains(PairKey(pairA.Given, pairB.Given)))
                            {
                                var nameA = _keys[pairA.Given] + " " + _keys[pairA.Surname];
                                var nameB = _keys[pairB.Given] + " " + _keys[pairB.Surname];
                                _reports.Add((pairA.First, nameB, pairB.First.Span));
                                _reports.Add((pairB.First, nameA, pairA.First.Span));
                            }
                        }
                    }
                }

                // In document order, then by the other spelling; reports that tie keep the order they were found in.
                var order = new int[_reports.Count];
                for (var i = 0; i < order.Length; i++)
                {
                    order[i] = i;
                }

                Array.Sort(order, (x, y) =>
                {
                    var byStart = _reports[x].At.Span.Start.CompareTo(_reports[y].At.Span.Start);
                    if (byStart != 0)
                    {
                        return byStart;
                    }

                    var byOther = string.CompareOrdinal(_reports[x].Other, _reports[y].Other);
                    return byOther != 0 ? byOther : x.CompareTo(y);
                });

                foreach (var i in order)
                {
                    var (at, other, otherSpan) = _reports[i];
                    if (at.Severity is { } admitted)
                    {
                        _combination.Report(at.Span, admitted, at.Match, new Dictionary<string, string>(StringComparer.Ordinal) { ["variant"] = other }, otherSpan.Start);
                    }
                }
            }

            private static long PairKey(int a, int b) => ((long)a << 32) | (uint)b;

            // The items 0..count-1 grouped by a key (items whose key is -1 left out), groups in order of their first
            // item, items in order within each.
            private static List<List<int>> GroupBy(int count, Func<int, int> keyOf)
            {
                var groups = new List<List<int>>();
                var byKey = new Dictionary<int, List<int>>();
                for (var i = 0; i < count; i++)
                {
                    var key = keyOf(i);
                    if (key == -1)
                    {
                        continue;
                    }

                    if (!byKey.TryGetValue(key, out var group))
                    {
                        byKey.Add(key, group = new List<int>());
                        groups.Add(group);
                    }

                    group.Add(i);
                }

                return groups;
            }

            private void AddVariant(int a, int b)
            {
                if (_givenNames.TryGetValue(a, out var givenA) && _givenNames.TryGetValue(b, out var givenB) && !givenA.Overlaps(givenB))
                {
                    return;
                }

                _variantPairs.Add(PairKey(a, b));
                _variantPairs.Add(PairKey(b, a));
                _reports.Add((_firsts[a], _keys[b], _firsts[b].Span));
                _reports.Add((_firsts[b], _keys[a], _firsts[a].Span));
            }

            private bool AreVariants(int x, int y)
            {
                string a = _keys[x], b = _keys[y], lowerA = _lower[x], lowerB = _lower[y];
                if (lowerA == lowerB || (_inGroup[x] && _inGroup[y]))
                {
                    return false;
                }

                if (_folded[x] == _folded[y])
                {
                    return true; // Mbappé / Mbappe
                }

                if (a.Length < _rule._minLength || b.Length < _rule._minLength || lowerA[0] != lowerB[0]
                    || lowerA.StartsWith(lowerB, StringComparison.Ordinal) || lowerB.StartsWith(lowerA, StringComparison.Ordinal))
                {
                    return false; // Israel / Israeli, Gaza / Gazan: a derived word, not a second spelling.
                }

                if (DifferOnlyInSuffixes(lowerA, lowerB))
                {
                    return false; // Minister / Ministry, Iranian / Iranians: English derivation, not a second spelling.
                }

                var allowed = Math.Max(a.Length, b.Length) >= 8 ? 2 : 1;
                return Math.Abs(a.Length - b.Length) <= allowed && EditDistance.AtMost(lowerA, lowerB, allowed);
            }

            private bool AreGivenNameVariants(int x, int y)
            {
                string a = _keys[x], b = _keys[y];
                if (a.Length < 3 || b.Length < 3 || string.Equals(a, b, StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }

                var lowerA = _folded[x];
                var lowerB = _folded[y];
                if (lowerA == lowerB || lowerA.EndsWith(lowerB, StringComparison.Ordinal) || lowerB.EndsWith(lowerA, StringComparison.Ordinal))
                {
                    return true; // Mbappé / Mbappe, Tony / Antony
                }

                var longest = Math.Max(a.Length, b.Length);
                return longest >= 4 && lowerA[0] == lowerB[0] && EditDistance.AtMost(lowerA, lowerB, longest >= 7 ? 2 : 1);
            }
        }
    }
}

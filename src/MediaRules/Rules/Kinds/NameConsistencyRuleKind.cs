using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MediaRules.Diagnostics;
using MediaRules.Text;

namespace MediaRules.Rules.Kinds;

/// <summary>
/// <c>kind: name-consistency</c> — one person or place written two ways in one document, found by comparing the
/// document's own names: single names one edit apart (Halevi / Halevy; two edits for long names, Mohammed /
/// Muhammad), the same surname with given names where one contains the other (Tony / Antony Blinken), and the
/// known variant groups listed in <c>terms</c> as <c>"Kyiv / Kiev"</c>. The first occurrence of each variant is
/// reported, naming the other spelling. A name is a capitalised word that does not start a sentence, so ordinary
/// words at the start of sentences are never compared.
/// </summary>
internal sealed partial class NameConsistencyRuleKind : IRuleKind
{
    private const int DefaultMinLength = 5;

    public string Name => "name-consistency";

    public IRule Create(RuleDefinition definition)
    {
        if (definition.Patterns.Count > 0)
        {
            throw new RuleDefinitionException("patterns", "a name-consistency rule takes no patterns");
        }

        var groups = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < definition.Terms.Count; i++)
        {
            var variants = definition.Terms[i].Text.Split('/').Select(v => v.Trim()).Where(v => v.Length > 0).ToArray();
            if (variants.Length < 2 || variants.Any(v => v.Contains(' ')))
            {
                throw new RuleDefinitionException("terms", $"'{definition.Terms[i].Text}' is not a variant group: write single-word spellings separated by '/', as \"Kyiv / Kiev\"", i);
            }

            foreach (var variant in variants)
            {
                groups[variant.ToLowerInvariant()] = i;
            }
        }

        var minLength = KindSupport.IntOption(definition, "min-length", DefaultMinLength, 3);
        return new NameConsistencyRule(definition.ToDescriptor(), groups, minLength);
    }

    private sealed partial class NameConsistencyRule : IDocumentRule
    {
        private readonly Dictionary<string, int> _groups;
        private readonly int _minLength;

        public NameConsistencyRule(DiagnosticDescriptor descriptor, Dictionary<string, int> groups, int minLength)
        {
            Descriptor = descriptor;
            _groups = groups;
            _minLength = minLength;
        }

        public DiagnosticDescriptor Descriptor { get; }

        public void Analyze(RuleContext context) => DocumentCombination.Analyze(this, context);

        public DocumentFacts Collect(RuleContext context, TextSpan range) => new NameCollector(context).Collect(range);

        // A reported name or "Given Surname" pair is found again by its index among the stretch's names.
        public TextSpan? Map(DocumentFacts old, DocumentFacts @new, TextSpan span)
        {
            var a = (NameFacts)old;
            var b = (NameFacts)@new;
            for (var i = 0; i < a.Names.Length; i++)
            {
                if (a.Names[i].Span.Start != span.Start)
                {
                    continue;
                }

                if (a.Names[i].Span.Length == span.Length)
                {
                    return b.Names[i].Span;
                }

                if (i + 1 < a.Names.Length && a.Names[i + 1].Span.End == span.End)
                {
                    return TextSpan.FromBounds(b.Names[i].Span.Start, b.Names[i + 1].Span.End);
                }

                return null;
            }

            return null;
        }

        // Lower-case words matter only where a name that opens a sentence is written the same way: a stretch with the
        // same names whose changed lower-case words are no such name changes nothing.
        public bool SameOutcome(DocumentFacts old, DocumentFacts @new, object? cache)
        {
            if (old.Equals(@new))
            {
                return true;
            }

            if (cache is not LowerCaseMemo memo || old is not NameFacts a || @new is not NameFacts b
                || a.TokenCount != b.TokenCount || a.Names.Length != b.Names.Length)
            {
                return false;
            }

            // The same names in the same order, wherever the edit moved them inside the stretch.
            for (var i = 0; i < a.Names.Length; i++)
            {
                if (!a.SameName(i, b, moved: true))
                {
                    return false;
                }
            }

            foreach (var word in a.LowerCaseWords)
            {
                if (!b.LowerCaseWords.Contains(word) && memo.IsConditional(word))
                {
                    return false;
                }
            }

            foreach (var word in b.LowerCaseWords)
            {
                if (!a.LowerCaseWords.Contains(word) && memo.IsConditional(word))
                {
                    return false;
                }
            }

            return true;
        }

        public void Combine(DocumentCombination combination)
        {
            var lowerCaseWords = LowerCaseWords(combination);
            // One pass over the kept names in document order: the first occurrence of each distinct name, and of each
            // "Given Surname" pair (two kept names on adjacent tokens, within a stretch, or the last token of one and
            // the first of the next with only blank stretches between). Each distinct name gets a number in order of
            // first occurrence, looked up once per stretch for each of the stretch's own keys: the pass over every
            // name then hashes no strings.
            var ids = new Dictionary<string, int>(StringComparer.Ordinal);
            var keys = new List<string>();
            var firsts = new List<Occurrence>(); // each name's first occurrence, by number
            var pairIds = new HashSet<long>();
            var pairs = new List<(int Given, int Surname, Occurrence First)>();
            var local = Array.Empty<int>(); // per stretch: a key's number + 1, or 0 before its first kept name
            var unmade = Array.Empty<byte>(); // per stretch: whether a conditional word is written in lower case (1 no, 2 yes)
            NameFacts? previousFacts = null;
            var previousToken = -1;
            DiagnosticSeverity? previousPairSeverity = null;
            var previousPairMatch = -1;
            var previousId = -1;
            var previousSpan = default(TextSpan);
            var previousIndex = -1;
            var tokensBetween = 0;
            for (var f = 0; f < combination.Facts.Count; f++)
            {
                var facts = (NameFacts)combination.Facts[f];
                var offset = combination.Offsets[f];
                var strings = facts.Strings;
                if (local.Length < strings.Length)
                {
                    local = new int[Math.Max(strings.Length, local.Length * 2)];
                    unmade = new byte[local.Length];
                }
                else
                {
                    Array.Clear(local, 0, strings.Length);
                    Array.Clear(unmade, 0, strings.Length);
                }

                for (var c = 0; c < facts.Names.ChunkCount; c++)
                {
                    foreach (ref readonly var name in facts.Names.Chunk(c))
                    {
                        if (name.ConditionalWord >= 0)
                        {
                            if (unmade[name.ConditionalWord] == 0)
                            {
                                unmade[name.ConditionalWord] = lowerCaseWords.Contains(strings[name.ConditionalWord]) ? (byte)2 : (byte)1;
                            }

                            if (unmade[name.ConditionalWord] == 2)
                            {
                                continue; // "Officials … officials": a capitalised sentence opener the document also writes in lower case.
                            }
                        }

                        var span = new TextSpan(name.Span.Start + offset, name.Span.Length);
                        var id = local[name.Key] - 1;
                        var isFirst = false;
                        if (id < 0)
                        {
                            if (!ids.TryGetValue(strings[name.Key], out id))
                            {
                                id = keys.Count;
                                ids.Add(strings[name.Key], id);
                                keys.Add(strings[name.Key]);
                                isFirst = true;
                            }

                            local[name.Key] = id + 1;
                        }

                        if (previousFacts is not null && (previousIndex == f ? name.Token == previousToken + 1 : previousToken == tokensBetween - 1 && name.Token == 0))
                        {
                            if (pairIds.Add(((long)previousId << 32) | (uint)id))
                            {
                                var pairMatch = previousPairMatch < 0 ? null : previousFacts.Strings[previousPairMatch];
                                pairs.Add((previousId, id, new Occurrence(TextSpan.FromBounds(previousSpan.Start, span.End), previousPairSeverity, pairMatch!)));
                            }
                        }

                        if (isFirst)
                        {
                            firsts.Add(new Occurrence(span, name.Severity, strings[name.Match]));
                        }

                        previousFacts = facts;
                        previousToken = name.Token;
                        previousPairSeverity = name.PairSeverity;
                        previousPairMatch = name.PairMatch;
                        previousId = id;
                        previousSpan = span;
                        previousIndex = f;
                        tokensBetween = facts.TokenCount;
                    }
                }

                if (previousIndex != f && facts.TokenCount > 0)
                {
                    previousFacts = null; // tokens that are not names stand between the last name and the next stretch
                }
            }

            new Variants(this, keys, firsts, pairs, combination).Report();
        }

        // The lower-case words of the whole document: from a session's memo, updated for the stretches that changed. A
        // combine done once (a long text's stretches) asks each stretch's own words instead: a name asks once per
        // stretch, while the memo would count every word of every stretch.
        private static WordSets LowerCaseWords(DocumentCombination combination)
        {
            if (combination.Facts.Count == 1)
            {
                return new WordSets(((NameFacts)combination.Facts[0]).LowerCaseWords);
            }

            if (combination.IsOnce)
            {
                var sets = new HashSet<string>[combination.Facts.Count];
                for (var f = 0; f < sets.Length; f++)
                {
                    sets[f] = ((NameFacts)combination.Facts[f]).LowerCaseWords;
                }

                return new WordSets(sets);
            }

            var memo = combination.Cache as LowerCaseMemo ?? new LowerCaseMemo();
            memo.Update(combination.Facts);
            combination.Cache = memo;
            return new WordSets(memo.Words);
        }

        /// <summary>The document's lower-case words as one or more sets (each compared ignoring case): a word is one of them when any set holds it.</summary>
        private sealed class WordSets
        {
            private readonly HashSet<string>[] _sets;

            public WordSets(params HashSet<string>[] sets) => _sets = sets;

            public bool Contains(string word)
            {
                foreach (var set in _sets)
                {
                    if (set.Contains(word))
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        /// <summary>The first occurrence of a name or pair: its span, the scope's severity there (null: not admitted) and its text.</summary>
        private readonly struct Occurrence
        {
            public Occurrence(TextSpan span, DiagnosticSeverity? severity, string match)
            {
                Span = span;
                Severity = severity;
                Match = match;
            }

            public TextSpan Span { get; }

            public DiagnosticSeverity? Severity { get; }

            public string Match { get; }
        }


        private static readonly HashSet<string> EnglishSuffixes = new(StringComparer.Ordinal)
        {
            "", "s", "es", "e", "d", "ed", "n", "ns", "y", "ies", "er", "ers", "ry", "ries", "or", "ors", "al", "an", "ans",
            "ian", "ians", "ic", "ics", "ist", "ists", "ism", "ese", "ish", "ing", "ly", "ity", "ion", "ions", "ive", "ant", "ent",
        };

        private static bool DifferOnlyInSuffixes(string a, string b)
        {
            var common = 0;
            while (common < a.Length && common < b.Length && a[common] == b[common])
            {
                common++;
            }

#if NET9_0_OR_GREATER
            var suffixes = EnglishSuffixes.GetAlternateLookup<ReadOnlySpan<char>>();
            return suffixes.Contains(a.AsSpan(common)) && suffixes.Contains(b.AsSpan(common));
#else
            return EnglishSuffixes.Contains(a.Substring(common)) && EnglishSuffixes.Contains(b.Substring(common));
#endif
        }

        /// <summary>Lower case without diacritics, for comparing spellings; <paramref name="lower"/> is already lower case.</summary>
        private static string Fold(string lower)
        {
            var ascii = true;
            foreach (var c in lower)
            {
                ascii &= c < 128;
            }

            if (ascii)
            {
                return lower; // no ASCII character decomposes or is a mark
            }

            var decomposed = lower.Normalize(System.Text.NormalizationForm.FormD);
            var builder = new System.Text.StringBuilder(decomposed.Length);
            foreach (var c in decomposed)
            {
                if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                {
                    builder.Append(c);
                }
            }

            return builder.ToString();
        }

    }
}

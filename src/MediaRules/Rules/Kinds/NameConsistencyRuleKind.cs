using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MediaRules.Diagnostics;
using MediaRules.Documents;
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
internal sealed class NameConsistencyRuleKind : IRuleKind
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

    private sealed class NameConsistencyRule : IDocumentRule
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

        // The lower-case words of the whole document: from a session's memo, updated for the stretches that changed.
        private static HashSet<string> LowerCaseWords(DocumentCombination combination)
        {
            if (combination.Facts.Count == 1)
            {
                return ((NameFacts)combination.Facts[0]).LowerCaseWords;
            }

            var memo = combination.Cache as LowerCaseMemo ?? new LowerCaseMemo();
            memo.Update(combination.Facts);
            combination.Cache = memo;
            return memo.Words;
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

        /// <summary>Ordinary words that open sentences with a capital; never taken for names there.</summary>
        private static readonly WordSet SentenceStarters = new(
            "the a an and but or so yet for nor in on at by to of from with without within into onto after before",
            "during while when where whether if unless until since as because although though however meanwhile",
            "moreover still then there here this that these those it its he she they we you i his her their our my",
            "your who whom whose what which why how some many most more much few several all both each every any no",
            "none one two three four five six seven eight nine ten first second third last next other another such",
            "also even only just not never always often sometimes later earlier now today yesterday tomorrow",
            "instead despite following according under over about around across against among between beyond",
            "officials police critics experts analysts residents witnesses sources reports data figures people",
            "thousands hundreds dozens half asked told speaking said says is are was were be been has have had do does did",
            "will would can could may might should must let please yes");

        /// <summary>A token that is a name: its key (without a possessive), span, and the word whose lower-case use elsewhere would unmake it.</summary>
        private readonly struct Candidate
        {
            public Candidate(int key, TextSpan span, int conditionalWord, int match)
            {
                Key = key;
                Span = span;
                ConditionalWord = conditionalWord;
                Match = match;
            }

            /// <summary>The key's index in the stretch's strings; -1 when the token is no name.</summary>
            public int Key { get; }

            public TextSpan Span { get; }

            public int ConditionalWord { get; }

            public int Match { get; }
        }

        /// <summary>
        /// The names of a stretch: capitalised words that do not start a sentence, outside Title Case headlines, in
        /// document order, with the scope's verdict; and the stretch's lower-case words. A capitalised word at the
        /// start of a sentence is a name unless it is an ordinary sentence opener or the document also writes it in
        /// lower case ("Officials … officials"), which only the combine can tell: such names are kept conditionally.
        /// </summary>
        /// <remarks>
        /// One pass over the tokens, reading each word's first character: lower-case words are found again by the
        /// token's precomputed stem hash (checked character by character, so a collision only costs a comparison)
        /// and become strings once each; capitalised words are looked at further.
        /// </remarks>
        private ref struct NameCollector
        {
            private readonly RuleContext _context;
            private readonly DocumentModel _document;
            private readonly ReadOnlySpan<Token> _tokens;
            private readonly ReadOnlySpan<char> _text;
            private readonly TokenStems _stems;
            private readonly IReadOnlyList<Sentence> _sentences;
            private readonly IReadOnlyList<Paragraph> _paragraphs;
            private readonly StringPool _strings;

            // What the characters of each distinct capitalised word say about it (see CapitalisedWord), in an
            // open-addressing table by stem hash in the first _capitalisedMask + 1 slots of a pooled array.
            private CapitalisedWord[] _capitalised;
            private int _capitalisedCount;
            private int _capitalisedMask;

            // Cursors that only move forward (positions asked only grow), with the bounds they keep asking for: the first
            // sentence that ends after the last token looked at; the last paragraph that starts at or before it, and
            // whether that paragraph is a headline in Title Case (0 not yet counted, 1 no, 2 yes).
            private int _sentence;
            private int _sentenceStart;
            private int _sentenceEnd;
            private int _paragraph;
            private int _paragraphEnd;
            private int _nextParagraphStart;
            private int _titleCase;

            // The distinct lower-case words so far (spans of first occurrences), and an open-addressing table of them
            // by stem hash in the first _mask + 1 slots of a pooled array.
            private TextSpan[] _words;
            private int _wordCount;
            private WordSlot[] _slots;
            private int _mask;

            public NameCollector(RuleContext context)
            {
                _context = context;
                _document = context.Document;
                _tokens = _document.TokenSpan;
                _text = _document.Text.AsSpan();
                _stems = _document.Stems;
                _sentences = _document.Sentences;
                _paragraphs = _document.Paragraphs;
                _strings = new StringPool();
                _sentence = -1;
                _sentenceStart = 0;
                _sentenceEnd = int.MinValue;
                _paragraph = -1;
                _paragraphEnd = 0;
                _nextParagraphStart = _paragraphs.Count > 0 ? _paragraphs[0].Span.Start : int.MaxValue;
                _titleCase = 0;
                _capitalised = Array.Empty<CapitalisedWord>();
                _capitalisedCount = 0;
                _capitalisedMask = 0;
                _words = Array.Empty<TextSpan>();
                _wordCount = 0;
                _slots = Array.Empty<WordSlot>();
                _mask = 0;
            }

            public NameFacts Collect(TextSpan range)
            {
                var tokens = _tokens;
                var first = _document.GetFirstTokenIndexAtOrAfter(range.Start);
                while (first < tokens.Length && tokens[first].Span.Start < range.Start)
                {
                    first++;
                }

                // Tables sized for the stretch (a session's stretch is a paragraph): the names for about one in six
                // tokens, rarely grown; the word tables for as many distinct words as tokens, up to a size that grows.
                var tokenCount = _document.GetFirstTokenIndexAtOrAfter(range.End) - first;
                var names = ArrayPool<Name>.Shared.Rent(Math.Max(64, tokenCount / 6));
                _capitalisedMask = TableMask(Math.Min(tokenCount, 256));
                _capitalised = ArrayPool<CapitalisedWord>.Shared.Rent(_capitalisedMask + 1);
                Array.Clear(_capitalised, 0, _capitalisedMask + 1);
                _mask = TableMask(Math.Min(tokenCount, 512));
                _slots = ArrayPool<WordSlot>.Shared.Rent(_mask + 1);
                Array.Clear(_slots, 0, _mask + 1);
                _words = ArrayPool<TextSpan>.Shared.Rent(Math.Min(Math.Max(tokenCount, 16), 256));
                var count = 0;
                var candidate = default(Candidate);
                var candidateToken = -1;
                // The loop over every token reads locals, not the collector's fields.
                var text = _text;
                var stems = _stems;
                var slots = _slots;
                var mask = _mask;
                var i = first;
                for (; i < tokens.Length; i++)
                {
                    var span = tokens[i].Span;
                    if (span.Start >= range.End)
                    {
                        break;
                    }

                    // Only a word with a capital can be a name: most tokens are told by their first character.
                    if (tokens[i].Kind != TokenKind.Word)
                    {
                        candidateToken = -1;
                        continue;
                    }

                    var c = text[span.Start];
                    if (!IsUpper(c))
                    {
                        if (IsLower(c))
                        {
                            // A lower-case word: found again (by stem hash, then characters) or added.
                            var hash = stems.Hash(i);
                            for (var slot = hash & mask; ; slot = (slot + 1) & mask)
                            {
                                var entry = slots[slot];
                                if (entry.Length == 0)
                                {
                                    AddWord(slot, hash, span);
                                    slots = _slots;
                                    mask = _mask;
                                    break;
                                }

                                if (entry.Hash == hash && entry.Length == span.Length
                                    && text.Slice(entry.Start, entry.Length).SequenceEqual(text.Slice(span.Start, span.Length)))
                                {
                                    break;
                                }
                            }
                        }

                        candidateToken = -1;
                        continue;
                    }

                    // The look-ahead of the previous token (for its pair) is this token's candidate: computed once.
                    if (candidateToken != i)
                    {
                        candidate = CandidateAt(i);
                    }

                    if (candidate.Key < 0 || !_context.TryAdmit(candidate.Span, out var severity))
                    {
                        candidateToken = -1;
                        continue;
                    }

                    // The pair this name would make with the next token, should both be kept: its scope and its text.
                    var current = candidate;
                    DiagnosticSeverity? pairSeverity = null;
                    var pairMatch = -1;
                    candidateToken = -1;
                    if (i + 1 < tokens.Length)
                    {
                        var next = CandidateAt(i + 1);
                        if (next.Key >= 0)
                        {
                            var pairSpan = TextSpan.FromBounds(current.Span.Start, next.Span.End);
                            pairSeverity = _context.TryAdmit(pairSpan, out var admitted) ? admitted : null;
                            pairMatch = PairDisplayOf(i, pairSpan);
                        }

                        candidate = next;
                        candidateToken = i + 1;
                    }

                    if (count == names.Length)
                    {
                        var grown = ArrayPool<Name>.Shared.Rent(names.Length * 2);
                        Array.Copy(names, grown, count);
                        ArrayPool<Name>.Shared.Return(names);
                        names = grown;
                    }

                    names[count++] = new Name(
                        current.Key,
                        new TextSpan(current.Span.Start - range.Start, current.Span.Length),
                        i - first,
                        current.ConditionalWord,
                        severity,
                        current.Match,
                        pairSeverity,
                        pairMatch);
                }

                var result = new NameList(names, count);
                ArrayPool<Name>.Shared.Return(names);
                var facts = new NameFacts(result, _strings.ToArray(), LowerCaseWords(), i - first);
                ArrayPool<TextSpan>.Shared.Return(_words);
                ArrayPool<WordSlot>.Shared.Return(_slots);
                ArrayPool<CapitalisedWord>.Shared.Return(_capitalised);
                return facts;
            }

            // The mask of an open-addressing table for this many entries at most half full: a power of two, less one.
            private static int TableMask(int entries)
            {
                var size = 16;
                while (size < entries * 2)
                {
                    size <<= 1;
                }

                return size - 1;
            }

            // ASCII first: most words are, and char.IsLower/IsUpper are calls.
            private static bool IsLower(char c) => c < 128 ? (uint)(c - 'a') <= 'z' - 'a' : char.IsLower(c);

            private static bool IsUpper(char c) => c < 128 ? (uint)(c - 'A') <= 'Z' - 'A' : char.IsUpper(c);

            private void AddWord(int slot, int hash, TextSpan span)
            {
                if (_wordCount == _words.Length)
                {
                    var grown = ArrayPool<TextSpan>.Shared.Rent(_words.Length * 2);
                    Array.Copy(_words, grown, _wordCount);
                    ArrayPool<TextSpan>.Shared.Return(_words);
                    _words = grown;
                }

                _words[_wordCount++] = span;
                _slots[slot] = new WordSlot(hash, span);
                if (_wordCount * 2 > _mask)
                {
                    Rehash();
                }
            }

            private void Rehash()
            {
                var mask = (_mask * 2) + 1;
                var slots = ArrayPool<WordSlot>.Shared.Rent(mask + 1);
                Array.Clear(slots, 0, mask + 1);
                for (var s = 0; s <= _mask; s++)
                {
                    if (_slots[s].Length != 0)
                    {
                        var slot = _slots[s].Hash & mask;
                        while (slots[slot].Length != 0)
                        {
                            slot = (slot + 1) & mask;
                        }

                        slots[slot] = _slots[s];
                    }
                }

                ArrayPool<WordSlot>.Shared.Return(_slots);
                _slots = slots;
                _mask = mask;
            }

            // The set the facts keep: words equal but for case are one (the first written), in order of first use.
            private HashSet<string> LowerCaseWords()
            {
#if NET9_0_OR_GREATER
                var set = new HashSet<string>(_wordCount, StringComparer.OrdinalIgnoreCase);
                var byChars = set.GetAlternateLookup<ReadOnlySpan<char>>();
                for (var w = 0; w < _wordCount; w++)
                {
                    byChars.Add(_text.Slice(_words[w].Start, _words[w].Length));
                }
#else
                var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                for (var w = 0; w < _wordCount; w++)
                {
                    set.Add(_text.Slice(_words[w].Start, _words[w].Length).ToString());
                }
#endif
                return set;
            }

            /// <summary>The name token <paramref name="i"/> is, if it is one (key -1 otherwise).</summary>
            private Candidate CandidateAt(int i)
            {
                var token = _tokens[i];
                if (token.Kind != TokenKind.Word || !IsUpper(_text[token.Span.Start]))
                {
                    return new Candidate(-1, default, -1, -1);
                }

                if (_sentenceEnd <= token.Span.Start)
                {
                    AdvanceSentence(token.Span.Start);
                }

                var w = CapitalisedWordAt(i, token.Span);
                if (_capitalised[w].Key < 0)
                {
                    return new Candidate(-1, default, -1, -1);
                }

                var opensSentence = IsSentenceStart(i);
                if ((opensSentence && _capitalised[w].IsSentenceStarter) || IsInTitleCaseHeadline(token.Span.Start))
                {
                    return new Candidate(-1, default, -1, -1); // In a Title Case Headline every word is capitalised, so capitals say nothing.
                }

                var word = _capitalised[w];
                var conditional = -1;
                if (opensSentence)
                {
                    // The whole word, possessive and all: the key itself unless there is one.
                    conditional = word.KeyLength == token.Span.Length ? word.Key
                        : _strings.Intern(_text.Slice(token.Span.Start, token.Span.Length), TokenText.GetNormalizedHashCode(_text.Slice(token.Span.Start, token.Span.Length)));
                }

                return new Candidate(word.Key, new TextSpan(token.Span.Start, word.KeyLength), conditional, word.Match);
            }

            // The table entry of the capitalised word token i is (index), made on its first occurrence.
            private int CapitalisedWordAt(int i, TextSpan span)
            {
                var hash = _stems.Hash(i);
                var slot = hash & _capitalisedMask;
                while (true)
                {
                    var entry = _capitalised[slot];
                    if (entry.Length == 0)
                    {
                        break;
                    }

                    if (entry.Hash == hash && entry.Length == span.Length
                        && _text.Slice(entry.Start, entry.Length).SequenceEqual(_text.Slice(span.Start, span.Length)))
                    {
                        return slot;
                    }

                    slot = (slot + 1) & _capitalisedMask;
                }

                // First occurrence: a key (the word without a possessive) when it can be a name at all, that is, has
                // three letters without the possessive and is not written all in capitals.
                var chars = _text.Slice(span.Start, span.Length);
                var length = chars.Length - TokenText.GetPossessiveSuffixLength(chars);
                var key = -1;
                var match = -1;
                if (length >= 3 && !IsAllCaps(chars))
                {
                    key = _strings.Intern(chars.Slice(0, length), hash); // the stem, whose hash the model keeps
                    match = MatchOf(key, new TextSpan(span.Start, length));
                }

                _capitalised[slot] = new CapitalisedWord(hash, span, key, length, match, key >= 0 && SentenceStarters.Contains(chars));
                if (++_capitalisedCount * 2 > _capitalisedMask)
                {
                    GrowCapitalised();
                    return CapitalisedWordAt(i, span);
                }

                return slot;
            }

            private void GrowCapitalised()
            {
                var mask = (_capitalisedMask * 2) + 1;
                var table = ArrayPool<CapitalisedWord>.Shared.Rent(mask + 1);
                Array.Clear(table, 0, mask + 1);
                for (var s = 0; s <= _capitalisedMask; s++)
                {
                    if (_capitalised[s].Length != 0)
                    {
                        var slot = _capitalised[s].Hash & mask;
                        while (table[slot].Length != 0)
                        {
                            slot = (slot + 1) & mask;
                        }

                        table[slot] = _capitalised[s];
                    }
                }

                ArrayPool<CapitalisedWord>.Shared.Return(_capitalised);
                _capitalised = table;
                _capitalisedMask = mask;
            }

            // The first sentence that ends after the position (the one that holds it, or the next).
            private void AdvanceSentence(int position)
            {
                do
                {
                    _sentence++;
                }
                while (_sentence < _sentences.Count && _sentences[_sentence].Span.End <= position);

                var past = _sentence >= _sentences.Count;
                _sentenceStart = past ? int.MaxValue : _sentences[_sentence].Span.Start;
                _sentenceEnd = past ? int.MaxValue : _sentences[_sentence].Span.End;
            }

            // Whether the paragraph holding a position (as DocumentModel.GetParagraph finds it: the last that starts at or
            // before it, if it ends at or after it) is a headline in Title Case, counted once per paragraph.
            private bool IsInTitleCaseHeadline(int position)
            {
                if (position >= _nextParagraphStart)
                {
                    do
                    {
                        _paragraph++;
                    }
                    while (_paragraph + 1 < _paragraphs.Count && _paragraphs[_paragraph + 1].Span.Start <= position);

                    _paragraphEnd = _paragraphs[_paragraph].Span.End;
                    _nextParagraphStart = _paragraph + 1 < _paragraphs.Count ? _paragraphs[_paragraph + 1].Span.Start : int.MaxValue;
                    _titleCase = 0;
                }

                if (_paragraph < 0 || position > _paragraphEnd)
                {
                    return false;
                }

                if (_titleCase == 0)
                {
                    var paragraph = _paragraphs[_paragraph];
                    var (words, capitalised) = paragraph.IsHeadline ? KindSupport.CountWords(_document, paragraph.Span) : (0, 0);
                    _titleCase = paragraph.IsHeadline && capitalised * 2 > words ? 2 : 1;
                }

                return _titleCase == 2;
            }

            private static bool IsAllCaps(ReadOnlySpan<char> chars)
            {
                foreach (var c in chars)
                {
                    if (c < 128 ? (uint)(c - 'a') <= 'z' - 'a' : char.IsLower(c))
                    {
                        return false;
                    }
                }

                return true;
            }

            // The first word of a sentence, or the first word after a colon or an opening quotation mark.
            private readonly bool IsSentenceStart(int index)
            {
                var inSentences = _sentence < _sentences.Count;
                if (inSentences && _sentenceStart >= _tokens[index].Span.Start)
                {
                    return true;
                }

                for (var j = index - 1; j >= 0; j--)
                {
                    var previous = _tokens[j];
                    if (previous.Kind == TokenKind.Word || previous.Kind == TokenKind.Number)
                    {
                        return inSentences && previous.Span.End <= _sentenceStart;
                    }

                    var c = _text[previous.Span.Start];
                    if (c is ':' or '.' or '!' or '?' || previous.Kind == TokenKind.QuoteMark)
                    {
                        return true;
                    }
                }

                return true;
            }

            // The text a message shows for a name: its key, unless the span holds characters the display drops.
            private readonly int MatchOf(int key, TextSpan span)
            {
                foreach (var c in _text.Slice(span.Start, span.Length))
                {
                    // Printable ASCII is neither (the soft hyphen and every space but ' ' and controls are beyond it).
                    if ((c <= ' ' || c >= 127) && (TextChars.IsIgnorable(c) || TextChars.IsSpace(c)))
                    {
                        return _strings.Add(_context.DisplayText(span));
                    }
                }

                return key;
            }

            // The text a message shows for the pair of tokens i and i + 1 (RuleContext.DisplayText): the characters
            // themselves unless the display changes them, pooled by the characters without making a string each time.
            // The pool compares characters, so its hash only spreads: the two tokens' stem hashes (the same characters
            // under another hash would only be pooled twice).
            private readonly int PairDisplayOf(int i, TextSpan span)
            {
                var chars = _text.Slice(span.Start, span.Length);
                return TokenText.IsDisplayedAsWritten(chars)
                    ? _strings.Intern(chars, unchecked((_stems.Hash(i) * 31) + _stems.Hash(i + 1)))
                    : _strings.Add(_context.DisplayText(span));
            }
        }

        /// <summary>
        /// What a capitalised word's characters alone say, worked out at its first occurrence in a stretch: its key
        /// (-1 when it cannot be a name: too short, or all capitals) and the key's length, the text a message shows,
        /// and whether it is an ordinary sentence opener. Where it is written (length 0: an empty slot) and its stem
        /// hash find it again.
        /// </summary>
        private readonly struct CapitalisedWord
        {
            public CapitalisedWord(int hash, TextSpan span, int key, int keyLength, int match, bool isSentenceStarter)
            {
                Hash = hash;
                Start = span.Start;
                Length = span.Length;
                Key = key;
                KeyLength = keyLength;
                Match = match;
                IsSentenceStarter = isSentenceStarter;
            }

            public int Hash { get; }

            public int Start { get; }

            public int Length { get; }

            public int Key { get; }

            public int KeyLength { get; }

            public int Match { get; }

            public bool IsSentenceStarter { get; }
        }

        /// <summary>A lower-case word in the collector's table: its stem hash and where it is written (length 0: empty).</summary>
        private readonly struct WordSlot
        {
            public WordSlot(int hash, TextSpan span)
            {
                Hash = hash;
                Start = span.Start;
                Length = span.Length;
            }

            public int Hash { get; }

            public int Start { get; }

            public int Length { get; }
        }

        /// <summary>The strings of one stretch's names, each distinct one once, referred to by index.</summary>
        private sealed class StringPool
        {
            private readonly List<string> _strings = new();
            private int[] _slots = new int[64]; // string index + 1, or 0 for an empty slot
            private int[] _hashes = new int[64];

            public string[] ToArray() => _strings.ToArray();

            /// <summary>The index of a string with these characters (<paramref name="hash"/> only spreads them: the same characters under two hashes are pooled twice).</summary>
            public int Intern(ReadOnlySpan<char> chars, int hash)
            {
                var mask = _slots.Length - 1;
                var slot = hash & mask;
                for (var v = _slots[slot]; v != 0; v = _slots[slot])
                {
                    if (_hashes[slot] == hash && chars.SequenceEqual(_strings[v - 1].AsSpan()))
                    {
                        return v - 1;
                    }

                    slot = (slot + 1) & mask;
                }

                _strings.Add(chars.ToString());
                _slots[slot] = _strings.Count;
                _hashes[slot] = hash;
                if (_strings.Count * 2 > _slots.Length)
                {
                    Grow();
                }

                return _strings.Count - 1;
            }

            /// <summary>The index of a string not pooled by its characters (a display that differs from them).</summary>
            public int Add(string text)
            {
                _strings.Add(text);
                return _strings.Count - 1;
            }

            private void Grow()
            {
                var slots = new int[_slots.Length * 2];
                var hashes = new int[slots.Length];
                var mask = slots.Length - 1;
                for (var s = 0; s < _slots.Length; s++)
                {
                    if (_slots[s] != 0)
                    {
                        var slot = _hashes[s] & mask;
                        while (slots[slot] != 0)
                        {
                            slot = (slot + 1) & mask;
                        }

                        slots[slot] = _slots[s];
                        hashes[slot] = _hashes[s];
                    }
                }

                _slots = slots;
                _hashes = hashes;
            }
        }
    }
}

/// <summary>
/// A name a stretch holds, as the combine needs it. Its strings are indexes into <see cref="NameFacts.Strings"/>, so
/// that the (large) arrays of names hold no references for the garbage collector to trace or copy.
/// </summary>
internal readonly struct Name
{
    private const byte NoPair = byte.MaxValue;
    private readonly byte _severity;
    private readonly byte _pairSeverity;

    public Name(int key, TextSpan span, int token, int conditionalWord, DiagnosticSeverity severity, int match, DiagnosticSeverity? pairSeverity, int pairMatch)
    {
        Key = key;
        Span = span;
        Token = token;
        ConditionalWord = conditionalWord;
        _severity = (byte)severity;
        Match = match;
        _pairSeverity = pairSeverity is { } p ? (byte)p : NoPair;
        PairMatch = pairMatch;
    }

    /// <summary>The key (the name without a possessive): an index into the stretch's strings.</summary>
    public int Key { get; }

    /// <summary>The span, relative to the stretch.</summary>
    public TextSpan Span { get; }

    /// <summary>The index of its token among the stretch's tokens.</summary>
    public int Token { get; }

    /// <summary>For a name that opens a sentence, the word whose lower-case use anywhere unmakes it (an index into the stretch's strings); otherwise -1.</summary>
    public int ConditionalWord { get; }

    public DiagnosticSeverity Severity => (DiagnosticSeverity)_severity;

    /// <summary>The text a message shows: an index into the stretch's strings.</summary>
    public int Match { get; }

    /// <summary>The scope's severity for the pair this name makes with the next token, null when none or not admitted.</summary>
    public DiagnosticSeverity? PairSeverity => _pairSeverity == NoPair ? null : (DiagnosticSeverity)_pairSeverity;

    /// <summary>The pair's text (an index into the stretch's strings), or -1 when the next token is no name.</summary>
    public int PairMatch { get; }
}

/// <summary>
/// A stretch's names in arrays of at most 2048 (64 KB, under the 85 000 bytes of the large object heap): a long
/// stretch has tens of thousands of names, and one array would be a large object, whose fresh pages each collect
/// would fault in and only a full collection frees.
/// </summary>
internal sealed class NameList
{
    private const int Shift = 11;
    private const int ChunkLength = 1 << Shift;
    private readonly Name[][] _chunks;

    /// <summary>Copies the first <paramref name="count"/> names of <paramref name="names"/>.</summary>
    public NameList(Name[] names, int count)
    {
        Length = count;
        _chunks = new Name[(count + ChunkLength - 1) >> Shift][];
        for (var c = 0; c < _chunks.Length; c++)
        {
            var length = Math.Min(ChunkLength, count - (c << Shift));
#if NET
            _chunks[c] = GC.AllocateUninitializedArray<Name>(length); // filled at once
#else
            _chunks[c] = new Name[length];
#endif
            Array.Copy(names, c << Shift, _chunks[c], 0, length);
        }
    }

    public int Length { get; }

    public Name this[int index] => _chunks[index >> Shift][index & (ChunkLength - 1)];

    public int ChunkCount => _chunks.Length;

    public ReadOnlySpan<Name> Chunk(int chunk) => _chunks[chunk];

    public Enumerator GetEnumerator() => new(_chunks);

    /// <summary>The names in order, chunk by chunk.</summary>
    public struct Enumerator
    {
        private readonly Name[][] _chunks;
        private int _chunk;
        private int _index;

        public Enumerator(Name[][] chunks)
        {
            _chunks = chunks;
            _chunk = 0;
            _index = -1;
        }

        public readonly Name Current => _chunks[_chunk][_index];

        public bool MoveNext()
        {
            while (_chunk < _chunks.Length)
            {
                if (++_index < _chunks[_chunk].Length)
                {
                    return true;
                }

                _chunk++;
                _index = -1;
            }

            return false;
        }
    }
}

/// <summary>The names and lower-case words of one stretch.</summary>
internal sealed class NameFacts : DocumentFacts
{
    public NameFacts(NameList names, string[] strings, HashSet<string> lowerCaseWords, int tokenCount)
    {
        Names = names;
        Strings = strings;
        LowerCaseWords = lowerCaseWords;
        TokenCount = tokenCount;
    }

    public NameList Names { get; }

    /// <summary>The strings the names refer to by index: keys, conditional words and display texts.</summary>
    public string[] Strings { get; }

    public HashSet<string> LowerCaseWords { get; }

    public int TokenCount { get; }

    public string? ConditionalWordOf(Name name) => name.ConditionalWord < 0 ? null : Strings[name.ConditionalWord];

    public string? PairMatchOf(Name name) => name.PairMatch < 0 ? null : Strings[name.PairMatch];

    /// <summary>Whether name <paramref name="i"/> equals <paramref name="other"/>'s, by value; when <paramref name="moved"/>, wherever it starts.</summary>
    public bool SameName(int i, NameFacts other, bool moved)
    {
        var a = Names[i];
        var b = other.Names[i];
        return (moved ? a.Span.Length == b.Span.Length : a.Span == b.Span) && a.Token == b.Token
            && a.Severity == b.Severity && a.PairSeverity == b.PairSeverity
            && string.Equals(Strings[a.Key], other.Strings[b.Key], StringComparison.Ordinal)
            && string.Equals(ConditionalWordOf(a), other.ConditionalWordOf(b), StringComparison.Ordinal)
            && string.Equals(Strings[a.Match], other.Strings[b.Match], StringComparison.Ordinal)
            && string.Equals(PairMatchOf(a), other.PairMatchOf(b), StringComparison.Ordinal);
    }

    public override bool Equals(DocumentFacts? other)
    {
        if (other is not NameFacts facts || TokenCount != facts.TokenCount || Names.Length != facts.Names.Length)
        {
            return false;
        }

        for (var i = 0; i < Names.Length; i++)
        {
            if (!SameName(i, facts, moved: false))
            {
                return false;
            }
        }

        return LowerCaseWords.SetEquals(facts.LowerCaseWords);
    }

    public override int GetHashCode() => Names.Length;
}

internal sealed class LowerCaseMemo
{
    private readonly Dictionary<string, int> _counts = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _conditional = new(StringComparer.OrdinalIgnoreCase);
    private DocumentFacts[] _facts = Array.Empty<DocumentFacts>();

    /// <summary>Whether some name that opens a sentence is this word (so its lower-case use elsewhere matters).</summary>
    public bool IsConditional(string word) => _conditional.ContainsKey(word);

    public HashSet<string> Words { get; } = new(StringComparer.OrdinalIgnoreCase);

    public void Update(IReadOnlyList<DocumentFacts> facts)
    {
        var old = _facts;
        var prefix = 0;
        while (prefix < old.Length && prefix < facts.Count && ReferenceEquals(old[prefix], facts[prefix]))
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < old.Length - prefix && suffix < facts.Count - prefix && ReferenceEquals(old[old.Length - 1 - suffix], facts[facts.Count - 1 - suffix]))
        {
            suffix++;
        }

        for (var i = prefix; i < old.Length - suffix; i++)
        {
            var oldFacts = (NameFacts)old[i];
            foreach (var name in oldFacts.Names)
            {
                if (oldFacts.ConditionalWordOf(name) is { } conditional && --_conditional[conditional] == 0)
                {
                    _conditional.Remove(conditional);
                }
            }

            foreach (var word in ((NameFacts)old[i]).LowerCaseWords)
            {
                if (--_counts[word] == 0)
                {
                    _counts.Remove(word);
                    Words.Remove(word);
                }
            }
        }

        for (var i = prefix; i < facts.Count - suffix; i++)
        {
            var newFacts = (NameFacts)facts[i];
            foreach (var name in newFacts.Names)
            {
                if (newFacts.ConditionalWordOf(name) is { } conditional)
                {
                    _conditional.TryGetValue(conditional, out var n);
                    _conditional[conditional] = n + 1;
                }
            }

            foreach (var word in ((NameFacts)facts[i]).LowerCaseWords)
            {
                _counts.TryGetValue(word, out var count);
                _counts[word] = count + 1;
                if (count == 0)
                {
                    Words.Add(word);
                }
            }
        }

        var copy = old.Length == facts.Count ? old : new DocumentFacts[facts.Count];
        for (var i = prefix; i < facts.Count - suffix; i++)
        {
            copy[i] = facts[i];
        }

        if (!ReferenceEquals(copy, old))
        {
            Array.Copy(old, 0, copy, 0, prefix);
            Array.Copy(old, old.Length - suffix, copy, facts.Count - suffix, suffix);
        }

        _facts = copy;
    }
}

/// <summary>Bounded edit distance (insertions, deletions, substitutions and adjacent transpositions).</summary>
internal static class EditDistance
{
    public static bool AtMost(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return false;
        }

        // Three rows of the table (two rows back for transpositions), one after another: names are short, so they
        // fit on the stack.
        var n = b.Length + 1;
        Span<int> rows = n <= 64 ? stackalloc int[3 * 64] : new int[3 * n];
        int previous2 = 0, previous = n, current = 2 * n;
        for (var j = 0; j <= b.Length; j++)
        {
            rows[previous + j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            rows[current] = i;
            var rowMin = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(rows[previous + j] + 1, rows[current + j - 1] + 1), rows[previous + j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, rows[previous2 + j - 2] + 1);
                }

                rows[current + j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > limit)
            {
                return false;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return rows[previous + b.Length] <= limit;
    }
}

using System;
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

    private sealed class NameConsistencyRule : IRule
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

        public void Analyze(RuleContext context)
        {
            var document = context.Document;
            var names = CollectNames(document);

            // A name inside an exception of the rule's scope ("chicken Kiev") is not a spelling of the name.
            names.RemoveAll(name => !context.IsInScope(name.Span));

            // First occurrence of each distinct name, and of each "Given Surname" pair.
            var firstOfName = new Dictionary<string, TextSpan>(StringComparer.Ordinal);
            var firstOfPair = new Dictionary<(string Given, string Surname), TextSpan>();
            for (var i = 0; i < names.Count; i++)
            {
                var (key, span, _) = names[i];
                if (!firstOfName.ContainsKey(key))
                {
                    firstOfName.Add(key, span);
                }

                if (i + 1 < names.Count && names[i + 1].TokenIndex == names[i].TokenIndex + 1)
                {
                    var pair = (key, names[i + 1].Key);
                    if (!firstOfPair.ContainsKey(pair))
                    {
                        firstOfPair.Add(pair, TextSpan.FromBounds(span.Start, names[i + 1].Span.End));
                    }
                }
            }

            // The given names each single name follows ("Herzi Halevi"): two spellings that follow different given
            // names are two people (John Smith, Jane Smyth; Volodymyr Zelensky, Olena Zelenska).
            var givenNames = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            foreach (var pair in firstOfPair.Keys)
            {
                if (!givenNames.TryGetValue(pair.Surname, out var set))
                {
                    givenNames[pair.Surname] = set = new HashSet<string>(StringComparer.Ordinal);
                }

                set.Add(pair.Given);
            }

            var reports = new List<(TextSpan Span, string Other, TextSpan OtherSpan)>();
            var variantPairs = new HashSet<(string, string)>();
            void AddVariant(string a, string b)
            {
                if (givenNames.TryGetValue(a, out var givenA) && givenNames.TryGetValue(b, out var givenB) && !givenA.Overlaps(givenB))
                {
                    return;
                }

                variantPairs.Add((a, b));
                variantPairs.Add((b, a));
                reports.Add((firstOfName[a], b, firstOfName[b]));
                reports.Add((firstOfName[b], a, firstOfName[a]));
            }

            foreach (var group in firstOfName.Keys.Where(k => _groups.ContainsKey(k.ToLowerInvariant())).GroupBy(k => _groups[k.ToLowerInvariant()]))
            {
                var members = group.ToList();
                for (var a = 0; a < members.Count; a++)
                {
                    for (var b = a + 1; b < members.Count; b++)
                    {
                        if (!string.Equals(members[a], members[b], StringComparison.OrdinalIgnoreCase))
                        {
                            AddVariant(members[a], members[b]);
                        }
                    }
                }
            }

            foreach (var bucket in firstOfName.Keys.GroupBy(k => Fold(k)[0]))
            {
                var members = bucket.ToList();
                for (var a = 0; a < members.Count; a++)
                {
                    for (var b = a + 1; b < members.Count; b++)
                    {
                        context.CancellationToken.ThrowIfCancellationRequested();
                        if (!variantPairs.Contains((members[a], members[b])) && AreVariants(members[a], members[b]))
                        {
                            AddVariant(members[a], members[b]);
                        }
                    }
                }
            }

            foreach (var bySurname in firstOfPair.GroupBy(p => p.Key.Surname))
            {
                var pairs = bySurname.ToList();
                for (var a = 0; a < pairs.Count; a++)
                {
                    for (var b = a + 1; b < pairs.Count; b++)
                    {
                        if (AreGivenNameVariants(pairs[a].Key.Given, pairs[b].Key.Given) && !variantPairs.Contains((pairs[a].Key.Given, pairs[b].Key.Given)))
                        {
                            var nameA = pairs[a].Key.Given + " " + pairs[a].Key.Surname;
                            var nameB = pairs[b].Key.Given + " " + pairs[b].Key.Surname;
                            reports.Add((pairs[a].Value, nameB, pairs[b].Value));
                            reports.Add((pairs[b].Value, nameA, pairs[a].Value));
                        }
                    }
                }
            }

            foreach (var (span, other, otherSpan) in reports.OrderBy(r => r.Span.Start).ThenBy(r => r.Other, StringComparer.Ordinal))
            {
                var line = document.Text.GetLinePosition(otherSpan.Start).Line + 1;
                context.Report(span, null, new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["variant"] = other,
                    ["line"] = line.ToString(CultureInfo.InvariantCulture),
                });
            }
        }

        private bool AreVariants(string a, string b)
        {
            var lowerA = a.ToLowerInvariant();
            var lowerB = b.ToLowerInvariant();
            if (lowerA == lowerB || (_groups.ContainsKey(lowerA) && _groups.ContainsKey(lowerB)))
            {
                return false;
            }

            if (Fold(a) == Fold(b))
            {
                return true; // Mbappé / Mbappe
            }

            if (a.Length < _minLength || b.Length < _minLength || lowerA[0] != lowerB[0]
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

            return EnglishSuffixes.Contains(a.Substring(common)) && EnglishSuffixes.Contains(b.Substring(common));
        }

        private static bool AreGivenNameVariants(string a, string b)
        {
            if (a.Length < 3 || b.Length < 3 || string.Equals(a, b, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            var lowerA = Fold(a);
            var lowerB = Fold(b);
            if (lowerA == lowerB || lowerA.EndsWith(lowerB, StringComparison.Ordinal) || lowerB.EndsWith(lowerA, StringComparison.Ordinal))
            {
                return true; // Mbappé / Mbappe, Tony / Antony
            }

            var longest = Math.Max(a.Length, b.Length);
            return longest >= 4 && lowerA[0] == lowerB[0] && EditDistance.AtMost(lowerA, lowerB, longest >= 7 ? 2 : 1);
        }

        /// <summary>Lower case without diacritics, for comparing spellings.</summary>
        private static string Fold(string name)
        {
            var decomposed = name.ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormD);
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

        /// <summary>Capitalised words that do not start a sentence, outside headlines, in document order.</summary>
        private static List<(string Key, TextSpan Span, int TokenIndex)> CollectNames(DocumentModel document)
        {
            var names = new List<(string, TextSpan, int)>();
            var tokens = document.Tokens;
            var text = document.Text;

            // A capitalised word at the start of a sentence is a name unless the document also uses it in lower
            // case ("Officials … officials") or it is an ordinary sentence opener.
            var lowerCaseWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var token in tokens)
            {
                if (token.Kind == TokenKind.Word && char.IsLower(text[token.Span.Start]))
                {
                    lowerCaseWords.Add(text.ToString(token.Span));
                }
            }

            var sentenceIndex = 0;
            var sentences = document.Sentences;
            for (var i = 0; i < tokens.Count; i++)
            {
                var token = tokens[i];
                if (token.Kind != TokenKind.Word)
                {
                    continue;
                }

                while (sentenceIndex < sentences.Count && sentences[sentenceIndex].Span.End <= token.Span.Start)
                {
                    sentenceIndex++;
                }

                var chars = text.AsSpan(token.Span);
                if (!char.IsUpper(chars[0]) || IsAllCaps(chars)
                    || (IsSentenceStart(document, tokens, i, sentenceIndex) && (SentenceStarters.Contains(chars) || lowerCaseWords.Contains(chars.ToString()))))
                {
                    continue;
                }

                var paragraph = document.GetParagraph(token.Span.Start);
                if (paragraph is { IsHeadline: true } && IsTitleCase(document, paragraph))
                {
                    continue; // In a Title Case Headline every word is capitalised, so capitals say nothing.
                }

                var length = chars.Length - TokenText.GetPossessiveSuffixLength(chars);

                if (length >= 3)
                {
                    names.Add((chars.Slice(0, length).ToString(), new TextSpan(token.Span.Start, length), i));
                }
            }

            return names;
        }

        private static bool IsTitleCase(DocumentModel document, Paragraph paragraph)
        {
            var (words, capitalised) = KindSupport.CountWords(document, paragraph.Span);
            return capitalised * 2 > words;
        }

        private static bool IsAllCaps(ReadOnlySpan<char> chars)
        {
            foreach (var c in chars)
            {
                if (char.IsLower(c))
                {
                    return false;
                }
            }

            return true;
        }

        // The first word of a sentence, or the first word after a colon or an opening quotation mark.
        private static bool IsSentenceStart(DocumentModel document, IReadOnlyList<Token> tokens, int index, int sentenceIndex)
        {
            var sentences = document.Sentences;
            if (sentenceIndex < sentences.Count && sentences[sentenceIndex].Span.Start >= tokens[index].Span.Start)
            {
                return true;
            }

            for (var j = index - 1; j >= 0; j--)
            {
                var previous = tokens[j];
                if (previous.Kind == TokenKind.Word || previous.Kind == TokenKind.Number)
                {
                    return sentenceIndex < sentences.Count && previous.Span.End <= sentences[sentenceIndex].Span.Start;
                }

                var c = document.Text[previous.Span.Start];
                if (c is ':' or '.' or '!' or '?' || previous.Kind == TokenKind.QuoteMark)
                {
                    return true;
                }
            }

            return true;
        }
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

        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > limit)
            {
                return false;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return previous[b.Length] <= limit;
    }
}

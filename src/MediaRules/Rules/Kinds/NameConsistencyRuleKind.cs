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

        public DocumentFacts Collect(RuleContext context, TextSpan range) => CollectNames(context, range);

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
                if (!a.Names[i].EqualsMoved(b.Names[i]))
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
            // the first of the next with only blank stretches between).
            var firstOfName = new Dictionary<string, TextSpan>(StringComparer.Ordinal);
            var reportOf = new Dictionary<TextSpan, (DiagnosticSeverity? Severity, string Match)>();
            var firstOfPair = new Dictionary<(string Given, string Surname), TextSpan>();
            Name? previous = null;
            var previousSpan = default(TextSpan);
            var previousIndex = -1;
            var tokensBetween = 0;
            for (var f = 0; f < combination.Facts.Count; f++)
            {
                var facts = (NameFacts)combination.Facts[f];
                var offset = combination.Offsets[f];
                foreach (var name in facts.Names)
                {
                    if (name.ConditionalWord is { } word && lowerCaseWords.Contains(word))
                    {
                        continue; // "Officials … officials": a capitalised sentence opener the document also writes in lower case.
                    }

                    var span = new TextSpan(name.Span.Start + offset, name.Span.Length);
                    if (previous is { } p && (previousIndex == f ? name.Token == p.Token + 1 : p.Token == tokensBetween - 1 && name.Token == 0))
                    {
                        var pair = (p.Key, name.Key);
                        if (!firstOfPair.ContainsKey(pair))
                        {
                            var pairSpan = TextSpan.FromBounds(previousSpan.Start, span.End);
                            firstOfPair.Add(pair, pairSpan);
                            reportOf[pairSpan] = (p.PairSeverity, p.PairMatch!);
                        }
                    }

                    if (!firstOfName.ContainsKey(name.Key))
                    {
                        firstOfName.Add(name.Key, span);
                        reportOf[span] = (name.Severity, name.Match);
                    }

                    previous = name;
                    previousSpan = span;
                    previousIndex = f;
                    tokensBetween = facts.TokenCount;
                }

                if (previousIndex != f && facts.TokenCount > 0)
                {
                    previous = null; // tokens that are not names stand between the last name and the next stretch
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
                        combination.CancellationToken.ThrowIfCancellationRequested();
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
                var (severity, match) = reportOf[span];
                if (severity is { } admitted)
                {
                    combination.Report(span, admitted, match, new Dictionary<string, string>(StringComparer.Ordinal) { ["variant"] = other }, otherSpan.Start);
                }
            }
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

        /// <summary>
        /// The names of a stretch: capitalised words that do not start a sentence, outside Title Case headlines, in
        /// document order, with the scope's verdict; and the stretch's lower-case words. A capitalised word at the
        /// start of a sentence is a name unless it is an ordinary sentence opener or the document also writes it in
        /// lower case ("Officials … officials"), which only the combine can tell: such names are kept conditionally.
        /// </summary>
        private static NameFacts CollectNames(RuleContext context, TextSpan range)
        {
            var document = context.Document;
            var tokens = document.Tokens;
            var text = document.Text;
            var first = document.GetFirstTokenIndexAtOrAfter(range.Start);
            while (first < tokens.Count && tokens[first].Span.Start < range.Start)
            {
                first++;
            }

            var end = first;
            while (end < tokens.Count && tokens[end].Span.Start < range.End)
            {
                end++;
            }

#if NET9_0_OR_GREATER
            // Sized for a stretch's distinct words (about one token in eight, up to a few thousand): few resizes.
            var lowerCaseWords = new HashSet<string>(Math.Min((end - first) / 8, 8192), StringComparer.OrdinalIgnoreCase);
#else
            var lowerCaseWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
#endif
#if NET9_0_OR_GREATER
            // A word already in the set is looked up by its characters: no string for each repeated word.
            var byChars = lowerCaseWords.GetAlternateLookup<ReadOnlySpan<char>>();
#endif
            for (var i = first; i < end; i++)
            {
                if (tokens[i].Kind == TokenKind.Word && char.IsLower(text[tokens[i].Span.Start]))
                {
#if NET9_0_OR_GREATER
                    byChars.Add(text.AsSpan(tokens[i].Span));
#else
                    lowerCaseWords.Add(text.ToString(tokens[i].Span));
#endif
                }
            }

            // At most one name per capitalised word: sized once, never grown (names are large and a stretch has many).
            var capitalised = 0;
            for (var i = first; i < end; i++)
            {
                capitalised += tokens[i].Kind == TokenKind.Word && char.IsUpper(text[tokens[i].Span.Start]) ? 1 : 0;
            }

            var names = new List<Name>(capitalised);
            var keys = new HashSet<string>(StringComparer.Ordinal);
            var sentenceIndex = 0;
            (string Key, TextSpan Span, string? ConditionalWord)? candidate = null;
            var candidateToken = -1;
            for (var i = first; i < end; i++)
            {
                // The look-ahead of the previous token (for its pair) is this token's candidate: computed once.
                if (candidateToken != i)
                {
                    candidate = Candidate(document, i, ref sentenceIndex, keys);
                }

                if (candidate is not { } current || !context.TryAdmit(current.Span, out var severity))
                {
                    candidateToken = -1;
                    continue;
                }

                // The pair this name would make with the next token, should both be kept: its scope and its text.
                DiagnosticSeverity? pairSeverity = null;
                string? pairMatch = null;
                candidateToken = -1;
                if (i + 1 < tokens.Count)
                {
                    var nextSentence = sentenceIndex;
                    var next = Candidate(document, i + 1, ref nextSentence, keys);
                    if (next is { } following)
                    {
                        var pairSpan = TextSpan.FromBounds(current.Span.Start, following.Span.End);
                        pairSeverity = context.TryAdmit(pairSpan, out var admitted) ? admitted : null;
                        pairMatch = context.DisplayText(pairSpan);
                    }

                    candidate = next;
                    candidateToken = i + 1;
                    sentenceIndex = nextSentence;
                }

                names.Add(new Name(
                    current.Key,
                    new TextSpan(current.Span.Start - range.Start, current.Span.Length),
                    i - first,
                    current.ConditionalWord,
                    severity,
                    Display(context, current.Key, current.Span),
                    pairSeverity,
                    pairMatch));
            }

            return new NameFacts(names.ToArray(), lowerCaseWords, end - first);
        }

        // The text a message shows for a name: its key, unless the span holds characters the display drops.
        private static string Display(RuleContext context, string key, TextSpan span)
        {
            foreach (var c in context.Text.AsSpan(span))
            {
                if (TextChars.IsIgnorable(c) || TextChars.IsSpace(c))
                {
                    return context.DisplayText(span);
                }
            }

            return key;
        }

        /// <summary>The name a token is, if it is one: its key (without a possessive), span, and the word whose lower-case use elsewhere would unmake it.</summary>
        private static (string Key, TextSpan Span, string? ConditionalWord)? Candidate(DocumentModel document, int i, ref int sentenceIndex, HashSet<string> keys)
        {
            var tokens = document.Tokens;
            var text = document.Text;
            var sentences = document.Sentences;
            var token = tokens[i];
            if (token.Kind != TokenKind.Word)
            {
                return null;
            }

            while (sentenceIndex < sentences.Count && sentences[sentenceIndex].Span.End <= token.Span.Start)
            {
                sentenceIndex++;
            }

            var chars = text.AsSpan(token.Span);
            if (!char.IsUpper(chars[0]) || IsAllCaps(chars))
            {
                return null;
            }

            string? conditional = null;
            if (IsSentenceStart(document, tokens, i, sentenceIndex))
            {
                if (SentenceStarters.Contains(chars))
                {
                    return null;
                }

                conditional = KeyOf(chars, keys);
            }

            var paragraph = document.GetParagraph(token.Span.Start);
            if (paragraph is { IsHeadline: true } && IsTitleCase(document, paragraph))
            {
                return null; // In a Title Case Headline every word is capitalised, so capitals say nothing.
            }

            var length = chars.Length - TokenText.GetPossessiveSuffixLength(chars);
            return length >= 3 ? (KeyOf(chars.Slice(0, length), keys), new TextSpan(token.Span.Start, length), conditional) : null;
        }

        // One string per distinct word of a stretch: names recur.
        private static string KeyOf(ReadOnlySpan<char> chars, HashSet<string> keys)
        {
#if NET9_0_OR_GREATER
            var byChars = keys.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!byChars.TryGetValue(chars, out var key))
            {
                key = chars.ToString();
                keys.Add(key);
            }

            return key;
#else
            return chars.ToString();
#endif
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

/// <summary>A name a stretch holds, as the combine needs it.</summary>
internal readonly struct Name : IEquatable<Name>
{
    private const byte NoPair = byte.MaxValue;
    private readonly byte _severity;
    private readonly byte _pairSeverity;

    public Name(string key, TextSpan span, int token, string? conditionalWord, DiagnosticSeverity severity, string match, DiagnosticSeverity? pairSeverity, string? pairMatch)
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

    public string Key { get; }

    /// <summary>The span, relative to the stretch.</summary>
    public TextSpan Span { get; }

    /// <summary>The index of its token among the stretch's tokens.</summary>
    public int Token { get; }

    /// <summary>For a name that opens a sentence, the word whose lower-case use anywhere unmakes it; otherwise null.</summary>
    public string? ConditionalWord { get; }

    public DiagnosticSeverity Severity => (DiagnosticSeverity)_severity;

    public string Match { get; }

    /// <summary>The scope's severity for the pair this name makes with the next token, null when none or not admitted.</summary>
    public DiagnosticSeverity? PairSeverity => _pairSeverity == NoPair ? null : (DiagnosticSeverity)_pairSeverity;

    public string? PairMatch { get; }

    public bool Equals(Name other) =>
        string.Equals(Key, other.Key, StringComparison.Ordinal) && Span == other.Span && Token == other.Token
        && string.Equals(ConditionalWord, other.ConditionalWord, StringComparison.Ordinal) && Severity == other.Severity
        && string.Equals(Match, other.Match, StringComparison.Ordinal) && PairSeverity == other.PairSeverity
        && string.Equals(PairMatch, other.PairMatch, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is Name other && Equals(other);

    public override int GetHashCode() => Span.GetHashCode();

    /// <summary>Equal but for where the name starts in its stretch.</summary>
    public bool EqualsMoved(Name other) => Equals(new Name(other.Key, new TextSpan(Span.Start, other.Span.Length), other.Token, other.ConditionalWord, other.Severity, other.Match, other.PairSeverity, other.PairMatch));
}

/// <summary>The names and lower-case words of one stretch.</summary>
internal sealed class NameFacts : DocumentFacts
{
    public NameFacts(Name[] names, HashSet<string> lowerCaseWords, int tokenCount)
    {
        Names = names;
        LowerCaseWords = lowerCaseWords;
        TokenCount = tokenCount;
    }

    public Name[] Names { get; }

    public HashSet<string> LowerCaseWords { get; }

    public int TokenCount { get; }

    public override bool Equals(DocumentFacts? other) =>
        other is NameFacts facts && TokenCount == facts.TokenCount && Names.AsSpan().SequenceEqual(facts.Names) && LowerCaseWords.SetEquals(facts.LowerCaseWords);

    public override int GetHashCode() => Names.Length;
}

/// <summary>
/// A session's memo of a document's lower-case words: how many stretches use each, updated by comparing the new list of
/// stretch facts with the last one (unchanged stretches share their facts object), so an edit costs its own stretches.
/// </summary>
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
            foreach (var name in ((NameFacts)old[i]).Names)
            {
                if (name.ConditionalWord is { } conditional && --_conditional[conditional] == 0)
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
            foreach (var name in ((NameFacts)facts[i]).Names)
            {
                if (name.ConditionalWord is { } conditional)
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

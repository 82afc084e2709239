using System;
using System.Collections.Generic;
using MediaRules.Diagnostics;
using MediaRules.Documents;
using MediaRules.Text;

namespace MediaRules.Rules.Kinds;

/// <summary>
/// <c>kind: acronym</c> — an acronym (two to six capitals, or dotted like U.N.) used before its definition or
/// never defined. A definition is the acronym in brackets, "Israel Defense Forces (IDF)", or the acronym followed
/// by its expansion in brackets, "IDF (Israel Defense Forces)". Acronyms listed in <c>terms</c> need no
/// definition (US, UN, NATO, BBC…). The first use of each undefined acronym is reported once. Paragraphs written
/// mostly in capitals (shouted headlines) are skipped.
/// </summary>
internal sealed class AcronymRuleKind : IRuleKind
{
    public string Name => "acronym";

    public IRule Create(RuleDefinition definition)
    {
        if (definition.Patterns.Count > 0)
        {
            throw new RuleDefinitionException("patterns", "an acronym rule takes no patterns; list the acronyms that need no definition in 'terms'");
        }

        var known = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < definition.Terms.Count; i++)
        {
            var key = Key(definition.Terms[i].Text.AsSpan());
            if (key is null)
            {
                throw new RuleDefinitionException("terms", $"'{definition.Terms[i].Text}' is not an acronym (two to six capital letters, optionally dotted)", i);
            }

            known.Add(key);
        }

        return new AcronymRule(definition.ToDescriptor(), known);
    }

    /// <summary>The acronym's letters without periods, or null when the word is not an acronym.</summary>
    internal static string? Key(ReadOnlySpan<char> word)
    {
        if (word.Length > 2 && word[word.Length - 1] == 's')
        {
            word = word.Slice(0, word.Length - 1); // MPs, NGOs: the plural of an acronym is the acronym.
        }

        // Most words fail on their first letter; none needs more than seven letters to fail the length check.
        Span<char> letters = stackalloc char[7];
        var count = 0;
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (c == '.')
            {
                continue;
            }

            if ((!char.IsUpper(c) && !(count > 0 && char.IsDigit(c))) || count == letters.Length)
            {
                return null;
            }

            letters[count++] = c;
        }

        if (count < 2)
        {
            return null;
        }

        var key = letters.Slice(0, count).ToString();
        return IsRomanNumeral(key) ? null : key;
    }

    /// <summary>
    /// Whether a word can be an acronym as far as its length and first two characters tell (<see cref="Key"/> needs two
    /// characters, a capital or a period first, and fails on a lower-case second character, which the plural 's' never
    /// is: it is stripped only from a third or later one): most words, "Gaza" as well as "the", are told here without a call.
    /// </summary>
    internal static bool MayBeAcronym(ReadOnlySpan<char> word)
    {
        if (word.Length < 2 || word[1] is >= 'a' and <= 'z')
        {
            return false;
        }

        var first = word[0];
        return first < 128 ? first is (>= 'A' and <= 'Z') or '.' : char.IsUpper(first);
    }

    // Regnal and ordinal numerals (Charles III, World War II, Vatican II) are not acronyms.
    private static bool IsRomanNumeral(string key)
    {
        foreach (var c in key)
        {
            if (c is not ('I' or 'V' or 'X'))
            {
                return false;
            }
        }

        return true;
    }

    private sealed class AcronymRule : IDocumentRule
    {
        private readonly HashSet<string> _known;

        public AcronymRule(DiagnosticDescriptor descriptor, HashSet<string> known)
        {
            Descriptor = descriptor;
            _known = known;
        }

        public DiagnosticDescriptor Descriptor { get; }

        public void Analyze(RuleContext context) => DocumentCombination.Analyze(this, context);

        public bool SameOutcome(DocumentFacts old, DocumentFacts @new, object? cache) => old.Equals(@new);

        public TextSpan? Map(DocumentFacts old, DocumentFacts @new, TextSpan span) => span;

        public DocumentFacts Collect(RuleContext context, TextSpan range)
        {
            var document = context.Document;
            var tokens = document.TokenSpan;
            var text = document.Text.AsSpan();
            var uses = new List<Use>();
            var shoutingParagraph = -1;
            var checkedParagraph = -1;
            for (var i = document.GetFirstTokenIndexAtOrAfter(range.Start); i < tokens.Length; i++)
            {
                var token = tokens[i];
                if (token.Span.Start >= range.End)
                {
                    break;
                }

                if (token.Kind != TokenKind.Word || token.Span.Start < range.Start)
                {
                    continue;
                }

                var word = text.Slice(token.Span.Start, token.Span.Length);
                if (!MayBeAcronym(word))
                {
                    continue;
                }

                var key = Key(word);
                if (key is null || _known.Contains(key))
                {
                    continue;
                }

                var paragraph = document.GetParagraph(token.Span.Start);
                if (paragraph is not null && paragraph.Index != checkedParagraph)
                {
                    checkedParagraph = paragraph.Index;
                    shoutingParagraph = IsShouting(document, paragraph) ? paragraph.Index : -1;
                }

                if (paragraph is not null && paragraph.Index == shoutingParagraph)
                {
                    continue;
                }

                var span = token.Span;
                var admitted = context.TryAdmit(span, out var severity);
                uses.Add(new Use(key, new TextSpan(span.Start - range.Start, span.Length), IsDefinition(text, tokens, i), admitted ? severity : null, context.DisplayText(span)));
            }

            return new AcronymFacts(uses.ToArray());
        }

        public void Combine(DocumentCombination combination)
        {
            var firstUse = new Dictionary<string, (TextSpan Span, DiagnosticSeverity? Severity, string Match)>(StringComparer.Ordinal);
            var defined = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var f = 0; f < combination.Facts.Count; f++)
            {
                var offset = combination.Offsets[f];
                foreach (var use in ((AcronymFacts)combination.Facts[f]).Uses)
                {
                    var span = new TextSpan(use.Span.Start + offset, use.Span.Length);
                    if (use.IsDefinition && !defined.ContainsKey(use.Key))
                    {
                        defined.Add(use.Key, span.Start);
                    }

                    if (!firstUse.ContainsKey(use.Key))
                    {
                        firstUse.Add(use.Key, (span, use.Severity, use.Match));
                    }
                }
            }

            foreach (var use in firstUse)
            {
                if ((!defined.TryGetValue(use.Key, out var at) || at > use.Value.Span.Start) && use.Value.Severity is { } severity)
                {
                    combination.Report(use.Value.Span, severity, use.Value.Match);
                }
            }
        }

        // "(IDF)" after words, or "IDF (Israel Defense Forces)".
        private static bool IsDefinition(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int i)
        {
            var bracketed = i > 0 && i + 1 < tokens.Length && text[tokens[i - 1].Span.Start] == '(' && text[tokens[i + 1].Span.Start] == ')';
            if (bracketed)
            {
                return i > 1 && tokens[i - 2].Kind == TokenKind.Word;
            }

            return i + 2 < tokens.Length && text[tokens[i + 1].Span.Start] == '(' && tokens[i + 2].Kind == TokenKind.Word
                && char.IsUpper(text[tokens[i + 2].Span.Start]) && Key(text.Slice(tokens[i + 2].Span.Start, tokens[i + 2].Span.Length)) is null;
        }

        private static bool IsShouting(DocumentModel document, Paragraph paragraph)
        {
            var tokens = document.TokenSpan;
            var text = document.Text.AsSpan();
            int words = 0, capitals = 0;
            for (var i = document.GetFirstTokenIndexAtOrAfter(paragraph.Span.Start); i < tokens.Length && tokens[i].Span.Start < paragraph.Span.End; i++)
            {
                if (tokens[i].Kind == TokenKind.Word && tokens[i].Span.Length > 1)
                {
                    words++;
                    var word = text.Slice(tokens[i].Span.Start, tokens[i].Span.Length);
                    if (MayBeAcronym(word) && Key(word) is not null)
                    {
                        capitals++;
                    }
                }
            }

            return words >= 4 && capitals * 2 > words;
        }
    }

    private readonly struct Use : IEquatable<Use>
    {
        public Use(string key, TextSpan span, bool isDefinition, DiagnosticSeverity? severity, string match)
        {
            Key = key;
            Span = span;
            IsDefinition = isDefinition;
            Severity = severity;
            Match = match;
        }

        public string Key { get; }

        public TextSpan Span { get; }

        public bool IsDefinition { get; }

        /// <summary>The severity the scope gives a report here, or null when it admits none.</summary>
        public DiagnosticSeverity? Severity { get; }

        public string Match { get; }

        public bool Equals(Use other) =>
            string.Equals(Key, other.Key, StringComparison.Ordinal) && Span == other.Span && IsDefinition == other.IsDefinition
            && Severity == other.Severity && string.Equals(Match, other.Match, StringComparison.Ordinal);

        public override bool Equals(object? obj) => obj is Use other && Equals(other);

        public override int GetHashCode() => Span.GetHashCode();
    }

    private sealed class AcronymFacts : DocumentFacts
    {
        public AcronymFacts(Use[] uses) => Uses = uses;

        public Use[] Uses { get; }

        public override bool Equals(DocumentFacts? other) => other is AcronymFacts facts && Uses.AsSpan().SequenceEqual(facts.Uses);

        public override int GetHashCode() => Uses.Length;
    }
}

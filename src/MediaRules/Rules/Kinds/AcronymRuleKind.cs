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

        var letters = new char[word.Length];
        var count = 0;
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (c == '.')
            {
                continue;
            }

            if (!char.IsUpper(c) && !(count > 0 && char.IsDigit(c)))
            {
                return null;
            }

            letters[count++] = c;
        }

        if (count < 2 || count > 6)
        {
            return null;
        }

        var key = new string(letters, 0, count);
        return IsRomanNumeral(key) ? null : key;
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

    private sealed class AcronymRule : IRule
    {
        private readonly HashSet<string> _known;

        public AcronymRule(DiagnosticDescriptor descriptor, HashSet<string> known)
        {
            Descriptor = descriptor;
            _known = known;
        }

        public DiagnosticDescriptor Descriptor { get; }

        public void Analyze(RuleContext context)
        {
            var document = context.Document;
            var tokens = document.Tokens;
            var text = document.Text;
            var firstUse = new Dictionary<string, TextSpan>(StringComparer.Ordinal);
            var defined = new Dictionary<string, int>(StringComparer.Ordinal);
            var shouting = new HashSet<int>();
            foreach (var paragraph in document.Paragraphs)
            {
                if (IsShouting(document, paragraph))
                {
                    shouting.Add(paragraph.Index);
                }
            }

            for (var i = 0; i < tokens.Count; i++)
            {
                if (tokens[i].Kind != TokenKind.Word)
                {
                    continue;
                }

                var key = Key(text.AsSpan(tokens[i].Span));
                if (key is null || _known.Contains(key) || shouting.Contains(document.GetParagraph(tokens[i].Span.Start)?.Index ?? -1))
                {
                    continue;
                }

                if (IsDefinition(text, tokens, i) && !defined.ContainsKey(key))
                {
                    defined.Add(key, tokens[i].Span.Start);
                }

                if (!firstUse.ContainsKey(key))
                {
                    firstUse.Add(key, tokens[i].Span);
                }
            }

            foreach (var use in firstUse)
            {
                if (!defined.TryGetValue(use.Key, out var at) || at > use.Value.Start)
                {
                    context.Report(use.Value);
                }
            }
        }

        // "(IDF)" after words, or "IDF (Israel Defense Forces)".
        private static bool IsDefinition(SourceText text, IReadOnlyList<Token> tokens, int i)
        {
            var bracketed = i > 0 && i + 1 < tokens.Count && text[tokens[i - 1].Span.Start] == '(' && text[tokens[i + 1].Span.Start] == ')';
            if (bracketed)
            {
                return i > 1 && tokens[i - 2].Kind == TokenKind.Word;
            }

            return i + 2 < tokens.Count && text[tokens[i + 1].Span.Start] == '(' && tokens[i + 2].Kind == TokenKind.Word
                && char.IsUpper(text[tokens[i + 2].Span.Start]) && Key(text.AsSpan(tokens[i + 2].Span)) is null;
        }

        private static bool IsShouting(DocumentModel document, Paragraph paragraph)
        {
            int words = 0, capitals = 0;
            for (var i = document.GetFirstTokenIndexAtOrAfter(paragraph.Span.Start); i < document.Tokens.Count && document.Tokens[i].Span.Start < paragraph.Span.End; i++)
            {
                if (document.Tokens[i].Kind == TokenKind.Word && document.Tokens[i].Span.Length > 1)
                {
                    words++;
                    if (Key(document.Text.AsSpan(document.Tokens[i].Span)) is not null)
                    {
                        capitals++;
                    }
                }
            }

            return words >= 4 && capitals * 2 > words;
        }
    }
}

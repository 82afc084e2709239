using System.Globalization;
using MediaRules.Documents;
using MediaRules.Text;

namespace MediaRules.Rules.Kinds;

/// <summary>What several built-in kinds ask of a definition or of a document.</summary>
internal static class KindSupport
{
    /// <summary>Rejects terms and patterns for a kind that reads the document's structure instead.</summary>
    public static void RequireNoTermsOrPatterns(RuleDefinition definition, string kindName)
    {
        if (definition.Terms.Count > 0 || definition.Patterns.Count > 0)
        {
            throw new RuleDefinitionException(definition.Terms.Count > 0 ? "terms" : "patterns", $"a {kindName} rule takes no terms or patterns");
        }
    }

    /// <summary>A whole-number option of at least <paramref name="minimum"/>, or <paramref name="fallback"/> when absent.</summary>
    public static int IntOption(RuleDefinition definition, string name, int fallback, int minimum)
    {
        if (!definition.Options.TryGetValue(name, out var text))
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < minimum)
        {
            throw new RuleDefinitionException("options", $"'{name}' must be a whole number of at least {minimum}");
        }

        return value;
    }

    /// <summary>
    /// How many word and number tokens start inside <paramref name="span"/>, and how many of those begin with a capital;
    /// counting stops once the words exceed <paramref name="limit"/> (a caller that only asks whether a span is short
    /// does not read a long one to its end).
    /// </summary>
    public static (int Words, int Capitalised) CountWords(DocumentModel document, TextSpan span, int limit = int.MaxValue) =>
        CountWords(document, span, document.GetFirstTokenIndexAtOrAfter(span.Start), limit);

    /// <summary>The words of a quotation's content (see <see cref="CountWords(DocumentModel, TextSpan, int)"/>), from the token after its opening mark when the model knows it.</summary>
    public static (int Words, int Capitalised) CountContentWords(DocumentModel document, Quotation quotation, int limit = int.MaxValue) =>
        CountWords(document, quotation.ContentSpan, quotation.OpeningToken >= 0 ? quotation.OpeningToken + 1 : document.GetFirstTokenIndexAtOrAfter(quotation.ContentSpan.Start), limit);

    private static (int Words, int Capitalised) CountWords(DocumentModel document, TextSpan span, int first, int limit)
    {
        int words = 0, capitalised = 0;
        var tokens = document.TokenSpan;
        var text = document.Text.AsSpan();
        for (var i = first; i < tokens.Length && tokens[i].Span.Start < span.End && words <= limit; i++)
        {
            var token = tokens[i];
            if (token.Kind is TokenKind.Word or TokenKind.Number)
            {
                words++;
                capitalised += char.IsUpper(text[token.Span.Start]) ? 1 : 0;
            }
        }

        return (words, capitalised);
    }
}

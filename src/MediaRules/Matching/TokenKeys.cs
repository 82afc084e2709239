using System.Runtime.CompilerServices;
using MediaRules.Documents;

namespace MediaRules.Matching;

/// <summary>
/// The matching key of every token of a document, computed once per document and shared by every term rule:
/// folded case, straight apostrophes, and no possessive suffix ("Resistance’s" → "resistance").
/// </summary>
internal static class TokenKeys
{
    private static readonly ConditionalWeakTable<DocumentModel, string[]> Cache = new();

    public static string[] Get(DocumentModel document) => Cache.GetValue(document, Compute);

    public static string KeyOf(System.ReadOnlySpan<char> token)
    {
        var length = token.Length;
        if (length > 2 && TextSearch.Fold(token[length - 1]) == 's' && TextSearch.Fold(token[length - 2]) == '\'')
        {
            length -= 2;
        }
        else if (length > 1 && TextSearch.Fold(token[length - 1]) == '\'')
        {
            length -= 1;
        }

        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = TextSearch.Fold(token[i]);
        }

        return new string(chars);
    }

    private static string[] Compute(DocumentModel document)
    {
        var tokens = document.Tokens;
        var keys = new string[tokens.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = KeyOf(document.Text.AsSpan(tokens[i].Span));
        }

        return keys;
    }
}

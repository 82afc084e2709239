using System;
using System.Collections.Generic;
using MediaRules.Documents;
using MediaRules.Text;

namespace MediaRules.Matching;

/// <summary>
/// Finds phrases in a document by walking a word-level trie over its tokens: word boundaries come from the
/// tokenizer, and matching costs one dictionary step per token whatever the number of phrases.
/// </summary>
internal sealed class TermMatcher
{
    private readonly Node _root = new();
    private readonly List<string[]> _exactWords = new();

    /// <summary>Adds a phrase; <paramref name="id"/> comes back with each match.</summary>
    /// <param name="phrase">The phrase.</param>
    /// <param name="id">The caller's id for the phrase.</param>
    /// <param name="inflect">Whether the last word also matches its plural forms.</param>
    /// <returns>Whether the phrase has at least one word.</returns>
    public bool Add(string phrase, int id, bool inflect)
    {
        var model = DocumentModel.Create(SourceText.From(phrase));
        var tokens = model.Tokens;
        if (tokens.Count == 0)
        {
            return false;
        }

        var words = new string[tokens.Count];
        var exact = new string[tokens.Count];
        for (var i = 0; i < words.Length; i++)
        {
            var chars = model.Text.AsSpan(tokens[i].Span);
            words[i] = TokenKeys.KeyOf(chars);
            exact[i] = chars.ToString();
        }

        while (_exactWords.Count <= id)
        {
            _exactWords.Add(Array.Empty<string>());
        }

        _exactWords[id] = exact;
        var node = _root;
        for (var i = 0; i < words.Length - 1; i++)
        {
            node = node.Child(words[i]);
        }

        var last = words[words.Length - 1];
        node.Child(last).Terminals.Add(id);
        if (inflect && last.Length > 0 && char.IsLetter(last[last.Length - 1]))
        {
            foreach (var form in Plurals(last))
            {
                node.Child(form).Terminals.Add(id);
            }
        }

        return true;
    }

    /// <summary>Leftmost-longest matches, not overlapping one another, in document order.</summary>
    /// <param name="document">The document.</param>
    /// <param name="caseSensitive">Whether each word must also match the phrase's own capitalisation.</param>
    /// <returns>Each match's span and phrase id.</returns>
    public IEnumerable<(TextSpan Span, int Id)> Matches(DocumentModel document, bool caseSensitive)
    {
        var keys = TokenKeys.Get(document);
        var tokens = document.Tokens;
        var text = document.Text;
        for (var start = 0; start < keys.Length; start++)
        {
            if (!_root.Next.TryGetValue(keys[start], out var node))
            {
                continue;
            }

            var bestEnd = -1;
            var bestId = -1;
            var end = start;
            while (true)
            {
                foreach (var id in node.Terminals)
                {
                    if (!caseSensitive || SameCase(text, tokens, start, end, _exactWords[id]))
                    {
                        bestEnd = end;
                        bestId = id;
                        break;
                    }
                }

                if (node.Next.Count == 0 || end + 1 >= keys.Length || !Adjacent(text, tokens[end].Span, tokens[end + 1].Span)
                    || !node.Next.TryGetValue(keys[end + 1], out node))
                {
                    break;
                }

                end++;
            }

            if (bestId >= 0)
            {
                yield return (TextSpan.FromBounds(tokens[start].Span.Start, tokens[bestEnd].Span.End), bestId);
                start = bestEnd;
            }
        }
    }

    private static IEnumerable<string> Plurals(string word)
    {
        yield return word + "s";
        yield return word + "es";
        if (word.Length > 1 && word[word.Length - 1] == 'y')
        {
            yield return word.Substring(0, word.Length - 1) + "ies";
        }
    }

    // Two tokens continue a phrase when only spaces (no line break) stand between them.
    private static bool Adjacent(SourceText text, TextSpan left, TextSpan right)
    {
        for (var i = left.End; i < right.Start; i++)
        {
            var c = text[i];
            if (!char.IsWhiteSpace(c) || SourceText.IsLineBreak(c))
            {
                return false;
            }
        }

        return right.Start - left.End <= 3;
    }

    private static bool SameCase(SourceText text, IReadOnlyList<Token> tokens, int start, int end, string[] exact)
    {
        if (end - start + 1 != exact.Length)
        {
            return false;
        }

        for (var i = 0; i < exact.Length; i++)
        {
            var actual = text.AsSpan(tokens[start + i].Span);
            var expected = exact[i].AsSpan();
            if (actual.Length < expected.Length)
            {
                return false;
            }

            for (var j = 0; j < expected.Length; j++)
            {
                if (char.IsLetter(expected[j]) && actual[j] != expected[j])
                {
                    return false;
                }
            }
        }

        return true;
    }

    private sealed class Node
    {
        public Dictionary<string, Node> Next { get; } = new(StringComparer.Ordinal);

        public List<int> Terminals { get; } = new();

        public Node Child(string key)
        {
            if (!Next.TryGetValue(key, out var child))
            {
                child = new Node();
                Next.Add(key, child);
            }

            return child;
        }
    }
}

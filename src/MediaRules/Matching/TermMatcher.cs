using System;
using System.Collections.Generic;
using System.Linq;
using MediaRules.Documents;
using MediaRules.Text;

namespace MediaRules.Matching;

/// <summary>
/// Finds phrases in a document by walking a word-level trie over its tokens. Word boundaries come from the
/// tokenizer; each step looks a token up in its matching form (lower case, straight apostrophes, no possessive
/// suffix) without allocating, so matching costs one table look-up per token whatever the number of phrases.
/// Immutable once built; safe to use from many threads.
/// </summary>
internal sealed class TermMatcher
{
    private readonly Node _root;
    private readonly string[][] _exactWords;

    private TermMatcher(Node root, string[][] exactWords)
    {
        _root = root;
        _exactWords = exactWords;
    }

    /// <summary>The first words of the phrases (normalized), each with the trie node it leads to.</summary>
    internal IEnumerable<KeyValuePair<string, Node>> FirstNodes => _root.Next.Pairs;

    /// <summary>
    /// Leftmost-longest matches, not overlapping one another, in document order, trying as phrase starts only the
    /// tokens in <paramref name="starts"/> (ascending; every token when null), whose first words lead to
    /// <paramref name="firstNodes"/> when given (a <see cref="TermIndex"/> found them: not looked up again).
    /// </summary>
    /// <param name="document">The document.</param>
    /// <param name="caseSensitive">Whether each word must also match the phrase's own capitalisation.</param>
    /// <param name="starts">The candidate start tokens, or null for all.</param>
    /// <param name="firstNodes">
    /// The trie node each candidate's first word leads to, or null to look them up. A candidate's token need only have
    /// the hash of the node's word: the word itself is compared when a match starts there.
    /// </param>
    /// <returns>Each match's span and phrase id.</returns>
    internal IEnumerable<(TextSpan Span, int Id)> Matches(DocumentModel document, bool caseSensitive, int[]? starts, Node[]? firstNodes)
    {
        var tokens = document.Tokens;
        var text = document.Text;
        var stems = document.Stems;
        var count = starts?.Length ?? tokens.Count;
        var after = -1;
        for (var k = 0; k < count; k++)
        {
            var start = starts is null ? k : starts[k];
            if (start <= after)
            {
                continue;
            }

            Node? node;
            if (firstNodes is not null)
            {
                node = firstNodes[k];
            }
            else if (!_root.Next.MayContain(stems.Hash(start)) || !_root.Next.TryGetValue(stems.Stem(start), stems.Hash(start), out node))
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

                if (node.Next.Count == 0 || end + 1 >= tokens.Count || !node.Next.MayContain(stems.Hash(end + 1))
                    || !Adjacent(text, tokens[end].Span, tokens[end + 1].Span)
                    || !node.Next.TryGetValue(stems.Stem(end + 1), stems.Hash(end + 1), out node))
                {
                    break;
                }

                end++;
            }

            if (bestId >= 0 && (firstNodes is null || TokenText.EqualsNormalized(stems.Stem(start), firstNodes[k].Word)))
            {
                yield return (TextSpan.FromBounds(tokens[start].Span.Start, tokens[bestEnd].Span.End), bestId);
                after = bestEnd;
            }
        }
    }


    // Two tokens continue a phrase when only whitespace, and no paragraph break, stands between them. Any amount:
    // in texts read from Markdown and HTML, inline markup between two words ("Zionist <a href=…>regime</a>") is
    // spaces and soft hyphens of its own length. (A line break inside a paragraph, U+2028, is whitespace here.)
    private static bool Adjacent(SourceText text, TextSpan left, TextSpan right)
    {
        for (var i = left.End; i < right.Start; i++)
        {
            var c = text[i];
            if (!(char.IsWhiteSpace(c) || TextChars.IsIgnorable(c)) || TextChars.IsParagraphBreak(c))
            {
                return false;
            }
        }

        return true;
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

            var k = 0;
            for (var j = 0; j < expected.Length; j++, k++)
            {
                while (k < actual.Length && TextChars.IsIgnorable(actual[k]))
                {
                    k++;
                }

                if (k == actual.Length)
                {
                    return false;
                }

                if (char.IsLetter(expected[j]) && actual[k] != expected[j])
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Collects phrases, then builds the immutable matcher.</summary>
    internal sealed class Builder
    {
        private readonly BuildNode _root = new();
        private readonly List<string[]> _exactWords = new();

        /// <summary>Adds a phrase; its id (0, 1, 2… in order of addition) comes back with each match.</summary>
        /// <param name="phrase">The phrase.</param>
        /// <param name="inflect">Whether the last word also matches its plural forms.</param>
        /// <returns>The phrase's id, or -1 when it has no words.</returns>
        public int Add(string phrase, bool inflect)
        {
            // A document's words are its model's tokens, which are the tokenizer's: the phrase needs no more of a model.
            var tokens = Tokenizer.Tokenize(phrase, out _, out _);
            if (tokens.Length == 0)
            {
                return -1;
            }

            var id = _exactWords.Count;
            var exact = new string[tokens.Length];
            var node = _root;
            for (var i = 0; i < tokens.Length; i++)
            {
                var chars = phrase.AsSpan(tokens[i].Span.Start, tokens[i].Span.Length);
                exact[i] = chars.ToString();
                var key = TokenText.NormalizeWithoutPossessive(chars);
                if (i + 1 < tokens.Length)
                {
                    node = node.Child(key);
                    continue;
                }

                node.Child(key).Terminals.Add(id);
                if (inflect && key.Length > 0 && char.IsLetter(key[key.Length - 1]))
                {
                    foreach (var form in Plurals(key))
                    {
                        node.Child(form).Terminals.Add(id);
                    }
                }
            }

            _exactWords.Add(exact);
            return id;
        }

        public TermMatcher Build() => new(Freeze(string.Empty, _root), _exactWords.ToArray());

        private static Node Freeze(string word, BuildNode node) =>
            new(word, new WordTable<Node>(node.Next.Select(pair => new KeyValuePair<string, Node>(pair.Key, Freeze(pair.Key, pair.Value)))), node.Terminals.Distinct().ToArray());

        private static IEnumerable<string> Plurals(string word)
        {
            yield return word + "s";
            yield return word + "es";
            if (word.Length > 1 && word[word.Length - 1] == 'y')
            {
                yield return word.Substring(0, word.Length - 1) + "ies";
            }
        }

        private sealed class BuildNode
        {
            public Dictionary<string, BuildNode> Next { get; } = new(StringComparer.Ordinal);

            public List<int> Terminals { get; } = new();

            public BuildNode Child(string key)
            {
                if (!Next.TryGetValue(key, out var child))
                {
                    child = new BuildNode();
                    Next.Add(key, child);
                }

                return child;
            }
        }
    }

    /// <summary>A node of the phrase trie: the words that may follow, and the terms that end here.</summary>
    internal sealed class Node
    {
        public Node(string word, WordTable<Node> next, int[] terminals)
        {
            Word = word;
            Next = next;
            Terminals = terminals;
        }

        /// <summary>The word (its matching form) that leads to the node; empty for the root.</summary>
        public string Word { get; }

        public WordTable<Node> Next { get; }

        public int[] Terminals { get; }
    }
}

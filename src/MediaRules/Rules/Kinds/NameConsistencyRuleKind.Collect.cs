using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using MediaRules.Diagnostics;
using MediaRules.Documents;
using MediaRules.Text;

namespace MediaRules.Rules.Kinds;

internal sealed partial class NameConsistencyRuleKind
{
    private sealed partial class NameConsistencyRule
    {
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

                NameList result;
                if (_context.FactsAreTransient)
                {
                    result = NameList.Borrow(names, count); // returned to the pool when the combine is done
                }
                else
                {
                    result = new NameList(names, count, _context.FactsAreKept);
                    ArrayPool<Name>.Shared.Return(names);
                }
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

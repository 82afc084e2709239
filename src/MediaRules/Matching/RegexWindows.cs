using System;
using System.Collections.Generic;
using System.Linq;

namespace MediaRules.Matching;

/// <summary>
/// The stretches of a paragraph where a pattern's matches can lie, found from the occurrences of its required literals
/// (<see cref="RegexPrefilter"/>), so that the regex engine reads those stretches instead of the whole paragraph.
/// </summary>
/// <remarks>
/// <para>
/// It applies to a pattern that reads, at its top level, "prefix, one of the literals, suffix" (groups with one branch
/// and no quantifier count as their contents). Every match then holds an occurrence of a literal where the pattern has
/// it: the match starts no further back from that occurrence than the characters the prefix can match reach (and no
/// further than the prefix's longest length, when it has one), and ends no further on than the suffix's longest length.
/// So the stretch around each occurrence, from the first character back that the prefix cannot match to one character
/// past the suffix's reach, holds every match through that occurrence; and overlapping stretches are joined. Run over
/// each stretch — with the characters before it as context, for <c>\b</c> — the engine finds the same matches as over
/// the whole paragraph: no match can reach a stretch's last character, so none sees the stretch end early.
/// </para>
/// <para>
/// The reading is conservative. A construct it does not read (anchors, lookarounds, inline options, backreferences,
/// escapes with operands, alternation at the top level) gives no windows; a class it cannot bound (negated classes,
/// <c>\W</c>, <c>\p{…}</c>, <c>.</c>) counts as every character. Characters beyond ASCII in the text always count as
/// characters the prefix can match, and a paragraph holding a character that case-insensitive matching may equate with
/// an ASCII letter (which the ordinal search does not find as a literal) is read whole.
/// </para>
/// </remarks>
internal sealed class RegexWindows
{
    private const int Unbounded = RegexQuantifier.Unbounded;

    // The ASCII characters the prefix can match: bit c of _low (c < 64) or of _high (c - 64).
    private readonly ulong _low;
    private readonly ulong _high;
    private readonly int _prefixMax;
    private readonly int _suffixMax;
    private readonly string[] _literals;
    private readonly StringComparison _comparison;

    private RegexWindows(ulong low, ulong high, int prefixMax, int suffixMax, string[] literals, bool ignoreCase)
    {
        _low = low;
        _high = high;
        _prefixMax = prefixMax;
        _suffixMax = suffixMax;
        _literals = literals;
        _comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
    }

    /// <summary>
    /// The windows of a pattern whose prefilter searches for <paramref name="literals"/>, or null when the pattern does not
    /// have them as one element of its top-level sequence, or uses a construct the reading does not follow.
    /// </summary>
    /// <param name="pattern">The pattern.</param>
    /// <param name="ignoreCase">Whether the pattern is matched case-insensitively.</param>
    /// <param name="literals">The prefilter's literals.</param>
    /// <returns>The windows, or null.</returns>
    public static RegexWindows? Create(string pattern, bool ignoreCase, IReadOnlyList<string> literals)
    {
        List<Element> sequence;
        try
        {
            var reader = new Reader(pattern, ignoreCase);
            sequence = reader.ReadTopLevel();
        }
        catch (FormatException)
        {
            return null;
        }

        var wanted = new HashSet<string>(literals, StringComparer.Ordinal);
        var at = sequence.FindIndex(e => e.Literals is { } l && l.Count == wanted.Count && l.All(wanted.Contains));
        if (at < 0)
        {
            return null;
        }

        ulong low = 0, high = 0;
        var prefixMax = 0;
        for (var i = 0; i < at; i++)
        {
            low |= sequence[i].Low;
            high |= sequence[i].High;
            prefixMax = Add(prefixMax, sequence[i].MaxLength);
        }

        var suffixMax = 0;
        for (var i = at + 1; i < sequence.Count; i++)
        {
            suffixMax = Add(suffixMax, sequence[i].MaxLength);
        }

        return new RegexWindows(low, high, prefixMax, suffixMax, wanted.ToArray(), ignoreCase);
    }

    /// <summary>
    /// The windows of a paragraph, in order and apart, from the positions (ascending) at which the prefilter found
    /// something in it. False when the paragraph must be read whole: a position holds none of the literals
    /// (a character case-insensitive matching may equate with one), or the windows would cover it anyway.
    /// </summary>
    /// <param name="paragraph">The paragraph's characters.</param>
    /// <param name="offset">Where the paragraph starts in the text the positions are in.</param>
    /// <param name="positions">The prefilter's positions in the paragraph, in the text, ascending.</param>
    /// <param name="windows">Cleared, then given the windows (start, end) in the paragraph.</param>
    /// <returns>Whether <paramref name="windows"/> holds every match.</returns>
    public bool TryFind(ReadOnlySpan<char> paragraph, int offset, ReadOnlySpan<int> positions, List<(int Start, int End)> windows)
    {
        windows.Clear();
        foreach (var at in positions)
        {
            var position = at - offset;
            var length = LongestLiteralAt(paragraph, position);
            if (length == 0)
            {
                return false;
            }

            var start = position;
            var limit = _prefixMax == Unbounded ? 0 : Math.Max(0, position - _prefixMax);
            while (start > limit && CanPrefix(paragraph[start - 1]))
            {
                start--;
            }

            var end = _suffixMax == Unbounded ? paragraph.Length : (int)Math.Min(paragraph.Length, (long)position + length + _suffixMax + 1);
            if (windows.Count > 0 && start < windows[windows.Count - 1].End)
            {
                var last = windows[windows.Count - 1];
                windows[windows.Count - 1] = (last.Start, Math.Max(last.End, end));
            }
            else
            {
                windows.Add((start, end));
            }
        }

        return !(windows.Count == 1 && windows[0].Start == 0 && windows[0].End == paragraph.Length);
    }

    private bool CanPrefix(char c) => c >= 128 || ((c < 64 ? _low >> c : _high >> (c - 64)) & 1) != 0;

    private int LongestLiteralAt(ReadOnlySpan<char> paragraph, int position)
    {
        var longest = 0;
        var rest = paragraph.Slice(position);
        foreach (var literal in _literals)
        {
            if (literal.Length > longest && rest.StartsWith(literal.AsSpan(), _comparison))
            {
                longest = literal.Length;
            }
        }

        return longest;
    }

    private static int Add(int a, int b) => a == Unbounded || b == Unbounded || (long)a + b >= Unbounded ? Unbounded : a + b;

    private static int Multiply(int a, int times) => a == 0 ? 0 : times == Unbounded || a == Unbounded || (long)a * times >= Unbounded ? Unbounded : a * times;

    /// <summary>One element of a sequence: the ASCII characters it can match, its longest length, and its literals when it is one of a set of literal strings.</summary>
    private sealed class Element
    {
        public ulong Low;
        public ulong High;
        public int MaxLength;
        public List<string>? Literals;

        /// <summary>A single literal character, with its run continuing in the next such element.</summary>
        public char? Char;

        public void Add(char c)
        {
            if (c < 64)
            {
                Low |= 1UL << c;
            }
            else if (c < 128)
            {
                High |= 1UL << (c - 64);
            }
        }

        public void AddRange(char first, char last)
        {
            for (var c = first; c <= last && c < 128; c++)
            {
                Add(c);
            }
        }

        public void AddAll()
        {
            Low = ulong.MaxValue;
            High = ulong.MaxValue;
        }
    }

    /// <summary>Reads a pattern's structure, as far as the windows need it; anything else throws <see cref="FormatException"/>.</summary>
    private sealed class Reader
    {
        private readonly string _pattern;
        private readonly bool _ignoreCase;
        private int _at;

        public Reader(string pattern, bool ignoreCase)
        {
            _pattern = pattern;
            _ignoreCase = ignoreCase;
        }

        private bool AtEnd => _at >= _pattern.Length;

        /// <summary>The top-level sequence, with groups of one branch and no quantifier spliced in and literal runs joined.</summary>
        public List<Element> ReadTopLevel()
        {
            var branches = ReadAlternation();
            if (!AtEnd || branches.Count != 1)
            {
                throw new FormatException();
            }

            return branches[0];
        }

        private List<List<Element>> ReadAlternation()
        {
            var branches = new List<List<Element>> { ReadSequence() };
            while (!AtEnd && _pattern[_at] == '|')
            {
                _at++;
                branches.Add(ReadSequence());
            }

            return branches;
        }

        private List<Element> ReadSequence()
        {
            var items = new List<Element>();
            while (!AtEnd && _pattern[_at] is not '|' and not ')')
            {
                var (atom, spliced) = ReadAtom();
                var (min, max) = ReadQuantifier();
                if (min == 1 && max == 1 && spliced is not null)
                {
                    items.AddRange(spliced);
                    continue;
                }

                if (!(min == 1 && max == 1))
                {
                    atom = new Element { Low = atom.Low, High = atom.High, MaxLength = Multiply(atom.MaxLength, max) };
                }

                items.Add(atom);
            }

            return JoinRuns(items);
        }

        // Adjacent single characters form one literal run.
        private static List<Element> JoinRuns(List<Element> items)
        {
            var joined = new List<Element>();
            for (var i = 0; i < items.Count;)
            {
                if (items[i].Char is null)
                {
                    joined.Add(items[i++]);
                    continue;
                }

                var run = new Element();
                var text = new System.Text.StringBuilder();
                for (; i < items.Count && items[i].Char is { } c; i++)
                {
                    text.Append(c);
                    run.Low |= items[i].Low;
                    run.High |= items[i].High;
                }

                run.MaxLength = text.Length;
                run.Literals = new List<string> { text.ToString() };
                joined.Add(run);
            }

            return joined;
        }

        // An atom, and for a group of one branch its sequence (to splice in when it has no quantifier).
        private (Element Atom, List<Element>? Spliced) ReadAtom()
        {
            var c = _pattern[_at++];
            var element = new Element();
            switch (c)
            {
                case '(':
                    if (!AtEnd && _pattern[_at] == '?')
                    {
                        _at++;
                        if (!AtEnd && _pattern[_at] == ':')
                        {
                            _at++;
                        }
                        else if (!AtEnd && _pattern[_at] is '<' or '\'' && _at + 1 < _pattern.Length && _pattern[_at + 1] is not '=' and not '!')
                        {
                            var close = _pattern[_at] == '<' ? '>' : '\'';
                            var end = _pattern.IndexOf(close, _at + 1);
                            if (end < 0)
                            {
                                throw new FormatException();
                            }

                            _at = end + 1;
                        }
                        else
                        {
                            throw new FormatException(); // lookarounds, inline options, atomic groups, conditionals
                        }
                    }

                    var branches = ReadAlternation();
                    if (AtEnd || _pattern[_at] != ')')
                    {
                        throw new FormatException();
                    }

                    _at++;
                    foreach (var branch in branches)
                    {
                        var length = 0;
                        foreach (var item in branch)
                        {
                            element.Low |= item.Low;
                            element.High |= item.High;
                            length = Add(length, item.MaxLength);
                        }

                        element.MaxLength = Math.Max(element.MaxLength, length);
                    }

                    // A set of literal strings: every branch one literal run.
                    if (branches.All(b => b.Count == 1 && b[0].Literals is { Count: 1 }))
                    {
                        element.Literals = branches.Select(b => b[0].Literals![0]).ToList();
                    }

                    return (element, branches.Count == 1 ? branches[0] : null);
                case '[':
                    ReadClass(element);
                    element.MaxLength = 1;
                    return (element, null);
                case '\\':
                    ReadEscape(element, inClass: false);
                    return (element, null);
                case '.':
                    element.AddAll();
                    element.MaxLength = 1;
                    return (element, null);
                case '^' or '$':
                    throw new FormatException(); // anchors: a stretch's end is not the text's
                case '*' or '+' or '?' or '{':
                    throw new FormatException(); // a quantifier with nothing before it
                default:
                    AddLiteral(element, c);
                    element.MaxLength = 1;
                    element.Char = c;
                    return (element, null);
            }
        }

        private void AddLiteral(Element element, char c)
        {
            element.Add(c);
            if (!_ignoreCase)
            {
                return;
            }

            if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z')
            {
                element.Add(char.ToUpperInvariant(c));
                element.Add(char.ToLowerInvariant(c));
            }
            else if (c >= 128 && char.IsLetter(c))
            {
                // A letter beyond ASCII may be equated with an ASCII one (the Kelvin sign with k).
                element.AddRange('A', 'Z');
                element.AddRange('a', 'z');
            }
        }

        // An escape after its backslash: a class shorthand, a character, or (zero-width) a word boundary.
        private void ReadEscape(Element element, bool inClass)
        {
            if (AtEnd)
            {
                throw new FormatException();
            }

            var e = _pattern[_at++];
            element.MaxLength = 1;
            switch (e)
            {
                case 'b' when !inClass:
                case 'B' when !inClass:
                    element.MaxLength = 0;
                    return;
                case 'w':
                    element.AddRange('a', 'z');
                    element.AddRange('A', 'Z');
                    element.AddRange('0', '9');
                    element.Add('_');
                    return;
                case 'd':
                    element.AddRange('0', '9');
                    return;
                case 's':
                    element.Add(' ');
                    element.AddRange('\t', '\r');
                    return;
                case 'W' or 'S' or 'D':
                    element.AddAll();
                    return;
                case 'p' or 'P':
                    var end = _pattern.IndexOf('}', _at);
                    _at = end >= 0 ? end + 1 : throw new FormatException();
                    element.AddAll();
                    return;
                case 't':
                    element.Add('\t');
                    return;
                case 'n':
                    element.Add('\n');
                    return;
                case 'r':
                    element.Add('\r');
                    return;
                case 'f':
                    element.Add('\f');
                    return;
                case 'v':
                    element.Add('\v');
                    return;
                case 'e':
                    element.Add('\u001B');
                    return;
                case 'a':
                    element.Add('\u0007');
                    return;
                case 'b' when inClass:
                    element.Add('\b');
                    return;
                default:
                    if (char.IsLetterOrDigit(e) || e == '_')
                    {
                        throw new FormatException(); // anchors, backreferences, escapes with operands
                    }

                    AddLiteral(element, e);
                    if (!inClass)
                    {
                        element.Char = e;
                    }

                    return;
            }
        }

        // A character class after its '[': the ASCII characters it holds; negated classes and subtractions count as all.
        private void ReadClass(Element element)
        {
            if (!AtEnd && _pattern[_at] == '^')
            {
                _at++;
                element.AddAll();
            }

            var first = true;
            while (!AtEnd && (_pattern[_at] != ']' || first))
            {
                first = false;
                var c = _pattern[_at++];
                if (c == '[')
                {
                    throw new FormatException(); // a subtraction, or a literal '[' .NET may read either way: not followed
                }

                if (c == '-' && !AtEnd && _pattern[_at] == '[')
                {
                    throw new FormatException();
                }

                if (c == '\\')
                {
                    var item = new Element();
                    ReadEscape(item, inClass: true);
                    element.Low |= item.Low;
                    element.High |= item.High;
                    if (!AtEnd && _pattern[_at] == '-' && _at + 1 < _pattern.Length && _pattern[_at + 1] != ']')
                    {
                        throw new FormatException(); // a range from an escape: not followed
                    }

                    continue;
                }

                if (!AtEnd && _pattern[_at] == '-' && _at + 1 < _pattern.Length && _pattern[_at + 1] != ']')
                {
                    var last = _pattern[_at + 1];
                    if (last is '\\' or '[')
                    {
                        throw new FormatException();
                    }

                    _at += 2;
                    if (last < c)
                    {
                        throw new FormatException();
                    }

                    for (var x = c; x <= last && x < 128; x++)
                    {
                        AddLiteral(element, x);
                    }

                    if (last >= 128 && _ignoreCase)
                    {
                        // Characters beyond ASCII, some of which case-insensitive matching may equate with ASCII letters.
                        element.AddRange('A', 'Z');
                        element.AddRange('a', 'z');
                    }

                    continue;
                }

                AddLiteral(element, c);
            }

            if (AtEnd)
            {
                throw new FormatException();
            }

            _at++;
        }

        private (int Min, int Max) ReadQuantifier()
        {
            var before = _at;
            var result = RegexQuantifier.Read(_pattern, ref _at);
            if (_at > before && !AtEnd && _pattern[_at] is '*' or '+' or '?' or '{')
            {
                throw new FormatException(); // a quantifier on a quantifier: not read
            }

            return result;
        }
    }
}

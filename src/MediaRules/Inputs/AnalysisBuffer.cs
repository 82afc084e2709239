using System.Collections.Generic;
using MediaRules.Documents;
using MediaRules.Text;

namespace MediaRules.Inputs;

/// <summary>
/// Builds an analysis text over an original one, position by position: the readers say which ranges are prose,
/// block markup, inline markup or other non-prose, and <see cref="ToText"/> resolves them. A position nobody claims
/// is non-prose (a space). Line breaks are kept (hard: they end a paragraph) unless a reader marks them soft (inside
/// a paragraph), which turns them into U+2028 (a CR LF pair into a space and U+2028, so every line still starts
/// where it did).
/// </summary>
internal sealed class AnalysisBuffer
{
    private const byte Unclaimed = 0;
    private const byte Claimed = 1;
    private const byte InlineMarkup = 2;
    private const byte SoftBreak = 3;
    private const byte HardBreak = 4;

    private readonly string _original;
    private readonly char[] _chars;
    private readonly byte[] _kinds;

    public AnalysisBuffer(string original)
    {
        _original = original;
        _chars = new char[original.Length];
        _kinds = new byte[original.Length];
    }

    /// <summary>The original text.</summary>
    public string Original => _original;

    /// <summary>The HTML comments found, in the order they were reported.</summary>
    public List<TextSpan> Comments { get; } = [];

    /// <summary>Whether nobody has said anything about a position yet.</summary>
    public bool IsUnclaimed(int position) => _kinds[position] == Unclaimed;

    /// <summary>Keeps the original characters of a range as prose (line breaks in it become soft).</summary>
    public void Prose(int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (IsLineBreak(i))
            {
                MarkSoft(i);
            }
            else
            {
                _chars[i] = _original[i];
                _kinds[i] = Claimed;
            }
        }
    }

    /// <summary>Puts a character at a position (a decoded character reference).</summary>
    public void Put(int position, char c)
    {
        if (!IsLineBreak(position))
        {
            _chars[position] = c;
            _kinds[position] = Claimed;
        }
    }

    /// <summary>Fills a range with one character (a space for non-prose, U+001E for block markup); line breaks stay.</summary>
    public void Fill(int start, int end, char c)
    {
        for (var i = start; i < end; i++)
        {
            if (!IsLineBreak(i))
            {
                _chars[i] = c;
                _kinds[i] = Claimed;
            }
        }
    }

    /// <summary>
    /// Marks a range as inline markup (tags, emphasis marks, link destinations, the rest of a character reference):
    /// it becomes soft hyphens when text stands right against it on both sides, so that what it separates still
    /// touches or stays one word, and spaces otherwise. Line breaks stay.
    /// </summary>
    public void Inline(int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (!IsLineBreak(i))
            {
                _kinds[i] = InlineMarkup;
            }
        }
    }

    /// <summary>Puts U+001E on the unclaimed positions just before <paramref name="position"/> on its line (a block's bullet, marker or pipe).</summary>
    public void SeparateBefore(int position)
    {
        for (var i = position - 1; i >= 0 && !IsLineBreak(i) && _kinds[i] == Unclaimed; i--)
        {
            _chars[i] = TextChars.BlockSeparator;
            _kinds[i] = Claimed;
        }
    }

    /// <summary>Marks the line breaks of a range as soft (inside a paragraph), unless one was marked hard.</summary>
    public void SoftenLineBreaks(int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (IsLineBreak(i) && _kinds[i] != HardBreak)
            {
                MarkSoft(i);
            }
        }
    }

    /// <summary>Marks the line break at a position (either half of a CR LF pair) as hard: it ends the paragraph.</summary>
    public void MarkHard(int position)
    {
        if (position < _original.Length && IsLineBreak(position))
        {
            _kinds[position] = HardBreak;
        }
    }

    /// <summary>The analysis text.</summary>
    public SourceText ToText()
    {
        var n = _original.Length;
        for (var i = 0; i < n; i++)
        {
            if (IsLineBreak(i))
            {
                if (_original[i] == '\r' && i + 1 < n && _original[i + 1] == '\n')
                {
                    // A CR LF pair is one line break: soft (a space, then U+2028) or kept, as a whole.
                    var soft = (_kinds[i] == SoftBreak || _kinds[i + 1] == SoftBreak) && _kinds[i] != HardBreak && _kinds[i + 1] != HardBreak;
                    _chars[i] = soft ? ' ' : '\r';
                    _chars[i + 1] = soft ? '\u2028' : '\n';
                    i++;
                }
                else
                {
                    _chars[i] = _kinds[i] == SoftBreak ? '\u2028' : _original[i];
                }
            }
            else if (_kinds[i] == Unclaimed)
            {
                _chars[i] = ' ';
            }
        }

        for (var i = 0; i < n; i++)
        {
            if (_kinds[i] != InlineMarkup)
            {
                continue;
            }

            var end = i;
            while (end < n && _kinds[end] == InlineMarkup)
            {
                end++;
            }

            var glued = i > 0 && IsText(_chars[i - 1]) && end < n && IsText(_chars[end]);
            for (var k = i; k < end; k++)
            {
                _chars[k] = glued ? TextChars.Ignorable : ' ';
            }

            i = end - 1;
        }

        return SourceText.From(new string(_chars));
    }

    private static bool IsText(char c) => !TextChars.IsSpace(c);

    private bool IsLineBreak(int position) => SourceText.IsLineBreak(_original[position]);

    private void MarkSoft(int position) => _kinds[position] = SoftBreak;
}

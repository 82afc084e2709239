using System;
using System.Collections.Generic;
using MediaRules.Text;

namespace MediaRules.Cli.Lsp;

/// <summary>
/// Converts between offsets into a text and LSP positions. Lines end where the protocol says they do: at
/// <c>\n</c>, <c>\r\n</c> or a lone <c>\r</c>; characters are UTF-16 code units, which are the offsets of a .NET
/// string, so a character outside the Basic Multilingual Plane (a surrogate pair) counts as two.
/// </summary>
internal sealed class LineMap
{
    private readonly string _text;
    private readonly int[] _starts;

    public LineMap(string text)
    {
        _text = text ?? throw new ArgumentNullException(nameof(text));
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
                starts.Add(i + 1);
            }
            else if (c is '\r' or '\n')
            {
                starts.Add(i + 1);
            }
        }

        _starts = [.. starts];
    }

    /// <summary>The number of lines (a text that ends with a line break has an empty last line).</summary>
    public int LineCount => _starts.Length;

    /// <summary>The length of the text.</summary>
    public int Length => _text.Length;

    /// <summary>The span of a line's text, without its line break.</summary>
    public TextSpan GetLineSpan(int line)
    {
        var start = _starts[line];
        var end = line + 1 < _starts.Length ? _starts[line + 1] : _text.Length;
        while (end > start && _text[end - 1] is '\r' or '\n')
        {
            end--;
        }

        return TextSpan.FromBounds(start, end);
    }

    /// <summary>The line break that ends a line ("" for the last line).</summary>
    public string GetLineBreak(int line)
    {
        var content = GetLineSpan(line);
        var next = line + 1 < _starts.Length ? _starts[line + 1] : _text.Length;
        return _text.Substring(content.End, next - content.End);
    }

    /// <summary>
    /// The offset of a position. As the protocol asks, a character past the end of its line means the end of the line
    /// (never the line break or the next line); a line past the last means the end of the text.
    /// </summary>
    public int GetOffset(Position position)
    {
        ArgumentNullException.ThrowIfNull(position);
        if (position.Line < 0)
        {
            return 0;
        }

        if (position.Line >= _starts.Length)
        {
            return _text.Length;
        }

        var line = GetLineSpan(position.Line);
        return line.Start + Math.Clamp(position.Character, 0, line.Length);
    }

    /// <summary>The position of an offset (clamped to the text).</summary>
    public Position GetPosition(int offset)
    {
        offset = Math.Clamp(offset, 0, _text.Length);
        var line = Array.BinarySearch(_starts, offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return new Position(line, offset - _starts[line]);
    }

    /// <summary>The range of a span.</summary>
    public LspRange GetRange(TextSpan span) => new(GetPosition(span.Start), GetPosition(span.End));

    /// <summary>The span of a range (its ends swapped if the client sent them reversed).</summary>
    public TextSpan GetSpan(LspRange range)
    {
        ArgumentNullException.ThrowIfNull(range);
        var start = GetOffset(range.Start);
        var end = GetOffset(range.End);
        return start <= end ? TextSpan.FromBounds(start, end) : TextSpan.FromBounds(end, start);
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;

namespace MediaRules.Text;

/// <summary>
/// An immutable text with a map from positions to lines. Positions and lengths count UTF-16 code units; lines
/// end at CR LF, CR, LF, U+0085, U+2028 or U+2029.
/// </summary>
public sealed class SourceText
{
    private readonly string _text;
    // The characters that end a line (with "\r\n" one break).
    private static readonly char[] LineBreaks = { '\r', '\n', '\u0085', '\u2028', '\u2029' };

    private int[]? _lineStarts;
    private int _lineHint; // the last line GetLineNumber answered

    private SourceText(string text) => _text = text;

    /// <summary>An empty text.</summary>
    public static SourceText Empty { get; } = new(string.Empty);

    /// <summary>Creates a text from a string.</summary>
    /// <param name="text">The content.</param>
    /// <returns>The text.</returns>
    public static SourceText From(string text) => new(text ?? throw new ArgumentNullException(nameof(text)));

    /// <summary>The number of UTF-16 code units.</summary>
    public int Length => _text.Length;

    /// <summary>The code unit at <paramref name="position"/>.</summary>
    /// <param name="position">A 0-based position.</param>
    public char this[int position] => _text[position];

    /// <summary>The number of lines (an empty text has one line; a final line break starts an empty last line).</summary>
    public int LineCount => LineStarts.Length;

    private int[] LineStarts
    {
        get
        {
            var starts = Volatile.Read(ref _lineStarts);
            if (starts is null)
            {
                starts = ComputeLineStarts(_text);
                Volatile.Write(ref _lineStarts, starts);
            }

            return starts;
        }
    }

    /// <summary>The whole text as a span.</summary>
    /// <returns>The characters.</returns>
    public ReadOnlySpan<char> AsSpan() => _text.AsSpan();

    /// <summary>A part of the text as a span.</summary>
    /// <param name="span">The part.</param>
    /// <returns>The characters.</returns>
    public ReadOnlySpan<char> AsSpan(TextSpan span)
    {
        CheckSpan(span);
        return _text.AsSpan(span.Start, span.Length);
    }

    /// <summary>The whole text.</summary>
    /// <returns>The content.</returns>
    public override string ToString() => _text;

    /// <summary>A part of the text.</summary>
    /// <param name="span">The part.</param>
    /// <returns>The characters of that span.</returns>
    public string ToString(TextSpan span)
    {
        CheckSpan(span);
        return _text.Substring(span.Start, span.Length);
    }

    /// <summary>The span of a line, without its line break.</summary>
    /// <param name="line">A 0-based line number.</param>
    /// <returns>The line's span.</returns>
    public TextSpan GetLineSpan(int line)
    {
        var starts = LineStarts;
        if ((uint)line >= (uint)starts.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(line));
        }

        var start = starts[line];
        if (line + 1 == starts.Length)
        {
            return TextSpan.FromBounds(start, _text.Length);
        }

        var end = starts[line + 1];
        var breakLength = end - start >= 2 && _text[end - 1] == '\n' && _text[end - 2] == '\r' ? 2 : 1;
        return TextSpan.FromBounds(start, end - breakLength);
    }

    /// <summary>The span of a line including its line break.</summary>
    /// <param name="line">A 0-based line number.</param>
    /// <returns>The line's span with its break.</returns>
    public TextSpan GetLineSpanIncludingLineBreak(int line)
    {
        var starts = LineStarts;
        if ((uint)line >= (uint)starts.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(line));
        }

        return TextSpan.FromBounds(starts[line], line + 1 < starts.Length ? starts[line + 1] : _text.Length);
    }

    /// <summary>The 0-based line that holds <paramref name="position"/>.</summary>
    /// <param name="position">A position from 0 to <see cref="Length"/>.</param>
    /// <returns>The line number.</returns>
    public int GetLineNumber(int position)
    {
        if ((uint)position > (uint)_text.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(position));
        }

        // A diagnostic asks for its start and its end, mostly on one line, and a rule's diagnostics come in order: start
        // from the last answer (a copy: threads share the field; any answer is a valid start).
        var hint = _lineHint;
        var line = SortedStarts.FindLast(LineStarts, position, ref hint);
        _lineHint = hint;
        return line;
    }

    /// <summary>The line and character of a position.</summary>
    /// <param name="position">A position from 0 to <see cref="Length"/>.</param>
    /// <returns>The 0-based line position.</returns>
    public LinePosition GetLinePosition(int position)
    {
        var line = GetLineNumber(position);
        return new LinePosition(line, position - LineStarts[line]);
    }

    /// <summary>The line positions of a span.</summary>
    /// <param name="span">A span of this text.</param>
    /// <returns>The 0-based line span.</returns>
    public LinePositionSpan GetLinePositionSpan(TextSpan span)
    {
        CheckSpan(span);
        return new LinePositionSpan(GetLinePosition(span.Start), GetLinePosition(span.End));
    }

    /// <summary>The position of a line and character.</summary>
    /// <param name="position">A 0-based line position inside this text.</param>
    /// <returns>The position.</returns>
    public int GetPosition(LinePosition position)
    {
        var starts = LineStarts;
        if (position.Line >= starts.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(position));
        }

        var result = starts[position.Line] + position.Character;
        var limit = position.Line + 1 < starts.Length ? starts[position.Line + 1] : _text.Length;
        if (result > limit)
        {
            throw new ArgumentOutOfRangeException(nameof(position));
        }

        return result;
    }

    /// <summary>
    /// A new text with the changes applied. Every change refers to a span of this text; the changes must not
    /// overlap (they may come in any order).
    /// </summary>
    /// <param name="changes">The changes.</param>
    /// <returns>The changed text, or this text when there are no changes.</returns>
    public SourceText WithChanges(IEnumerable<TextChange> changes)
    {
        if (changes is null)
        {
            throw new ArgumentNullException(nameof(changes));
        }

        var ordered = changes.OrderBy(c => c.Span.Start).ThenBy(c => c.Span.End).ToList();
        if (ordered.Count == 0)
        {
            return this;
        }

        var builder = new StringBuilder(_text.Length);
        var position = 0;
        foreach (var change in ordered)
        {
            CheckSpan(change.Span);
            if (change.Span.Start < position)
            {
                throw new ArgumentException("Changes must not overlap.", nameof(changes));
            }

            builder.Append(_text, position, change.Span.Start - position);
            builder.Append(change.NewText);
            position = change.Span.End;
        }

        builder.Append(_text, position, _text.Length - position);
        return new SourceText(builder.ToString());
    }

    /// <summary>A new text with the changes applied.</summary>
    /// <param name="changes">The changes.</param>
    /// <returns>The changed text.</returns>
    public SourceText WithChanges(params TextChange[] changes) => WithChanges((IEnumerable<TextChange>)changes);

    /// <summary>Whether two texts have the same characters.</summary>
    /// <param name="other">Another text.</param>
    /// <returns>Whether their content is equal.</returns>
    public bool ContentEquals(SourceText other) => other is not null && string.Equals(_text, other._text, StringComparison.Ordinal);

    internal static bool IsLineBreak(char c) => c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029';

    private void CheckSpan(TextSpan span)
    {
        if (span.End > _text.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(span), $"The span {span} lies outside a text of length {_text.Length}.");
        }
    }

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            // From break to break in one vectorized search.
            i = text.IndexOfAny(LineBreaks, i);
            if (i < 0)
            {
                break;
            }

            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
            }

            starts.Add(i + 1);
        }

        return starts.ToArray();
    }
}

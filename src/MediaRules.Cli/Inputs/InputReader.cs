using System;
using System.Buffers;
using System.IO;
using System.Text;
using System.Text.Unicode;
using MediaRules.Text;

namespace MediaRules.Cli.Inputs;

/// <summary>The encoding an input file was decoded from.</summary>
internal enum InputEncoding
{
    /// <summary>UTF-8 (with or without a byte order mark).</summary>
    Utf8,

    /// <summary>UTF-16, little-endian (always with a byte order mark).</summary>
    Utf16LittleEndian,

    /// <summary>UTF-16, big-endian (always with a byte order mark).</summary>
    Utf16BigEndian,
}

/// <summary>How the lines of a text end (only CR LF, CR and LF count; U+0085, U+2028 and U+2029 are left aside).</summary>
internal enum LineEndingStyle
{
    /// <summary>The text has no line break.</summary>
    None,

    /// <summary>Every line break is LF.</summary>
    Lf,

    /// <summary>Every line break is CR LF.</summary>
    CrLf,

    /// <summary>Every line break is a lone CR.</summary>
    Cr,

    /// <summary>More than one kind of line break.</summary>
    Mixed,
}

/// <summary>The text of an input file and how it was stored, or why it cannot be read.</summary>
/// <param name="Text">The decoded text, or <see langword="null"/> when the file cannot be read.</param>
/// <param name="Error">Why the file cannot be read (for MR9004), or <see langword="null"/>.</param>
internal readonly record struct InputReadResult(SourceText? Text, string? Error)
{
    /// <summary>The encoding the text was decoded from (UTF-8 for an empty or unreadable file).</summary>
    public InputEncoding Encoding { get; init; }

    /// <summary>Whether the file started with a byte order mark (which is not part of <see cref="Text"/>).</summary>
    public bool HasByteOrderMark { get; init; }

    /// <summary>The line breaks of <see cref="Text"/>.</summary>
    public LineEndingStyle LineEndings { get; init; }

    /// <summary>The line break of <see cref="LineEndings"/> when it is one kind, else <see langword="null"/>.</summary>
    public string? LineBreak => LineEndings switch
    {
        LineEndingStyle.Lf => "\n",
        LineEndingStyle.CrLf => "\r\n",
        LineEndingStyle.Cr => "\r",
        _ => null,
    };

    public static InputReadResult Ok(string text, InputEncoding encoding = InputEncoding.Utf8, bool byteOrderMark = false) =>
        new(SourceText.From(text), null) { Encoding = encoding, HasByteOrderMark = byteOrderMark, LineEndings = InputReader.DetectLineEndings(text) };

    public static InputReadResult Fail(string error) => new(null, error);
}

/// <summary>
/// Reads input files as text: UTF-8 with or without a byte order mark, UTF-16 LE or BE with a byte order mark.
/// Decoding is strict: invalid UTF-8 or UTF-16 is an error, never a replacement character. A file is refused as
/// binary when it has a NUL byte in its first 8 KB (for input without a UTF-16 byte order mark) or when more than
/// 30% of its first 8192 characters are control characters (other than tab, line feed, vertical tab, form feed,
/// carriage return). An empty file is an empty text. The byte order mark is not part of the text, so offsets count
/// from the first character after it.
/// </summary>
internal static class InputReader
{
    /// <summary>How much of the start of a file is sniffed for binary content.</summary>
    public const int SniffLength = 8192;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding StrictUtf16Le = new(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding StrictUtf16Be = new(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);

    /// <summary>Reads and decodes a file.</summary>
    /// <param name="path">The file's path.</param>
    /// <returns>Its text, or why it cannot be read.</returns>
    public static InputReadResult Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException or System.Security.SecurityException)
        {
            return InputReadResult.Fail($"cannot be read: {ex.Message}");
        }

        return Decode(bytes);
    }

    /// <summary>Decodes the bytes of a file.</summary>
    /// <param name="bytes">The file's content.</param>
    /// <returns>Its text, or why it is not text.</returns>
    public static InputReadResult Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return InputReadResult.Ok(string.Empty);
        }

        string text;
        var encoding = InputEncoding.Utf8;
        var byteOrderMark = true;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            var body = bytes[3..];
            if (ContainsNul(body))
            {
                return InputReadResult.Fail("is binary (NUL bytes in the first 8 KB); skipped");
            }

            if (!TryDecodeUtf8(body, out text, out var error))
            {
                return InputReadResult.Fail(error);
            }
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            if (bytes.Length >= 4 && bytes[2] == 0 && bytes[3] == 0)
            {
                return InputReadResult.Fail("is UTF-32, which is not supported (use UTF-8 or UTF-16); skipped");
            }

            if (!TryDecodeUtf16(bytes[2..], StrictUtf16Le, "UTF-16 LE", out text, out var error))
            {
                return InputReadResult.Fail(error);
            }

            encoding = InputEncoding.Utf16LittleEndian;
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            if (!TryDecodeUtf16(bytes[2..], StrictUtf16Be, "UTF-16 BE", out text, out var error))
            {
                return InputReadResult.Fail(error);
            }

            encoding = InputEncoding.Utf16BigEndian;
        }
        else
        {
            byteOrderMark = false;
            if (ContainsNul(bytes))
            {
                return InputReadResult.Fail("is binary (NUL bytes in the first 8 KB); skipped");
            }

            if (!TryDecodeUtf8(bytes, out text, out var error))
            {
                return InputReadResult.Fail(error);
            }
        }

        return MostlyControlCharacters(text)
            ? InputReadResult.Fail("is binary (mostly control characters); skipped")
            : InputReadResult.Ok(text, encoding, byteOrderMark);
    }

    /// <summary>
    /// Encodes a text as a file of the given encoding, the inverse of <see cref="Decode"/>: a text that was decoded
    /// from some bytes encodes back to the same bytes. Encoding is strict (an unpaired surrogate is an error).
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="encoding">The encoding.</param>
    /// <param name="byteOrderMark">Whether to start with a byte order mark (UTF-16 is always written with one).</param>
    /// <returns>The bytes of the file.</returns>
    /// <exception cref="EncoderFallbackException">The text has an unpaired surrogate.</exception>
    public static byte[] Encode(string text, InputEncoding encoding, bool byteOrderMark)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (codec, preamble) = encoding switch
        {
            InputEncoding.Utf16LittleEndian => ((Encoding)StrictUtf16Le, new byte[] { 0xFF, 0xFE }),
            InputEncoding.Utf16BigEndian => (StrictUtf16Be, new byte[] { 0xFE, 0xFF }),
            _ => (StrictUtf8, byteOrderMark ? new byte[] { 0xEF, 0xBB, 0xBF } : []),
        };
        var bytes = new byte[preamble.Length + codec.GetByteCount(text)];
        preamble.CopyTo(bytes, 0);
        codec.GetBytes(text, 0, text.Length, bytes, preamble.Length);
        return bytes;
    }

    /// <summary>The style of the line breaks of a text: only CR LF, lone CR and lone LF count.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The style: none, one kind, or mixed.</returns>
    public static LineEndingStyle DetectLineEndings(ReadOnlySpan<char> text)
    {
        var style = LineEndingStyle.None;
        for (var i = text.IndexOfAny('\r', '\n'); i >= 0; )
        {
            LineEndingStyle kind;
            var next = i + 1;
            if (text[i] == '\n')
            {
                kind = LineEndingStyle.Lf;
            }
            else if (next < text.Length && text[next] == '\n')
            {
                kind = LineEndingStyle.CrLf;
                next++;
            }
            else
            {
                kind = LineEndingStyle.Cr;
            }

            if (style != LineEndingStyle.None && style != kind)
            {
                return LineEndingStyle.Mixed;
            }

            style = kind;
            var rest = text[next..].IndexOfAny('\r', '\n');
            i = rest < 0 ? -1 : next + rest;
        }

        return style;
    }

    private static bool ContainsNul(ReadOnlySpan<byte> bytes) =>
        bytes[..Math.Min(bytes.Length, SniffLength)].Contains((byte)0);

    private static bool TryDecodeUtf8(ReadOnlySpan<byte> bytes, out string text, out string error)
    {
        try
        {
            text = StrictUtf8.GetString(bytes);
            error = string.Empty;
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = string.Empty;
            error = $"is not valid UTF-8 (invalid byte sequence at byte {InvalidUtf8Offset(bytes)}); skipped";
            return false;
        }
    }

    private static bool TryDecodeUtf16(ReadOnlySpan<byte> bytes, Encoding encoding, string name, out string text, out string error)
    {
        if (bytes.Length % 2 != 0)
        {
            text = string.Empty;
            error = $"is not valid {name} (odd number of bytes); skipped";
            return false;
        }

        try
        {
            text = encoding.GetString(bytes);
            error = string.Empty;
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = string.Empty;
            error = $"is not valid {name} (unpaired surrogate); skipped";
            return false;
        }
    }

    /// <summary>The offset (after any byte order mark) of the first invalid UTF-8 sequence.</summary>
    private static int InvalidUtf8Offset(ReadOnlySpan<byte> bytes)
    {
        var buffer = ArrayPool<char>.Shared.Rent(4096);
        try
        {
            var position = 0;
            while (position < bytes.Length)
            {
                var status = Utf8.ToUtf16(bytes[position..], buffer, out var read, out _, replaceInvalidSequences: false, isFinalBlock: true);
                if (status == OperationStatus.InvalidData || (status == OperationStatus.DestinationTooSmall && read == 0))
                {
                    return position + read;
                }

                position += read;
                if (status == OperationStatus.Done)
                {
                    break;
                }
            }

            return position;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static bool MostlyControlCharacters(string text)
    {
        var sample = text.AsSpan(0, Math.Min(text.Length, SniffLength));
        if (sample.IsEmpty)
        {
            return false;
        }

        var control = 0;
        foreach (var c in sample)
        {
            if ((c < 0x20 && c is not ('\t' or '\n' or '\v' or '\f' or '\r')) || c == 0x7F)
            {
                control++;
            }
        }

        return control * 10 > sample.Length * 3;
    }
}

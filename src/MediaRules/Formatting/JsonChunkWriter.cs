using System;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace MediaRules.Formatting;

/// <summary>
/// A <see cref="Utf8JsonWriter"/> over a small buffer that is drained into a <see cref="TextWriter"/> at token
/// boundaries, so that JSON output streams document by document with bounded memory.
/// </summary>
internal sealed class JsonChunkWriter : IDisposable
{
    private const int DrainThreshold = 64 * 1024;
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly MemoryStream _buffer = new();
    private readonly TextWriter _output;

    public JsonChunkWriter(TextWriter output)
    {
        _output = output;
        Writer = new Utf8JsonWriter(_buffer, Options);
    }

    /// <summary>Indented with <c>\n</c>, non-ASCII text kept as is (only what JSON requires is escaped).</summary>
    public static JsonWriterOptions Options { get; } = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public Utf8JsonWriter Writer { get; }

    /// <summary>Drains the buffer into the output once it holds more than a threshold.</summary>
    public void DrainIfLarge()
    {
        if (Writer.BytesPending + _buffer.Length > DrainThreshold)
        {
            Drain();
        }
    }

    /// <summary>Writes everything written so far to the output.</summary>
    public void Drain()
    {
        Writer.Flush();
        if (_buffer.Length > 0)
        {
            _output.Write(Utf8.GetString(_buffer.GetBuffer(), 0, (int)_buffer.Length));
            _buffer.SetLength(0);
        }
    }

    public void Dispose()
    {
        Writer.Dispose();
        _buffer.Dispose();
    }
}

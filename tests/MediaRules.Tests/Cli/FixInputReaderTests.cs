using System.Linq;
using System.Text;
using FsCheck;
using FsCheck.Xunit;
using MediaRules.Cli.Inputs;
using Xunit;

namespace MediaRules.Tests.Cli;

/// <summary>What <see cref="InputReader"/> tells <c>fix</c> about how a file is stored, and writing it back the same way.</summary>
public class FixInputReaderTests
{
    [Theory]
    [InlineData(new byte[] { (byte)'a', (byte)'\n' }, (int)InputEncoding.Utf8, false)]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'a' }, (int)InputEncoding.Utf8, true)]
    [InlineData(new byte[] { 0xFF, 0xFE, (byte)'a', 0 }, (int)InputEncoding.Utf16LittleEndian, true)]
    [InlineData(new byte[] { 0xFE, 0xFF, 0, (byte)'a' }, (int)InputEncoding.Utf16BigEndian, true)]
    [InlineData(new byte[0], (int)InputEncoding.Utf8, false)]
    public void Reports_the_encoding_and_the_byte_order_mark(byte[] bytes, int encoding, bool bom)
    {
        var read = InputReader.Decode(bytes);

        Assert.Equal((InputEncoding)encoding, read.Encoding);
        Assert.Equal(bom, read.HasByteOrderMark);
        Assert.Equal(bytes, InputReader.Encode(read.Text!.ToString(), read.Encoding, read.HasByteOrderMark));
    }

    [Theory]
    [InlineData("", (int)LineEndingStyle.None, null)]
    [InlineData("one line", (int)LineEndingStyle.None, null)]
    [InlineData("a\nb\n", (int)LineEndingStyle.Lf, "\n")]
    [InlineData("a\r\nb\r\n", (int)LineEndingStyle.CrLf, "\r\n")]
    [InlineData("a\rb", (int)LineEndingStyle.Cr, "\r")]
    [InlineData("a\r\nb\n", (int)LineEndingStyle.Mixed, null)]
    [InlineData("a\rb\r\n", (int)LineEndingStyle.Mixed, null)]
    [InlineData("a\u2028b\nc\n", (int)LineEndingStyle.Lf, "\n")]
    public void Reports_the_line_endings(string text, int style, string? lineBreak)
    {
        var read = InputReader.Decode(Encoding.UTF8.GetBytes(text));

        Assert.Equal((LineEndingStyle)style, read.LineEndings);
        Assert.Equal(lineBreak, read.LineBreak);
    }

    [Fact]
    public void Decoding_is_as_strict_as_before()
    {
        Assert.Null(InputReader.Decode(Encoding.Latin1.GetBytes("Caf\u00e9")).Text);
        Assert.Null(InputReader.Decode([0xFF, 0xFE, 0x00]).Text);
        Assert.Equal("abc", InputReader.Decode([0xEF, 0xBB, 0xBF, (byte)'a', (byte)'b', (byte)'c']).Text!.ToString());
    }

    [Property(MaxTest = 300)]
    public bool Decoded_text_encodes_back_to_the_same_bytes(NonNull<string> s, bool bom, byte which)
    {
        var encoding = (InputEncoding)(which % 3);
        byte[] bytes;
        try
        {
            bytes = InputReader.Encode(s.Get, encoding, bom || encoding != InputEncoding.Utf8);
        }
        catch (EncoderFallbackException)
        {
            return true; // an unpaired surrogate: not text any file can hold
        }

        var read = InputReader.Decode(bytes);
        return read.Text is null // refused as binary (NUL or control characters): fix never writes those
            || (read.Text.ToString() == s.Get
                && read.Encoding == encoding
                && InputReader.Encode(read.Text.ToString(), read.Encoding, read.HasByteOrderMark).SequenceEqual(bytes));
    }
}

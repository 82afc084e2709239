using System.Linq;
using System.Text;
using MediaRules.Cli.Inputs;
using Xunit;

namespace MediaRules.Tests.Cli;

public class InputReaderTests
{
    [Fact]
    public void Empty_input_is_an_empty_text() =>
        Assert.Equal(string.Empty, InputReader.Decode([]).Text!.ToString());

    [Fact]
    public void Utf8_with_and_without_bom()
    {
        Assert.Equal("Caf\u00e9 \U0001F600", InputReader.Decode(Encoding.UTF8.GetBytes("Caf\u00e9 \U0001F600")).Text!.ToString());
        Assert.Equal("abc", InputReader.Decode([0xEF, 0xBB, 0xBF, (byte)'a', (byte)'b', (byte)'c']).Text!.ToString());
    }

    [Fact]
    public void Utf16_with_bom_both_ways()
    {
        var le = new byte[] { 0xFF, 0xFE }.Concat(Encoding.Unicode.GetBytes("h\u00e9 \U0001F600\r\n")).ToArray();
        var be = new byte[] { 0xFE, 0xFF }.Concat(Encoding.BigEndianUnicode.GetBytes("h\u00e9 \U0001F600\r\n")).ToArray();
        Assert.Equal("h\u00e9 \U0001F600\r\n", InputReader.Decode(le).Text!.ToString());
        Assert.Equal("h\u00e9 \U0001F600\r\n", InputReader.Decode(be).Text!.ToString());
    }

    [Fact]
    public void Invalid_utf8_is_an_error_with_its_offset()
    {
        var result = InputReader.Decode(Encoding.Latin1.GetBytes("Caf\u00e9 ok"));
        Assert.Null(result.Text);
        Assert.Contains("not valid UTF-8", result.Error);
        Assert.Contains("byte 3", result.Error);
    }

    [Fact]
    public void Nul_bytes_mean_binary()
    {
        var result = InputReader.Decode(Encoding.UTF8.GetBytes("The minister\0 resigned."));
        Assert.Null(result.Text);
        Assert.Contains("binary", result.Error);
    }

    [Fact]
    public void Mostly_control_characters_mean_binary_even_in_utf16()
    {
        var text = new string('\u0001', 50) + "abc";
        var bytes = new byte[] { 0xFF, 0xFE }.Concat(Encoding.Unicode.GetBytes(text)).ToArray();
        Assert.Contains("binary", InputReader.Decode(bytes).Error);
    }

    [Fact]
    public void Unpaired_surrogates_and_odd_lengths_in_utf16_are_errors()
    {
        Assert.Null(InputReader.Decode([0xFF, 0xFE, 0x3D, 0xD8, 0x41, 0x00]).Text);
        Assert.Null(InputReader.Decode([0xFF, 0xFE, 0x41, 0x00, 0x42]).Text);
    }

    [Fact]
    public void Tabs_and_line_breaks_are_text() =>
        Assert.NotNull(InputReader.Decode(Encoding.UTF8.GetBytes("\t\r\n\f\v a\n")).Text);
}

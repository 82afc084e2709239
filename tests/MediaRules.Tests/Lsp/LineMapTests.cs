using MediaRules.Cli.Lsp;
using MediaRules.Text;
using Xunit;

namespace MediaRules.Tests.Lsp;

/// <summary>Positions as the protocol counts them: lines end at \n, \r\n or \r; characters are UTF-16 code units.</summary>
public sealed class LineMapTests
{
    [Theory]
    [InlineData("a\nb\r\nc\rd", 4)]
    [InlineData("", 1)]
    [InlineData("no break", 1)]
    [InlineData("ends with a break\r\n", 2)]
    [InlineData("\r\r\n\n", 4)]
    public void Lines_end_at_LF_CRLF_and_a_lone_CR(string text, int lines)
    {
        Assert.Equal(lines, new LineMap(text).LineCount);
    }

    [Fact]
    public void CRLF_counts_as_one_break_and_is_never_part_of_a_line()
    {
        var map = new LineMap("first\r\nsecond\rthird\nfourth");
        Assert.Equal(new Position(1, 0), map.GetPosition(7));
        Assert.Equal(7, map.GetOffset(new Position(1, 0)));
        Assert.Equal(new Position(2, 0), map.GetPosition(14));
        Assert.Equal(new Position(3, 2), map.GetPosition(22));
        Assert.Equal(TextSpan.FromBounds(7, 13), map.GetLineSpan(1));
        Assert.Equal("\r\n", map.GetLineBreak(0));
        Assert.Equal("\r", map.GetLineBreak(1));
        Assert.Equal("\n", map.GetLineBreak(2));
        Assert.Equal(string.Empty, map.GetLineBreak(3));
    }

    [Fact]
    public void A_character_past_the_end_of_its_line_is_the_end_of_the_line_not_the_break()
    {
        var map = new LineMap("ab\r\ncd");
        Assert.Equal(2, map.GetOffset(new Position(0, 3)));
        Assert.Equal(2, map.GetOffset(new Position(0, 400)));
        Assert.Equal(0, map.GetOffset(new Position(0, -1)));
    }

    [Fact]
    public void A_line_past_the_last_is_the_end_of_the_text()
    {
        var map = new LineMap("ab\ncd");
        Assert.Equal(5, map.GetOffset(new Position(2, 0)));
        Assert.Equal(5, map.GetOffset(new Position(99, 99)));
        Assert.Equal(0, map.GetOffset(new Position(-1, 5)));
        Assert.Equal(new Position(1, 2), map.GetPosition(99));
    }

    [Fact]
    public void Astral_characters_count_two_UTF16_units()
    {
        // U+1F600 and U+1D11E are surrogate pairs; é (U+00E9) is one unit.
        var text = "é😀 x\n𝄞 claimed";
        var map = new LineMap(text);
        Assert.Equal(new Position(0, 4), map.GetPosition(text.IndexOf('x', System.StringComparison.Ordinal)));
        var claimed = text.IndexOf("claimed", System.StringComparison.Ordinal);
        Assert.Equal(new Position(1, 3), map.GetPosition(claimed));
        Assert.Equal(claimed, map.GetOffset(new Position(1, 3)));
        Assert.Equal(new LspRange(new Position(1, 3), new Position(1, 10)), map.GetRange(new TextSpan(claimed, 7)));
    }

    [Fact]
    public void A_reversed_range_is_read_in_order()
    {
        var map = new LineMap("abc\ndef");
        Assert.Equal(TextSpan.FromBounds(1, 5), map.GetSpan(new LspRange(new Position(1, 1), new Position(0, 1))));
    }

    [Fact]
    public void Every_offset_round_trips()
    {
        var text = "a\r\n😀b\rc\n\r\nd";
        var map = new LineMap(text);
        for (var offset = 0; offset <= text.Length; offset++)
        {
            if (offset > 0 && text[offset - 1] == '\r' && offset < text.Length && text[offset] == '\n')
            {
                continue;   // between the two characters of a CRLF: no position names it
            }

            Assert.Equal(offset, map.GetOffset(map.GetPosition(offset)));
        }
    }
}

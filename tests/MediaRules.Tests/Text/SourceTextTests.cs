using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MediaRules.Text;
using Xunit;

namespace MediaRules.Tests.Text;

public class SourceTextTests
{
    [Fact]
    public void Every_kind_of_line_break_starts_a_line()
    {
        var text = SourceText.From("a\r\nb\rc\nd\u2028e\u2029f\u0085g");
        Assert.Equal(7, text.LineCount);
        Assert.Equal(new LinePosition(1, 0), text.GetLinePosition(3));
        Assert.Equal("b", text.ToString(text.GetLineSpan(1)));
        Assert.Equal(new TextSpan(0, 3), text.GetLineSpanIncludingLineBreak(0));
        Assert.Equal(new LinePosition(6, 1), text.GetLinePosition(text.Length));
    }

    [Fact]
    public void Positions_count_utf16_code_units()
    {
        var text = SourceText.From("\U0001F600 x");
        Assert.Equal(new LinePosition(0, 3), text.GetLinePosition(3));
        Assert.Equal(3, text.GetPosition(new LinePosition(0, 3)));
    }

    [Fact]
    public void WithChanges_applies_unordered_changes_and_refuses_overlaps()
    {
        var text = SourceText.From("The minister claimed victory.");
        var changed = text.WithChanges(new TextChange(new TextSpan(13, 7), "said"), new TextChange(new TextSpan(0, 3), "A"));
        Assert.Equal("A minister said victory.", changed.ToString());
        Assert.Equal("The minister claimed victory.", text.ToString());
        Assert.Throws<System.ArgumentException>(() => text.WithChanges(new TextChange(new TextSpan(0, 5), "x"), new TextChange(new TextSpan(4, 2), "y")));
    }

    [Property(MaxTest = 300)]
    public bool Line_positions_round_trip(NonNull<string> s, PositiveInt seed)
    {
        var text = SourceText.From(s.Get);
        var position = seed.Get % (text.Length + 1);
        var line = text.GetLinePosition(position);
        return text.GetPosition(line) == position && text.GetLineNumber(position) == line.Line;
    }

    [Property(MaxTest = 300)]
    public bool Line_numbers_asked_in_any_order_count_the_line_breaks_before_the_position(PositiveInt[] seeds)
    {
        // Several short lines, so that the last answer, the line after it and lines far away are all asked for.
        var text = SourceText.From(string.Concat(Enumerable.Range(0, 40).Select(i => new string('x', i % 5) + (i % 3 == 0 ? "\r\n" : "\n"))));
        var content = text.ToString();
        return seeds.All(seed =>
        {
            var position = seed.Get % (text.Length + 1);
            var expected = 0;
            for (var i = 0; i < position; i++)
            {
                if (content[i] == '\n')
                {
                    expected++;
                }
            }

            return text.GetLineNumber(position) == expected;
        });
    }

    [Property(MaxTest = 500)]
    public Property Lines_start_after_each_line_break() =>
        Prop.ForAll(
            Gen.ArrayOf(Gen.Elements("a", "bc", " ", "\n", "\r", "\r\n", "\n\r", "\u0085", "\u2028", "\u2029", "\u001E", "é")).Select(string.Concat).ToArbitrary(),
            content =>
            {
                // The vectorized search from break to break against a reading character by character.
                var expected = new System.Collections.Generic.List<int> { 0 };
                for (var i = 0; i < content.Length; i++)
                {
                    var c = content[i];
                    if (c == '\r' && i + 1 < content.Length && content[i + 1] == '\n')
                    {
                        i++;
                    }

                    if (c is '\r' or '\n' or '\u0085' or '\u2028' or '\u2029')
                    {
                        expected.Add(i + 1);
                    }
                }

                var text = SourceText.From(content);
                return text.LineCount == expected.Count
                    && Enumerable.Range(0, expected.Count).All(line => text.GetLineSpanIncludingLineBreak(line).Start == expected[line]);
            });

    [Property(MaxTest = 300)]
    public bool WithChanges_equals_string_splicing(NonNull<string> s, NonNull<string> insert, PositiveInt a, PositiveInt b)
    {
        var text = SourceText.From(s.Get);
        var start = a.Get % (text.Length + 1);
        var length = b.Get % (text.Length - start + 1);
        var expected = s.Get.Substring(0, start) + insert.Get + s.Get.Substring(start + length);
        var changed = text.WithChanges(new TextChange(new TextSpan(start, length), insert.Get));
        return changed.ToString() == expected && changed.LineCount == SourceText.From(expected).LineCount;
    }

    [Fact]
    public void Span_relations()
    {
        var a = new TextSpan(2, 3);
        Assert.True(a.Contains(4));
        Assert.False(a.Contains(5));
        Assert.True(a.OverlapsWith(new TextSpan(4, 2)));
        Assert.False(a.OverlapsWith(new TextSpan(5, 2)));
        Assert.True(a.IntersectsWith(new TextSpan(5, 0)));
        Assert.Equal(new[] { new TextSpan(1, 9), a, new TextSpan(2, 4) }, new[] { new TextSpan(2, 4), a, new TextSpan(1, 9) }.OrderBy(x => x));
    }
}

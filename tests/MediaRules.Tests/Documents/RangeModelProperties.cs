using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MediaRules.Analysis;
using MediaRules.Documents;
using MediaRules.Text;
using static MediaRules.Tests.Session.SessionTestSupport;

namespace MediaRules.Tests.Documents;

/// <summary>
/// A stretch of a long text is modelled in place: <see cref="DocumentModelBuilder.Build(SourceText, TextSpan, bool, bool)"/>
/// over a range of whole lines of the text must be the model of those lines alone, moved to where they are. The
/// characters just outside the range (the break before it, the next line after it) must change nothing.
/// </summary>
public class RangeModelProperties
{
    private static readonly Gen<string> Documents = DocumentsOf(16, "\n", "\n\n", "\r\n", "\u001E", "\u2029");

    [Property(MaxTest = 300)]
    public Property A_model_of_a_range_of_lines_is_the_model_of_those_lines_moved() =>
        Prop.ForAll(Documents.ToArbitrary(), Gen.Choose(0, 1000).ToArbitrary(), Gen.Choose(0, 1000).ToArbitrary(), (text, a, b) =>
        {
            var blocks = StretchAnalysis.BlockStarts(text);
            var count = blocks.Length - 1;
            if (count == 0)
            {
                return true.ToProperty();
            }

            var first = a % count;
            var last = first + (b % (count - first));
            var range = TextSpan.FromBounds(blocks[first], blocks[last + 1]);
            foreach (var sourcing in new[] { true, false })
            {
                var inPlace = DocumentModelBuilder.Build(SourceText.From(text), range, sourcing, pooled: true);
                try
                {
                    var alone = DocumentModelBuilder.Build(SourceText.From(text.Substring(range.Start, range.Length)), sourcing, pooled: false);
                    var expected = DocumentTestSupport.Describe(alone, 0, range.Length);
                    var actual = DocumentTestSupport.Describe(inPlace, range.Start, range.Length);
                    if (!expected.SequenceEqual(actual))
                    {
                        var diff = expected.Zip(actual).FirstOrDefault(p => p.First != p.Second);
                        return false.Label($"sourcing {sourcing}, range {range} of: {Escape(text)}\nfirst difference: {diff.First} / {diff.Second}");
                    }
                }
                finally
                {
                    inPlace.ReturnBuffers();
                }
            }

            return true.ToProperty();
        });

    private static string Escape(string s) => s.Replace("\n", "\\n").Replace("\r", "\\r").Replace("\u001E", "\\u001E").Replace("\u2029", "\\u2029");
}

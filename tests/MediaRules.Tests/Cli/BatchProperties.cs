using System.Linq;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static MediaRules.Tests.Cli.BatchTestSupport;

namespace MediaRules.Tests.Cli;

/// <summary>
/// The property that distributed engines rely on when they run <c>mediarules batch -</c> as a map step (Spark's
/// <c>RDD.pipe</c>, Hadoop streaming): each task sees a split of consecutive lines, and the job's output is the
/// tasks' outputs put together, so the output for any split must be the matching lines of the output for the whole.
/// </summary>
public class BatchProperties
{
    private static readonly string[] Malformed = ["", "   ", "not json", "{\"id\": 1}", "{\"id\": 2, \"text\": 3}", "[1, 2]", "{\"text\": \"unterminated"];

    private static Gen<string> LineGen() =>
        Gen.Frequency(
            (6, from text in Gen.Elements(SampleTexts.ToArray())
                from cut in Gen.Choose(0, 100)
                from id in Gen.OneOf(Gen.Choose(0, 1000).Select(i => (object?)i), Gen.Elements<object?>("a", "b/c", "é", null))
                select Document(id, text[..(text.Length * cut / 100)])),
            (1, Gen.Elements(Malformed)));

    /// <summary>Lines, a cut (or not) before each line, and how many lines the chunks' runs hold in flight.</summary>
    private static Arbitrary<(string[] Lines, bool[] Cuts, int Window)> SplitInputs() =>
        (from lines in Gen.Choose(0, 24).SelectMany(n => Gen.ArrayOf(LineGen(), n))
         from cuts in Gen.ArrayOf(Gen.Elements(true, false), lines.Length)
         from window in Gen.Elements(1, 2, 3, 16)
         select (lines, cuts, window)).ToArbitrary();

    [Property(MaxTest = 60)]
    public Property The_output_for_any_split_is_the_matching_lines_of_the_output_for_the_whole() =>
        Prop.ForAll(SplitInputs(), input =>
        {
            var (lines, cuts, window) = input;
            var whole = Lines(Run(TestSupport.Default, string.Concat(lines.Select(l => l + "\n"))));
            if (whole.Length != lines.Length)
            {
                return false;
            }

            var start = 0;
            for (var i = 1; i <= lines.Length; i++)
            {
                if (i < lines.Length && !cuts[i])
                {
                    continue;
                }

                var chunk = Lines(Run(TestSupport.Default, string.Concat(lines[start..i].Select(l => l + "\n")), maxLinesInFlight: window));
                var expected = whole[start..i].Select(l => Rebase(l, start)).ToArray();
                if (!chunk.SequenceEqual(expected))
                {
                    return false;
                }

                start = i;
            }

            return true;
        });

    /// <summary>An error line's number counts from the start of the split the mapper sees; a document line is unchanged.</summary>
    private static string Rebase(string outputLine, int linesBefore)
    {
        var node = ParseLine(outputLine);
        if (node["line"] is not { } line)
        {
            return outputLine;
        }

        node["line"] = JsonValue.Create(line.GetValue<long>() - linesBefore);
        return node.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}

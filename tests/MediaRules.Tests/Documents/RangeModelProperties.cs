using System.Collections.Generic;
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
                    var expected = Describe(alone, 0, range.Length);
                    var actual = Describe(inPlace, range.Start, range.Length);
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

    // Everything a model says of its lines, with every position taken from the range's start.
    private static List<string> Describe(DocumentModel model, int origin, int length)
    {
        string S(TextSpan span) => new TextSpan(span.Start - origin, span.Length).ToString();
        string N(TextSpan? span) => span is { } s ? S(s) : "-";
        var rows = new List<string> { $"tokens {model.Tokens.Count}" };
        rows.AddRange(model.Tokens.Select((t, i) => $"t{i} {S(t.Span)} {t.Kind} {model.Stems.Hash(i)} {model.Stems.HasSuffix(i)}"));
        rows.AddRange(model.Paragraphs.Select(p => $"p {S(p.Span)} {p.IsHeadline} {p.FirstSentence} {p.SentenceCount}"));
        rows.AddRange(model.Sentences.Select(s => $"s {S(s.Span)} {s.Attribution.Kind} {N(s.Attribution.SourceSpan)} {N(s.Attribution.CueSpan)}"));
        rows.AddRange(model.Quotations.Select(q => $"q {S(q.Span)} {S(q.ContentSpan)} {q.Depth} {q.ParentIndex} {q.IsMismatched} {N(q.SpeakerSpan)} {q.IsMention}"));
        rows.AddRange(model.VoiceSpans.Select(v => $"v {S(v.Span)} {v.Voice} {v.QuotationIndex} {N(v.SourceSpan)}"));
        for (var position = 0; position < length; position += 1 + (length / 32))
        {
            rows.Add($"at {position}: {model.GetFirstTokenIndexAtOrAfter(origin + position)} {model.GetVoice(origin + position)}");
        }

        return rows;
    }

    private static string Escape(string s) => s.Replace("\n", "\\n").Replace("\r", "\\r").Replace("\u001E", "\\u001E").Replace("\u2029", "\\u2029");
}

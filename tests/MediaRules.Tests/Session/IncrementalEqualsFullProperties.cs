using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MediaRules.Analysis;
using MediaRules.Text;
using static MediaRules.Tests.Session.SessionTestSupport;

namespace MediaRules.Tests.Session;

/// <summary>
/// For any document and any sequence of edits (inserts, deletes, replaces; inside words, across paragraph breaks,
/// inside and across quotation marks, at the start and the end), the session's diagnostics equal a fresh full
/// analysis of the final text, diagnostic for diagnostic.
/// </summary>
public class IncrementalEqualsFullProperties
{
    private static readonly Gen<string> Documents = DocumentsOf(16, "\n", "\n", "\n", "\n\n", "\r\n", "\n \n", "\u001E");

    // An edit as fractions of the text length, so that it always lands inside whatever text it meets.
    private static readonly Gen<(double Start, int Length, string Text)> Edits =
        from start in Gen.Choose(0, 1000).Select(i => i / 1000.0)
        from length in Gen.Frequency((3, Gen.Constant(0)), (2, Gen.Choose(1, 3)), (1, Gen.Choose(4, 80)))
        from text in Gen.Frequency((5, Gen.Elements(Insertions)), (1, Gen.Elements(Paragraphs).Select(p => p + "\n")))
        select (start, length, text);

    private static TextChange Place((double Start, int Length, string Text) edit, int length)
    {
        var start = (int)Math.Round(edit.Start * length);
        return new TextChange(new TextSpan(start, Math.Min(edit.Length, length - start)), edit.Text);
    }

    [Property(MaxTest = 250)]
    public Property Edits_applied_one_by_one_give_the_full_analysis() =>
        Prop.ForAll(Documents.ToArbitrary(), Gen.ListOf(Edits, 6).ToArbitrary(), (text, edits) =>
        {
            var session = new AnalysisSession(TestSupport.Default);
            var document = session.Open("doc", SourceText.From(text));
            var current = text;
            var version = 1;
            foreach (var edit in edits)
            {
                var change = Place(edit, current.Length);
                current = current.Substring(0, change.Span.Start) + change.NewText + current.Substring(change.Span.End);
                document = session.Update("doc", new[] { change }, version++, default);
            }

            var expected = FullAnalysis(TestSupport.Default, current);
            var actual = Rows(document.Diagnostics);
            return (document.Text.ToString() == current && expected.SequenceEqual(actual))
                .Label($"text: {Show(current)}\nexpected:\n  {string.Join("\n  ", expected)}\nactual:\n  {string.Join("\n  ", actual)}");
        });

    [Property(MaxTest = 100)]
    public Property Several_changes_at_once_and_whole_new_texts_give_the_full_analysis() =>
        Prop.ForAll(Documents.ToArbitrary(), Gen.ListOf(Edits, 2).ToArbitrary(), Documents.ToArbitrary(), (text, edits, replacement) =>
        {
            var (first, second) = (edits[0], edits[1]);
            var session = new AnalysisSession(TestSupport.Default);
            session.Open("doc", SourceText.From(text));
            var a = Place(first, text.Length);
            var b = Place(second, text.Length);
            var changes = a.Span.End <= b.Span.Start ? new[] { a, b } : b.Span.End <= a.Span.Start ? new[] { b, a } : new[] { a };
            var changed = SourceText.From(text).WithChanges(changes).ToString();
            var afterChanges = session.Update("doc", changes, 1, default);
            var afterText = session.Update("doc", SourceText.From(replacement), 2, default);
            return (FullAnalysis(TestSupport.Default, changed).SequenceEqual(Rows(afterChanges.Diagnostics))
                    && FullAnalysis(TestSupport.Default, replacement).SequenceEqual(Rows(afterText.Diagnostics)))
                .Label($"text: {Show(text)}\nchanged: {Show(changed)}\nreplacement: {Show(replacement)}");
        });

    private static string Show(string text) => text.Replace("\r", "\\r").Replace("\n", "\\n").Replace("\u001E", "\\u001E");
}

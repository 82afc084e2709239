using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MediaRules.Text;

namespace MediaRules.Tests.Properties;

/// <summary>Invariants of a whole analysis with the default packs, on arbitrary text and on news-like text.</summary>
public class AnalysisProperties
{
    private static readonly string[] Fragments =
    {
        "The minister reportedly resigned.", " ", "\n", "\r\n", "“", "”", "\"", "'", "‘", "’", "Kiev", "claimed",
        "sources said", "genocide", "the resistance", "Israeli Occupation Forces (IOF)", ",", ".", "Netanyahu said",
        "\U0001F600", "e\u0301", "שלום", "Gen.", "a.m.", "18,000 martyrs", "passed away", "According to X, ",
    };

    private static Arbitrary<string> NewsLike() =>
        Gen.ArrayOf(Gen.Elements(Fragments)).Select(parts => string.Concat(parts)).ToArbitrary();

    [Property(MaxTest = 300)]
    public bool Any_string_is_analysed_without_exception_and_spans_lie_inside(NonNull<string> s) => SpansInside(s.Get);

    [Property(MaxTest = 300)]
    public Property News_like_text_is_analysed_with_spans_inside_and_fixes_that_apply() =>
        Prop.ForAll(NewsLike(), text => SpansInside(text) && FixesApply(text));

    private static bool SpansInside(string s)
    {
        var text = SourceText.From(s);
        var result = TestSupport.Default.Analyze(text);
        return result.Diagnostics.All(d =>
            d.Location.SourceSpan.End <= text.Length
            && d.Location.LineSpan == text.GetLinePositionSpan(d.Location.SourceSpan)
            && d.Severity != Diagnostics.DiagnosticSeverity.None);
    }

    // Each fix replaces exactly its diagnostic's span, and applying it gives the text one would expect by splicing.
    private static bool FixesApply(string s)
    {
        var text = SourceText.From(s);
        foreach (var d in TestSupport.Default.Analyze(text).Diagnostics.Where(d => d.Fix is not null))
        {
            var change = d.Fix!.Changes.Single();
            if (change.Span != d.Location.SourceSpan)
            {
                return false;
            }

            var expected = s.Substring(0, change.Span.Start) + change.NewText + s.Substring(change.Span.End);
            if (text.WithChanges(change).ToString() != expected)
            {
                return false;
            }
        }

        return true;
    }
}

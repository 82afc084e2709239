using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MediaRules.Analysis;
using MediaRules.Diagnostics;
using MediaRules.Text;
using Xunit;

namespace MediaRules.Tests.Analysis;

/// <summary>
/// A long text's stretches keep their findings until the end (<see cref="StretchFindings"/>): what is added to the result
/// must be the diagnostics kept, in order, with their locations, messages, severities and fixes (titles and changes),
/// those of severity <c>none</c> left out, and the document-level findings merged in where they belong.
/// </summary>
public class StretchFindingsTests
{
    private static readonly SourceText Text = SourceText.From(string.Concat(Enumerable.Repeat("abcdefghi\n", 8)));

    private static readonly DiagnosticDescriptor[] Descriptors =
    {
        Descriptor("MR1001"),
        Descriptor("MR2002"),
        Descriptor("MR3001"),
    };

    [Fact]
    public void Every_kind_of_finding_is_added_as_it_was()
    {
        var fixOfTwo = new CodeFix("Swap", new[] { new TextChange(new TextSpan(1, 1), "b"), new TextChange(new TextSpan(3, 1), "d") });
        var suppressed = Finding(0, 30, 4, "suppressed", DiagnosticSeverity.Warning, null).WithSuppression(new DiagnosticSuppression(new TextSpan(20, 5), "why"));
        var diagnostics = new List<Diagnostic>
        {
            Finding(1, 0, 3, "before the range", DiagnosticSeverity.Warning, null),
            Finding(0, 2, 3, "no fix", DiagnosticSeverity.Warning, null),
            Finding(1, 5, 2, "one change", DiagnosticSeverity.Suggestion, CodeFix.Replace(new TextSpan(4, 4), "xy")), // a fix wider than the finding
            Finding(2, 11, 3, "two changes", DiagnosticSeverity.Error, fixOfTwo),
            Finding(0, 20, 4, "severity none", DiagnosticSeverity.None, CodeFix.Replace(new TextSpan(20, 4), "z")),
            suppressed,
            Finding(0, 41, 3, new string("no fix".ToCharArray()), DiagnosticSeverity.Warning, null), // equal text, another string
            Finding(1, 70, 3, "after the range", DiagnosticSeverity.Warning, null),
        };

        var made = new List<Diagnostic>();
        var next = 0;
        StretchFindings.Of(diagnostics, 1, 7).AddTo(made, new List<Diagnostic>(), ref next);

        Assert.Equal(Rows(diagnostics.Skip(1).Take(6).Where(d => d.Severity != DiagnosticSeverity.None)), Rows(made));
        Assert.Same(suppressed, made.Single(d => d.IsSuppressed));
        Assert.Same(fixOfTwo, made.Single(d => d.Message == "two changes").Fix);
    }

    [Fact]
    public void A_document_level_finding_that_ties_with_a_stretch_s_comes_after_it()
    {
        var own = Finding(1, 10, 3, "same", DiagnosticSeverity.Warning, null);
        var documentLevel = Finding(1, 10, 3, "same", DiagnosticSeverity.Error, null);
        var before = Finding(0, 2, 3, "earlier", DiagnosticSeverity.Warning, null);
        var made = new List<Diagnostic>();
        var next = 0;

        StretchFindings.Of(new List<Diagnostic> { own }, 0, 1).AddTo(made, new List<Diagnostic> { before, documentLevel }, ref next);

        Assert.Equal(new[] { before, own }, made);
        Assert.Equal(1, next);
    }

    // Any findings in diagnostic order, any range of them, and any document-level findings in diagnostic order: what is
    // added is the range (severity none left out) merged with the document-level ones, as one sorted list would have it.
    [Property(MaxTest = 300)]
    public Property Findings_added_and_merged_are_the_sorted_range() =>
        Prop.ForAll(Lists.ToArbitrary(), Lists.ToArbitrary(), Gen.Zip(Gen.Choose(0, 100), Gen.Choose(0, 100)).ToArbitrary(), (own, documentLevel, range) =>
        {
            var (a, b) = range;
            // Stable sorts: findings that compare equal keep their order, the range's before the document-level ones.
            var findings = own.Select(Make).OrderBy(d => d, Order).ToList();
            var merged = documentLevel.Select(Make).Where(d => d.Severity != DiagnosticSeverity.None).OrderBy(d => d, Order).ToList();
            var from = Math.Min(a, b) * findings.Count / 100;
            var to = Math.Max(a, b) * findings.Count / 100;

            var expected = findings.Skip(from).Take(to - from).Where(d => d.Severity != DiagnosticSeverity.None).Concat(merged).OrderBy(d => d, Order).ToList();
            var made = new List<Diagnostic>();
            var next = 0;
            StretchFindings.Of(findings, from, to).AddTo(made, merged, ref next);
            made.AddRange(merged.Skip(next));
            return Rows(expected).SequenceEqual(Rows(made)).Label(string.Join(" / ", Rows(made)));
        });

    private static readonly IComparer<Diagnostic> Order = Comparer<Diagnostic>.Create(Linter.CompareDiagnostics);

    private static readonly Gen<(int Rule, int Start, int Length, int Message, int Severity, bool Fixed)[]> Lists =
        Gen.Choose(0, 12).SelectMany(count => Gen.ArrayOf(
            Gen.Choose(0, 2).SelectMany(rule => Gen.Choose(0, 70).SelectMany(start => Gen.Choose(0, 6).SelectMany(length =>
                Gen.Choose(0, 3).SelectMany(message => Gen.Choose(0, 4).SelectMany(severity => Gen.Elements(true, false).Select(fix =>
                    (rule, start, length, message, severity, fix))))))), count));

    private static Diagnostic Make((int Rule, int Start, int Length, int Message, int Severity, bool Fixed) f) =>
        Finding(
            f.Rule,
            f.Start,
            f.Length,
            "message " + f.Message.ToString(CultureInfo.InvariantCulture),
            (DiagnosticSeverity)f.Severity,
            f.Fixed ? CodeFix.Replace(new TextSpan(f.Start, f.Length), "fix " + f.Message.ToString(CultureInfo.InvariantCulture)) : null);

    private static Diagnostic Finding(int rule, int start, int length, string message, DiagnosticSeverity severity, CodeFix? fix) =>
        new(Descriptors[rule], Location.Create("doc.txt", Text, new TextSpan(start, length)), message, severity, fix);

    private static DiagnosticDescriptor Descriptor(string id) =>
        new(id, "Test " + id, "{match}", DiagnosticCategory.FromRuleId(id) ?? DiagnosticCategory.Attribution, DiagnosticSeverity.Warning, null, null);

    private static List<string> Rows(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Select(d =>
            $"{d.Id} {d.Location.Path} {d.Location.SourceSpan} {d.Location.LineSpan} {d.Severity} {d.Message} | {d.Fix?.Title} "
            + string.Join(";", d.Fix?.Changes.Select(c => c.ToString()) ?? Array.Empty<string>())
            + (d.Suppression is { } s ? $" suppressed at {s.DirectiveSpan} ({s.Justification})" : string.Empty)).ToList();
}

using System;
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
/// The engine makes each diagnostic as one object, its location and a fix that replaces its span kept as values, and
/// makes <see cref="Diagnostic.Location"/> and <see cref="Diagnostic.Fix"/> when they are read. Such a diagnostic must
/// be, in everything a caller can read, the one made from a <see cref="Location"/> and a <see cref="CodeFix"/>; so must
/// its copies, and a session's block findings made from it and back.
/// </summary>
public class DiagnosticValuesTests
{
    private static readonly SourceText Text = SourceText.From("First line of text.\r\nSecond, “quoted” line.\n\nA third paragraph, longer than the others.\n");

    private static readonly DiagnosticDescriptor Descriptor =
        new("MR1001", "Test", "{match}", DiagnosticCategory.Attribution, DiagnosticSeverity.Warning, null, null);

    private static readonly Gen<(int Start, int Length)> Spans =
        Gen.Choose(0, Text.Length).SelectMany(start => Gen.Choose(0, Text.Length - start).Select(length => (start, length)));

    [Property(MaxTest = 300)]
    public Property A_diagnostic_made_from_values_reads_as_one_made_from_objects() =>
        Prop.ForAll(Spans.ToArbitrary(), Gen.Elements<string?>(null, "said", string.Empty).ToArbitrary(), Gen.Elements<string?>(null, "doc.md").ToArbitrary(), (at, replacement, path) =>
        {
            var span = new TextSpan(at.Start, at.Length);
            var title = replacement is null ? null : CodeFix.ReplaceTitle(replacement);
            var values = new Diagnostic(Descriptor, path, Text, span, "message", DiagnosticSeverity.Warning, title, replacement);
            var objects = new Diagnostic(Descriptor, Location.Create(path, Text, span), "message", DiagnosticSeverity.Warning, replacement is null ? null : new CodeFix(title!, new[] { new TextChange(span, replacement) }));
            return (Row(values) == Row(objects) && values.Equals(objects) && objects.Equals(values)
                    && values.GetHashCode() == objects.GetHashCode() && values.ToString() == objects.ToString())
                .Label($"{Row(values)} / {Row(objects)}");
        });

    [Fact]
    public void Copies_keep_the_location_and_the_fix()
    {
        var span = new TextSpan(22, 6);
        var values = new Diagnostic(Descriptor, "doc.md", Text, span, "message", DiagnosticSeverity.Warning, "Replace with 'said'", "said");
        var suppression = new DiagnosticSuppression(new TextSpan(0, 5), "quoted");

        var error = values.WithSeverity(DiagnosticSeverity.Error);
        var suppressed = values.WithSuppression(suppression);
        var both = suppressed.WithSeverity(DiagnosticSeverity.Suggestion);

        Assert.Same(values, values.WithSeverity(DiagnosticSeverity.Warning));
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Same(suppression, suppressed.Suppression);
        Assert.Same(suppression, both.Suppression);
        Assert.Equal(DiagnosticSeverity.Suggestion, both.Severity);
        foreach (var copy in new[] { error, suppressed, both })
        {
            Assert.Equal(Place(values), Place(copy));
        }

        Assert.Null(error.Suppression);
    }

    [Fact]
    public void A_fix_is_read_as_a_replacement_only_when_it_replaces_one_span()
    {
        var span = new TextSpan(3, 4);
        var values = new Diagnostic(Descriptor, null, Text, span, "m", DiagnosticSeverity.Warning, "Replace", "x");
        Assert.True(values.TryGetReplacement(out var title, out var replaced, out var text));
        Assert.Equal(("Replace", span, "x"), (title, replaced, text));

        var wider = new Diagnostic(Descriptor, Location.Create(null, Text, span), "m", DiagnosticSeverity.Warning, CodeFix.Replace(new TextSpan(2, 6), "y"));
        Assert.True(wider.TryGetReplacement(out _, out replaced, out text));
        Assert.Equal((new TextSpan(2, 6), "y"), (replaced, text));

        var two = new Diagnostic(Descriptor, Location.Create(null, Text, span), "m", DiagnosticSeverity.Warning, new CodeFix("Swap", new[] { new TextChange(new TextSpan(0, 1), "a"), new TextChange(new TextSpan(5, 1), "b") }));
        Assert.False(two.TryGetReplacement(out _, out _, out _));
        Assert.False(new Diagnostic(Descriptor, null, Text, span, "m", DiagnosticSeverity.Warning).TryGetReplacement(out _, out _, out _));
    }

    [Fact]
    public void A_session_s_block_findings_give_back_the_diagnostics_they_were_made_from()
    {
        var span = new TextSpan(30, 8);
        var diagnostics = new[]
        {
            new Diagnostic(Descriptor, "doc.md", Text, span, "values", DiagnosticSeverity.Warning, "Replace with 'said'", "said"),
            new Diagnostic(Descriptor, "doc.md", Text, span, "no fix", DiagnosticSeverity.Warning),
            new Diagnostic(Descriptor, Location.Create("doc.md", Text, span), "wider", DiagnosticSeverity.Warning, CodeFix.Replace(new TextSpan(29, 10), "z")),
            new Diagnostic(Descriptor, Location.Create("doc.md", Text, span), "two", DiagnosticSeverity.Error, new CodeFix("Swap", new[] { new TextChange(new TextSpan(30, 1), "a"), new TextChange(new TextSpan(36, 1), "b") })),
        };

        foreach (var diagnostic in diagnostics)
        {
            var raw = RawDiagnostic.From(diagnostic, 21);
            Assert.Equal(Row(diagnostic), Row(raw.ToDiagnostic("doc.md", Text, 21)));
            Assert.Equal(raw, RawDiagnostic.From(raw.ToDiagnostic("doc.md", Text, 21), 21));
        }
    }

    private static string Row(Diagnostic d) =>
        $"{d.Severity} {Place(d)}" + (d.Suppression is { } s ? $" suppressed at {s.DirectiveSpan} ({s.Justification})" : string.Empty);

    // What a diagnostic says but for its severity and suppression.
    private static string Place(Diagnostic d) =>
        $"{d.Id} {d.Location.Path} {d.Location.SourceSpan} {d.Location.LineSpan} {d.Message} | {d.Fix?.Title} "
        + string.Join(";", d.Fix?.Changes.Select(c => c.ToString()) ?? Array.Empty<string>());
}

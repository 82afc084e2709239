using System.Linq;
using MediaRules.Diagnostics;
using MediaRules.Fixes;
using MediaRules.Text;
using Xunit;

namespace MediaRules.Tests.Fixes;

public class FixApplierTests
{
    private const string Sentence = "The minister claimed the Kiev regime fell.";

    internal static Diagnostic Finding(SourceText text, string id, int start, int length, params (int Start, int Length, string NewText)[] changes)
    {
        var descriptor = new DiagnosticDescriptor(id, "Test " + id, "{match}", DiagnosticCategory.FromRuleId(id)!, DiagnosticSeverity.Warning, null, null);
        var fix = changes.Length == 0
            ? null
            : new CodeFix("fix " + id, changes.Select(c => new TextChange(new TextSpan(c.Start, c.Length), c.NewText)).ToArray());
        return new Diagnostic(descriptor, Location.Create("a.txt", text, new TextSpan(start, length)), id, DiagnosticSeverity.Warning, fix);
    }

    private static Diagnostic Replace(SourceText text, string id, string old, string replacement, int occurrence = 0)
    {
        var start = -1;
        for (var i = 0; i <= occurrence; i++)
        {
            start = text.ToString().IndexOf(old, start + 1, System.StringComparison.Ordinal);
        }

        return Finding(text, id, start, old.Length, (start, old.Length, replacement));
    }

    [Fact]
    public void Applies_every_fix_and_lists_them_in_document_order()
    {
        var text = SourceText.From(Sentence);
        var kyiv = Replace(text, "MR2012", "Kiev", "Kyiv");
        var said = Replace(text, "MR1003", "claimed", "said");
        var noFix = Finding(text, "MR2002", 0, 3);

        var result = FixApplier.Apply(text, [kyiv, noFix, said]);

        Assert.Equal("The minister said the Kyiv regime fell.", result.Text.ToString());
        Assert.Equal([said, kyiv], result.Applied);
        Assert.Empty(result.Skipped);
        Assert.Equal([new TextChange(new TextSpan(13, 7), "said"), new TextChange(new TextSpan(25, 4), "Kyiv")], result.Changes);
        Assert.Equal(Sentence, text.ToString());
    }

    [Fact]
    public void Of_two_overlapping_fixes_the_earliest_start_wins()
    {
        var text = SourceText.From(Sentence);
        var regime = Finding(text, "MR2001", 25, 11, (25, 11, "Kyiv government"));
        var kyiv = Replace(text, "MR2012", "Kiev", "Kyiv");
        var later = Finding(text, "MR2003", 30, 6, (30, 6, "government"));

        var result = FixApplier.Apply(text, [later, kyiv, regime]);

        Assert.Equal("The minister claimed the Kyiv government fell.", result.Text.ToString());
        Assert.Equal([regime], result.Applied);
        Assert.Equal([kyiv, later], result.Skipped);
    }

    [Fact]
    public void At_the_same_start_the_longest_wins_then_the_rule_id()
    {
        var text = SourceText.From(Sentence);
        var kyiv = Replace(text, "MR2012", "Kiev", "Kyiv");
        var longer = Finding(text, "MR2999", 25, 11, (25, 11, "the government"));
        var sameSpan = Finding(text, "MR2011", 25, 4, (25, 4, "Kyiv's"));

        Assert.Equal([longer], FixApplier.Apply(text, [kyiv, sameSpan, longer]).Applied);
        Assert.Equal([sameSpan], FixApplier.Apply(text, [kyiv, sameSpan]).Applied);
        Assert.Equal([sameSpan], FixApplier.Apply(text, [sameSpan, kyiv]).Applied);
    }

    [Fact]
    public void The_same_fix_offered_twice_is_applied_once_and_both_count_as_applied()
    {
        var text = SourceText.From(Sentence);
        var one = Replace(text, "MR1003", "claimed", "said");
        var two = Replace(text, "MR1099", "claimed", "said");

        var result = FixApplier.Apply(text, [two, one]);

        Assert.Equal("The minister said the Kiev regime fell.", result.Text.ToString());
        Assert.Equal(2, result.Applied.Count);
        Assert.Single(result.Changes);
    }

    [Fact]
    public void Touching_replacements_both_apply_but_an_insertion_at_an_edge_conflicts()
    {
        var text = SourceText.From("abcdef");
        var left = Finding(text, "MR2001", 0, 3, (0, 3, "X"));
        var right = Finding(text, "MR2002", 3, 3, (3, 3, "Y"));
        Assert.Equal("XY", FixApplier.Apply(text, [right, left]).Text.ToString());

        var insertion = Finding(text, "MR2003", 3, 0, (3, 0, "+"));
        var result = FixApplier.Apply(text, [insertion, left]);
        Assert.Equal("Xdef", result.Text.ToString());
        Assert.Equal([insertion], result.Skipped);

        var twoInsertions = FixApplier.Apply(text, [Finding(text, "MR2005", 3, 0, (3, 0, "2")), insertion]);
        Assert.Equal("abc+def", twoInsertions.Text.ToString());
    }

    [Fact]
    public void A_fix_of_several_changes_is_applied_whole_or_not_at_all()
    {
        var text = SourceText.From("“Israel” said “Israel”");
        var marks = Finding(text, "MR2013", 0, 8, (0, 1, ""), (7, 1, ""));
        var overlapping = Finding(text, "MR2012", 7, 1, (7, 1, "\""));
        var far = Finding(text, "MR2013", 14, 8, (14, 1, ""), (21, 1, ""));

        var result = FixApplier.Apply(text, [overlapping, marks, far]);

        Assert.Equal("Israel said Israel", result.Text.ToString());
        Assert.Equal([overlapping], result.Skipped);
    }

    [Fact]
    public void A_fix_outside_the_text_or_overlapping_itself_is_never_applied()
    {
        var text = SourceText.From("short");
        var outside = Finding(text, "MR2001", 0, 5, (3, 10, "x"));
        var selfOverlap = Finding(text, "MR2002", 0, 5, (0, 3, "a"), (2, 2, "b"));

        var result = FixApplier.Apply(text, [outside, selfOverlap]);

        Assert.Equal("short", result.Text.ToString());
        Assert.Same(text, result.Text);
        Assert.Equal(2, result.Skipped.Count);
        Assert.Empty(result.Applied);
    }

    [Fact]
    public void The_fix_of_a_suppressed_finding_is_never_applied()
    {
        var text = SourceText.From(Sentence);
        var suppressed = Replace(text, "MR1003", "claimed", "said").WithSuppression(new DiagnosticSuppression(new TextSpan(0, 0), "quoted on purpose"));
        var kyiv = Replace(text, "MR2012", "Kiev", "Kyiv");

        var result = FixApplier.Apply(text, [suppressed, kyiv]);

        Assert.Equal("The minister claimed the Kyiv regime fell.", result.Text.ToString());
        Assert.Equal([kyiv], result.Applied);
        Assert.Empty(result.Skipped);
    }

    [Fact]
    public void Nulls_are_refused()
    {
        Assert.Throws<System.ArgumentNullException>(() => FixApplier.Apply(null!, []));
        Assert.Throws<System.ArgumentNullException>(() => FixApplier.Apply(SourceText.Empty, null!));
    }

    [Fact]
    public void The_seed_article_fixes_apply_and_lint_clean_of_them()
    {
        var text = SourceText.From(TestSupport.SeedText);
        var before = TestSupport.Default.Analyze(text);
        var fixable = before.Diagnostics.Where(d => d.Fix is not null).ToList();
        Assert.NotEmpty(fixable);

        var result = FixApplier.Apply(text, before.Diagnostics);
        var after = TestSupport.Default.Analyze(result.Text);

        Assert.Equal(fixable.Count, result.Applied.Count + result.Skipped.Count);
        Assert.DoesNotContain(after.Diagnostics, d => d.Fix is not null && result.Applied.Any(a => a.Id == d.Id && a.Fix!.Title == d.Fix.Title));
        Assert.Empty(FixApplier.Apply(result.Text, after.Diagnostics).Changes);
    }
}

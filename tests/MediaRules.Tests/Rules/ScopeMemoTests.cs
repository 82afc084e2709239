using System.Linq;
using MediaRules.Analysis;
using MediaRules.Text;
using Xunit;

namespace MediaRules.Tests.Rules;

/// <summary>
/// The linter hands one scope memo (what each sentence holds of a rule's exception and severity phrases) to every rule
/// of a document in turn: what one rule found in a sentence must never decide another rule's scope.
/// </summary>
public class ScopeMemoTests
{
    private const string Pack = """
        rules:
          - id: MR2901
            title: First
            kind: term
            message: "'{match}'"
            terms: [aid]
            exceptions: [aid convoy]
            severity-if-sentence-contains:
              suggestion: [arrived]
          - id: MR2902
            title: Second
            kind: term
            message: "'{match}'"
            terms: [convoy]
            exceptions: [convoy of trucks]
            severity-if-sentence-contains:
              error: [trucks]
        """;

    [Fact]
    public void Each_rule_searches_a_sentence_for_its_own_phrases()
    {
        var linter = new LinterBuilder().AddRules(Pack, "memo.yaml").Build();
        var text = "The aid convoy arrived. Aid came later, and the convoy left.";
        var found = linter.Analyze(SourceText.From(text)).Diagnostics.Select(d => (d.Id, text.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length), d.Severity)).ToList();

        // First sentence: "aid" is inside the first rule's exception; "convoy" is not inside the second rule's, whose
        // severity phrase the sentence lacks (the first rule's phrase "arrived" must not lend it a severity).
        // Second sentence: both rules report, at their default severity.
        Assert.Equal(
            new[]
            {
                ("MR2902", "convoy", MediaRules.Diagnostics.DiagnosticSeverity.Warning),
                ("MR2901", "Aid", MediaRules.Diagnostics.DiagnosticSeverity.Warning),
                ("MR2902", "convoy", MediaRules.Diagnostics.DiagnosticSeverity.Warning),
            },
            found);
    }
}

using System.Linq;
using MediaRules.Analysis;
using MediaRules.Rules;
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

    private const string ManySentencesPack = """
        rules:
          - id: MR2903
            title: Aid
            kind: term
            message: "'{match}'"
            voices: [any]
            terms: [aid]
            exceptions: [aid convoy]
        """;

    [Theory]
    [InlineData(3)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(150)]
    public void An_exception_phrase_is_found_wherever_the_document_holds_it(int at)
    {
        // After many sentences searched one by one, the rule looks at the rest of the text at once: a phrase in a later
        // sentence (or in one already searched) must still except its match.
        var linter = new LinterBuilder().AddRules(ManySentencesPack, "memo.yaml").Build();
        var sentences = Enumerable.Range(0, 200).Select(i => (i == at ? "The aid convoy left." : $"Aid number {i} arrived.") + (i % 10 == 9 ? "\n" : " "));
        var text = string.Concat(sentences);
        var found = linter.Analyze(SourceText.From(text)).Diagnostics.Where(d => d.Id == "MR2903").Select(d => d.Location.SourceSpan.Start).ToList();
        var excepted = text.IndexOf("aid convoy", System.StringComparison.Ordinal);
        Assert.Equal(199, found.Count);
        Assert.DoesNotContain(excepted, found);
    }

    [Fact]
    public void Without_any_exception_phrase_every_match_of_every_sentence_is_reported()
    {
        var linter = new LinterBuilder().AddRules(ManySentencesPack, "memo.yaml").Build();
        var text = string.Join(" ", Enumerable.Range(0, 200).Select(i => $"Aid number {i} arrived, \"aid\" said.\n"));
        Assert.Equal(400, linter.Analyze(SourceText.From(text)).Diagnostics.Count(d => d.Id == "MR2903"));
    }

    [Fact]
    public void A_sentence_before_the_rest_searched_at_once_is_still_searched_when_asked_again()
    {
        // Rules ask in document order, but the memo must not assume it: the rest searched at once holds no phrase, and a
        // sentence before it that does is still excepted when asked after.
        var scope = new ScopeFilter(new RuleScope { Voices = new[] { VoiceFilter.Any }, Exceptions = new[] { "aid convoy" } });
        var text = string.Concat(Enumerable.Range(0, 200).Select(i => (i == 3 ? "The aid convoy left." : $"Aid number {i} arrived.") + (i % 10 == 9 ? "\n" : " ")));
        var document = MediaRules.Documents.DocumentModel.Create(SourceText.From(text));
        var memo = new ScopeFilter.Memo(document.Sentences.Count);
        var excepted = new TextSpan(text.IndexOf("aid convoy", System.StringComparison.Ordinal), 3);
        foreach (var sentence in document.Sentences)
        {
            var match = new TextSpan(sentence.Span.Start + (sentence.Index == 3 ? 4 : 0), 3);
            Assert.Equal(sentence.Index != 3, scope.Admits(document, match, MediaRules.Diagnostics.DiagnosticSeverity.Warning, out _, memo));
        }

        Assert.True(memo.NoPhraseFrom < text.Length);
        Assert.False(scope.Admits(document, excepted, MediaRules.Diagnostics.DiagnosticSeverity.Warning, out _, memo));
    }
}

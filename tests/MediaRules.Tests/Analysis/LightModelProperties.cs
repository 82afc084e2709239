using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MediaRules.Analysis;
using MediaRules.Documents;
using MediaRules.Text;
using Xunit;
using static MediaRules.Tests.Session.SessionTestSupport;

namespace MediaRules.Tests.Analysis;

/// <summary>
/// A linter whose rules read no sourcing (term and pattern rules whose scopes ask neither how a sentence is sourced
/// nor who speaks) analyses with a model that leaves attribution and speakers out, and finds exactly what it finds
/// with the full model; its result still hands out the full model.
/// </summary>
public class LightModelProperties
{
    // Scopes that tell quotations, mentions and the writer's text apart, with exceptions and sentence conditions,
    // but never narrative from indirect speech or attributed from unattributed quotations.
    private const string Pack = """
        rules:
          - id: MR2901
            title: Label outside quotations
            kind: term
            message: "'{match}' outside quotations"
            terms: [terrorists, regime, militants, massacre, killed]
            exceptions: [regime's forces]
          - id: MR2902
            title: Label inside quotations
            kind: term
            message: "'{match}' inside a quotation"
            voices: [direct-quote, unattributed-quote]
            terms: [mission, stop, clear, choice]
          - id: MR2903
            title: Anywhere
            kind: term
            message: "'{match}' anywhere"
            voices: [any]
            unless-sentence-contains: [disputed]
            terms: [officials, sources, Halevi, Kyiv]
          - id: MR2904
            title: Mentions
            kind: term
            message: "'{match}' as a mention"
            voices: [mention]
            terms: [rescue]
          - id: MR2905
            title: Said-verbs
            kind: pattern
            message: "'{match}' pattern"
            severity-if-sentence-contains:
              suggestion: [reportedly]
            patterns:
              - "\\b(?<match>claimed|said|added)\\b"
          - id: MR2906
            title: Numbers in quotations
            kind: pattern
            message: "'{match}' number"
            voices: [direct-quote, mention, narrative, indirect-speech]
            patterns:
              - "\\b(?<match>[0-9]+)\\b"
        """;

    private static readonly Linter Light = new LinterBuilder().AddRules(Pack, "light.yaml").Build();

    private static readonly Gen<string> Documents = DocumentsOf(16, "\n", "\n\n", "\r\n", "\u001E");

    [Property(MaxTest = 300)]
    public Property Leaving_out_sourcing_finds_what_the_full_model_finds() =>
        Prop.ForAll(Documents.ToArbitrary(), text =>
        {
            var source = SourceText.From(text);
            var expected = Rows(Light.Analyze(DocumentModel.Create(source), null, default).Diagnostics);
            var actual = Rows(Light.Analyze(source).Diagnostics);
            return expected.SequenceEqual(actual).Label($"text: {text}");
        });

    [Fact]
    public void Which_linters_leave_sourcing_out()
    {
        Assert.False(Light.NeedsSourcing);
        Assert.True(TestSupport.Default.NeedsSourcing);
        Assert.True(Needs("attribution: [none, vague]"));
        Assert.True(Needs("voices: [narrative]"));
        Assert.True(Needs("voices: [unattributed-quote]"));
        Assert.True(Needs("severity-by-voice:\n      indirect-speech: suggestion"));
        Assert.False(Needs("voices: [narrative, indirect-speech, mention]"));
        Assert.False(Needs("voices: [direct-quote]"));
        Assert.False(Needs("exceptions: [x y]"));
    }

    [Fact]
    public void The_result_of_a_light_analysis_hands_out_the_full_model()
    {
        var text = SourceText.From(string.Join("\n", Paragraphs));
        var result = Light.Analyze(text);
        var full = DocumentModel.Create(text);
        Assert.Equal(full.Sentences.Select(s => s.Attribution.Kind), result.Document.Sentences.Select(s => s.Attribution.Kind));
        Assert.Equal(full.Quotations.Select(q => q.SpeakerSpan), result.Document.Quotations.Select(q => q.SpeakerSpan));
        Assert.Contains(result.Document.Sentences, s => s.Attribution.Kind != SourceKind.None);
    }

    private static bool Needs(string scopeLine) =>
        new LinterBuilder().AddRules($"""
            rules:
              - id: MR2950
                title: T
                kind: term
                message: "'{"{match}"}'"
                terms: [x]
                {scopeLine}
            """, "needs.yaml").Build().NeedsSourcing;
}

using System;
using System.Collections.Generic;
using System.Linq;
using MediaRules.Analysis;
using MediaRules.Inputs;
using MediaRules.Text;
using Xunit;

namespace MediaRules.Tests.Inputs;

/// <summary>A linter that flags "reportedly" (MR1990) and "Zionist regime" (MR2990) in any voice, and checks on analysis texts.</summary>
internal static class InputTestSupport
{
    public const string Pack = """
        rules:
          - id: MR1990
            title: Test word
            kind: term
            message: "'{match}' found"
            voices: [any]
            terms: [reportedly]
          - id: MR2990
            title: Test phrase
            kind: term
            message: "'{match}' found"
            voices: [any]
            terms:
              - term: Zionist regime
                suggest: [Israeli government]
        """;

    private static readonly Lazy<Linter> LazyLinter = new(() => new LinterBuilder().AddRules(Pack, "inputs-test.yaml").Build());

    public static Linter Linter => LazyLinter.Value;

    /// <summary>Extracts, checks the line map, lints, and returns each finding as (rule, line, column, original text of its span).</summary>
    public static List<(string Id, int Line, int Column, string Text)> Lint(string document, DocumentFormat format)
    {
        var prose = ProseExtractor.Extract(document, format);
        AssertSameLineMap(document, prose.Text);
        var result = Linter.Analyze(prose.Text, "doc");
        return result.Diagnostics
            .Select(d =>
            {
                var position = d.Location.LineSpan.Start;
                return (d.Id, position.Line + 1, position.Character + 1, document.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length));
            })
            .ToList();
    }

    /// <summary>The analysis text has the original's length and every position is on the same line and column.</summary>
    public static void AssertSameLineMap(string original, SourceText analysis)
    {
        Assert.Equal(original.Length, analysis.Length);
        var source = SourceText.From(original);
        Assert.Equal(source.LineCount, analysis.LineCount);
        for (var line = 0; line < source.LineCount; line++)
        {
            Assert.Equal(source.GetLineSpanIncludingLineBreak(line), analysis.GetLineSpanIncludingLineBreak(line));
        }
    }

    /// <summary>The analysis text with its special characters made visible: § for U+001E, ~ for U+00AD, ¶ for U+2028.</summary>
    public static string Show(SourceText analysis) =>
        analysis.ToString().Replace('\u001E', '§').Replace('\u00AD', '~').Replace('\u2028', '¶');

    /// <summary>The analysis text of a document, shown as <see cref="Show"/> does.</summary>
    public static string Extracted(string document, DocumentFormat format)
    {
        var prose = ProseExtractor.Extract(document, format);
        AssertSameLineMap(document, prose.Text);
        return Show(prose.Text);
    }
}

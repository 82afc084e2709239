using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using MediaRules.Analysis;
using MediaRules.Text;
using Xunit;

namespace MediaRules.Tests.Cli;

/// <summary><c>mediarules rules import</c>: prh and Vale files become packs that flag what the source tool would.</summary>
public class ImportCommandTests
{
    private const string Prh = """
        version: 1
        rules:
          - expected: Kyiv
            pattern: Kiev
            prh: The Ukrainian spelling, used since 2019.
            specs:
              - from: Troops left Kiev.
                to: Troops left Kyiv.
          - expected: JavaScript
            patterns:
              - /java[- ]?script/i
            specs:
              - from: javascript
                to: JavaScript
          - expected: e-mail
            patterns:
              - email
              - Email
          - expected: ウェブ
            pattern: /ウエブ/
          - expected: $1 years
            pattern: /(\d+)yrs/
          - expected: 'see'
            pattern: /se(e?)/
            regexpMustEmpty: $1
        """;

    private const string Substitution = """
        extends: substitution
        message: "Use '%s' instead of '%s'."
        link: https://example.org/style
        level: error
        ignorecase: true
        swap:
          illegal aliens: undocumented immigrants
          collateral damage: civilian casualties
          '(?:pre-?)?emptive strike': attack|strike
        """;

    private const string Existence = """
        extends: existence
        message: "Avoid '%s'."
        level: suggestion
        ignorecase: true
        tokens:
          - reportedly
          - it is (?:widely )?believed
        """;

    [Fact]
    public void Prh_dictionary_flags_what_prh_would_with_the_fix()
    {
        using var temp = new TempFolder();
        var source = temp.Write("prh.yml", Prh);
        var pack = temp.PathOf("prh-pack.yaml");

        var run = CliHarness.Run("rules", "import", "--from", "prh", source, "--output", pack);

        Assert.Equal(1, run.Code); // two prh rules lose something: reported by name
        Assert.Contains("'$1 years'", run.Err);
        Assert.Contains("converted without a fix", run.Err);
        Assert.Contains("'see'", run.Err);
        Assert.Contains("regexpMustEmpty", run.Err);
        Assert.Equal(string.Empty, run.Out);

        var linter = new LinterBuilder().AddRulesFile(pack).Build();
        Assert.Equal(["MR2800", "MR2801", "MR2802", "MR2803", "MR2804"], linter.Rules.Select(r => r.Id));

        var found = Lint(linter, "Officials in Kiev sent an email and an Email about the java-script bug, on the ウエブ for 5yrs.");
        Assert.Contains(("Kiev", "Kyiv"), found);
        Assert.Contains(("email", "e-mail"), found);
        Assert.Contains(("Email", "E-mail"), found); // the engine gives a fix the capital of the text it replaces
        Assert.Contains(("java-script", "JavaScript"), found);
        Assert.Contains(("ウエブ", "ウェブ"), found);
        Assert.Contains(("5yrs", (string?)null), found);

        // The expected forms are never flagged, and prh's literal patterns are case-sensitive.
        Assert.Empty(Lint(linter, "Officials in Kyiv use JavaScript and e-mail on the ウェブ. EMAIL and kiev stay."));
    }

    [Fact]
    public void Prh_specs_become_examples_that_hold()
    {
        using var temp = new TempFolder();
        var pack = temp.PathOf("prh-pack.yaml");
        CliHarness.Run("rules", "import", "--from", "prh", temp.Write("prh.yml", Prh), "--output", pack);

        var linter = new LinterBuilder().AddRulesFile(pack).Build();
        var withExamples = linter.Rules.Where(r => r.Examples.Flag.Count > 0).ToList();
        Assert.Equal(2, withExamples.Count);
        foreach (var rule in withExamples)
        {
            foreach (var flag in rule.Examples.Flag)
            {
                Assert.Contains(linter.Analyze(SourceText.From(flag)).Diagnostics, d => d.Id == rule.Id);
            }

            foreach (var pass in rule.Examples.Pass)
            {
                Assert.DoesNotContain(linter.Analyze(SourceText.From(pass)).Diagnostics, d => d.Id == rule.Id);
            }
        }

        var kyiv = linter.Rules.Single(r => r.Id == "MR2800");
        Assert.Equal("The Ukrainian spelling, used since 2019.", kyiv.Description);
    }

    [Fact]
    public void Vale_substitution_and_existence_flag_what_vale_would()
    {
        using var temp = new TempFolder();
        var pack = temp.PathOf("vale-pack.yaml");

        var run = CliHarness.Run("rules", "import", "--from", "vale", temp.Write("Substitutions.yml", Substitution), temp.Write("Weasel.yml", Existence), "--output", pack);

        Assert.Equal(0, run.Code);
        Assert.Contains("Substitutions", run.Err);
        Assert.Contains("Weasel", run.Err);
        var linter = new LinterBuilder().AddRulesFile(pack).Build();
        Assert.All(linter.Rules, r => Assert.StartsWith("MR29", r.Id, StringComparison.Ordinal));

        var text = "The minister reportedly blamed illegal aliens for the collateral damage of a preemptive strike. It is widely believed.";
        var result = linter.Analyze(SourceText.From(text));
        var found = result.Diagnostics.Select(d => (Text: text.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length), d)).ToList();

        var aliens = found.Single(f => f.Text == "illegal aliens").d;
        Assert.Equal("undocumented immigrants", aliens.Fix?.Changes.Single().NewText);
        Assert.Equal("Use 'undocumented immigrants' instead of 'illegal aliens'.", aliens.Message);
        Assert.Equal(MediaRules.Diagnostics.DiagnosticSeverity.Error, aliens.Severity);
        Assert.Equal("https://example.org/style", aliens.Descriptor.HelpLinkUri);
        Assert.Equal("civilian casualties", found.Single(f => f.Text == "collateral damage").d.Fix?.Changes.Single().NewText);
        Assert.Equal("attack", found.Single(f => f.Text == "preemptive strike").d.Fix?.Changes.Single().NewText);

        var weasel = found.Single(f => f.Text == "reportedly").d;
        Assert.Equal("Avoid 'reportedly'.", weasel.Message);
        Assert.Equal(MediaRules.Diagnostics.DiagnosticSeverity.Suggestion, weasel.Severity);
        Assert.Contains(found, f => f.Text == "It is widely believed");
        Assert.Equal(5, found.Count);
    }

    [Fact]
    public void Catastrophic_vale_token_lints_a_long_line_fast()
    {
        using var temp = new TempFolder();
        var bomb = temp.Write("Bomb.yml", "extends: existence\nmessage: \"Avoid '%s'.\"\nlevel: warning\ntokens:\n  - '(a+)+b'\n  - '(x|xx)+y'\n");
        var pack = temp.PathOf("bomb.yaml");
        Assert.Equal(0, CliHarness.Run("rules", "import", "--from", "vale", bomb, "--output", pack).Code);
        var linter = new LinterBuilder().AddRulesFile(pack).Build();

        var text = new string('a', 5000) + "!\n" + new string('x', 5000) + "!\n" + "a aab xxy\n";
        var clock = Stopwatch.StartNew();
        var result = linter.Analyze(SourceText.From(text));
        clock.Stop();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Equal(2, result.Diagnostics.Count);
    }

    [Fact]
    public void Unconvertible_vale_rules_are_reported_by_name()
    {
        using var temp = new TempFolder();
        var occurrence = temp.Write("TooMany.yml", "extends: occurrence\nmessage: Too many.\nmax: 3\ntoken: very\n");
        var lookaround = temp.Write("Look.yml", "extends: existence\nmessage: \"'%s'\"\ntokens:\n  - '(?<=a)b'\n  - fine\n");
        var run = CliHarness.Run("rules", "import", "--from", "vale", occurrence, lookaround);

        Assert.Equal(1, run.Code);
        Assert.Contains("'TooMany'", run.Err);
        Assert.Contains("extends: occurrence", run.Err);
        Assert.Contains("'Look: (?<=a)b'", run.Err);
        Assert.Contains("fine", run.Out); // the pack still goes to stdout with what converted
        new LinterBuilder().AddRules(run.Out, "stdout").Build();
    }

    [Fact]
    public void Malformed_yaml_is_exit_2_with_file_line_and_column()
    {
        using var temp = new TempFolder();
        var bad = temp.Write("bad.yml", "version: 1\nrules:\n  - expected: [x\n");
        var output = temp.PathOf("out.yaml");

        var run = CliHarness.Run("rules", "import", "--from", "prh", bad, "--output", output);

        Assert.Equal(2, run.Code);
        Assert.Matches(@"bad\.yml:\d+:\d+: malformed YAML", run.Err);
        Assert.False(File.Exists(output));
        Assert.Equal(2, CliHarness.Run("rules", "import", "--from", "prh", temp.PathOf("missing.yml")).Code);
        Assert.Equal(2, CliHarness.Run("rules", "import", "--from", "textlint", bad).Code);
    }

    [Fact]
    public void Id_start_and_prh_imports()
    {
        using var temp = new TempFolder();
        temp.Write("base.yml", "version: 1\nrules:\n  - expected: Kyiv\n    pattern: Kiev\n");
        var main = temp.Write("main.yml", "version: 1\nimports:\n  - base.yml\nrules:\n  - expected: Odesa\n    pattern: Odessa\n");

        var run = CliHarness.Run("rules", "import", "--from", "prh", main, "--id-start", "MR2500");

        Assert.Equal(0, run.Code);
        var linter = new LinterBuilder().AddRules(run.Out, "stdout").Build();
        Assert.Equal(["MR2500", "MR2501"], linter.Rules.Select(r => r.Id));
        Assert.Equal(2, linter.Analyze(SourceText.From("From Kiev to Odessa.")).Diagnostics.Count);
        Assert.Equal(2, CliHarness.Run("rules", "import", "--from", "prh", main, "--id-start", "MR9000").Code);
    }

    private static List<(string Text, string? Fix)> Lint(Linter linter, string text) =>
        linter.Analyze(SourceText.From(text)).Diagnostics
            .Select(d => (text.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length), d.Fix?.Changes.Single().NewText))
            .ToList();
}

using System.Linq;
using MediaRules.Analysis;
using MediaRules.Diagnostics;
using MediaRules.Documents;
using MediaRules.Rules;
using Xunit;

namespace MediaRules.Tests.Loading;

public class RulePackReaderTests
{
    private const string GoodRule = """
        rules:
          - id: MR2999
            title: Test label
            kind: term
            message: "Label '{match}'"
            terms: [widget]
        """;

    private static RuleLoadError SingleError(string yaml, string source = "pack.yaml")
    {
        var ex = Assert.Throws<RuleLoadException>(() => new LinterBuilder().AddRules(yaml, source).Build());
        var error = Assert.Single(ex.Errors);
        Assert.Equal(source, error.Source);
        return error;
    }

    [Fact]
    public void Good_pack_loads_with_defaults_filled_in()
    {
        var linter = new LinterBuilder().AddRules(GoodRule, "pack.yaml").Build();
        var rule = Assert.Single(linter.Rules);
        Assert.Equal("MR2999", rule.Id);
        Assert.Equal(DiagnosticCategory.Terminology, rule.Category);
        Assert.Equal(DiagnosticSeverity.Warning, rule.Severity);
        Assert.Equal(new[] { VoiceFilter.Narrative, VoiceFilter.IndirectSpeech }, rule.Scope.Voices);
        Assert.Equal(2, rule.Line);
        Assert.Equal(5, rule.Column);
    }

    [Fact]
    public void Tab_indentation_is_a_yaml_error_with_its_line()
    {
        var error = SingleError("rules:\n  - id: MR2999\n\tkind: term\n", "broken.yaml");
        Assert.True(error.Line == 3, error.ToString());
        Assert.Contains("malformed YAML", error.Message);
        Assert.StartsWith("broken.yaml(3,", error.ToString());
    }

    [Theory]
    [InlineData("rules:\n  - id: MR2999\n    b: [1, 2\n    c: 3\n", 3)]
    [InlineData("rules: [\n  {id: MR2999\nx: 1\n", 1)]
    public void A_flow_collection_left_open_is_a_yaml_error_with_its_line_not_a_crash(string yaml, int line)
    {
        // YamlDotNet's scanner throws InvalidOperationException here, not YamlException.
        var error = SingleError(yaml, "open.yaml");
        Assert.Contains("malformed YAML", error.Message);
        Assert.True(error.Line >= line, error.ToString());
        Assert.StartsWith("open.yaml(", error.ToString());
    }

    [Fact]
    public void Unknown_key_points_at_the_key()
    {
        var error = SingleError(GoodRule + "\n    colour: red\n");
        Assert.Equal(7, error.Line);
        Assert.Equal(5, error.Column);
        Assert.Contains("unknown key 'colour'", error.Message);
    }

    [Fact]
    public void Unknown_kind_points_at_the_kind()
    {
        var error = SingleError(GoodRule.Replace("kind: term", "kind: telepathy"));
        Assert.Equal(4, error.Line);
        Assert.Contains("unknown rule kind 'telepathy'", error.Message);
    }

    [Fact]
    public void Duplicate_id_across_packs_names_the_first()
    {
        var ex = Assert.Throws<RuleLoadException>(() => new LinterBuilder().AddRules(GoodRule, "a.yaml").AddRules(GoodRule, "b.yaml").Build());
        var error = Assert.Single(ex.Errors);
        Assert.Equal("b.yaml", error.Source);
        Assert.Contains("duplicate rule id MR2999", error.Message);
        Assert.Contains("a.yaml(2,5)", error.Message);
    }

    [Theory]
    [InlineData("MR999", "not a rule id")]
    [InlineData("MR9001", "MR9xxx is the engine's")]
    [InlineData("XX2001", "not a rule id")]
    public void Bad_ids_are_rejected(string id, string expected)
    {
        var error = SingleError(GoodRule.Replace("MR2999", id));
        Assert.Equal(2, error.Line);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Bad_severity_and_voice_are_rejected_where_written()
    {
        var ex = Assert.Throws<RuleLoadException>(() => new LinterBuilder()
            .AddRules(GoodRule + "\n    severity: loud\n    voices: [narrative, whisper]\n", "p.yaml").Build());
        Assert.Equal(2, ex.Errors.Count);
        Assert.Contains(ex.Errors, e => e.Line == 7 && e.Message.Contains("'loud' is not a severity"));
        Assert.Contains(ex.Errors, e => e.Line == 8 && e.Message.Contains("'whisper' is not a voice"));
    }

    [Fact]
    public void Missing_required_keys_are_each_reported()
    {
        var ex = Assert.Throws<RuleLoadException>(() => new LinterBuilder().AddRules("rules:\n  - id: MR2001\n    kind: term\n", "p.yaml").Build());
        Assert.Contains(ex.Errors, e => e.Message.Contains("needs 'title'"));
        Assert.Contains(ex.Errors, e => e.Message.Contains("needs 'message'"));
    }

    [Fact]
    public void Aliases_are_refused_before_anything_expands()
    {
        var bomb = "a: &a [\"lol\",\"lol\"]\nb: &b [*a,*a]\nrules: *b\n";
        var error = SingleError(bomb);
        Assert.Equal(2, error.Line);
        Assert.Contains("aliases", error.Message);
    }

    [Fact]
    public void Backtracking_only_regex_is_rejected_at_the_pattern()
    {
        var yaml = """
            rules:
              - id: MR2998
                title: Repeated word
                kind: pattern
                message: "Repeated '{match}'"
                patterns:
                  - "\\bok\\b"
                  - "(\\w+)\\s+\\1"
            """;
        var error = SingleError(yaml);
        Assert.Equal(8, error.Line);
        Assert.Contains("MR9002", error.Message);
    }

    [Fact]
    public void Term_rule_without_terms_is_rejected()
    {
        var error = SingleError(GoodRule.Replace("    terms: [widget]", string.Empty));
        Assert.Contains("needs a non-empty 'terms' list", error.Message);
    }

    [Fact]
    public void Term_options_and_examples_are_read()
    {
        var yaml = """
            rules:
              - id: MR2997
                title: Test
                kind: term
                message: "Use '{suggestion}'"
                case-sensitive: true
                inflect: false
                attribution: [none, vague]
                exceptions: [chicken Kiev]
                severity-by-voice: {indirect-speech: suggestion}
                terms:
                  - term: Kiev
                    suggest: [Kyiv]
                examples:
                  flag: ["{|Kiev|} is a city."]
                  pass: ["Kyiv is a city."]
                options: {note: free-form}
            """;
        var rule = Assert.Single(new LinterBuilder().AddRules(yaml, "p.yaml").Build().Rules);
        Assert.True(rule.CaseSensitive);
        Assert.False(rule.Inflect);
        Assert.Equal(new[] { SourceKind.None, SourceKind.Vague }, rule.Scope.Attribution);
        Assert.Equal("Kyiv", Assert.Single(Assert.Single(rule.Terms).Suggestions));
        Assert.Equal(DiagnosticSeverity.Suggestion, rule.Scope.SeverityByVoice[VoiceFilter.IndirectSpeech]);
        Assert.Single(rule.Examples.Flag);
        Assert.Equal("free-form", rule.Options["note"]);
    }

    [Fact]
    public void Every_default_pack_loads()
    {
        var linter = Linter.CreateDefault();
        Assert.Contains(linter.Rules, r => r.Source == "rules/attribution.yaml");
        Assert.Contains(linter.Rules, r => r.Source == "rules/terminology.yaml");
        Assert.Contains(linter.Rules, r => r.Source == "rules/quotation.yaml");
        Assert.All(linter.Rules, r => Assert.Equal(r.Id[2] switch { '1' => "attribution", '2' => "terminology", '3' => "consistency", _ => "quotation" }, r.Category));
        Assert.Equal(linter.Rules.Select(r => r.Id).OrderBy(i => i, System.StringComparer.Ordinal), linter.Rules.Select(r => r.Id));
    }
}

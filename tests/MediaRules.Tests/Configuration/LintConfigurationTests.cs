using System;
using System.IO;
using MediaRules.Analysis;
using MediaRules.Configuration;
using MediaRules.Diagnostics;
using MediaRules.Text;
using Xunit;

namespace MediaRules.Tests.Configuration;

public sealed class LintConfigurationTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "mr-config-" + Guid.NewGuid().ToString("N"));

    public LintConfigurationTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Write(string relative, string content)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void The_nearest_file_walking_up_is_found()
    {
        var top = Write(".mediarules.yaml", "minimum-severity: warning\n");
        var story = Write("desk/politics/story.txt", "text");
        Assert.Equal(top, LintConfiguration.FindFor(story));
        var nearer = Write("desk/.mediarules.yaml", "accept: [reportedly]\n");
        Assert.Equal(nearer, LintConfiguration.FindFor(story));
    }

    [Fact]
    public void Unknown_keys_and_bad_values_name_their_line_and_column()
    {
        var ex = Assert.Throws<RuleLoadException>(() => LintConfiguration.Parse(
            "# team settings\nminimum-severity: loud\nthis-key-does-not-exist: true\nseverity:\n  MR10: error\n  terminology: quiet\n",
            "/x/.mediarules.yaml"));
        Assert.Equal(4, ex.Errors.Count);
        Assert.Contains(ex.Errors, e => e.Line == 2 && e.Column == 19 && e.Message.Contains("'loud' is not a severity"));
        Assert.Contains(ex.Errors, e => e.Line == 3 && e.Column == 1 && e.Message.Contains("unknown key 'this-key-does-not-exist'"));
        Assert.Contains(ex.Errors, e => e.Line == 5 && e.Message.Contains("'MR10' is neither a rule id"));
        Assert.Contains(ex.Errors, e => e.Line == 6 && e.Message.Contains("'quiet' is not a severity"));
        Assert.All(ex.Errors, e => Assert.Equal("/x/.mediarules.yaml", e.Source));
    }

    [Fact]
    public void A_configuration_with_an_open_flow_list_is_an_error_with_its_position()
    {
        var ex = Assert.Throws<RuleLoadException>(() => LintConfiguration.Parse("accept: [a, b\nseverity: 3\n", "c.yaml"));
        var error = Assert.Single(ex.Errors);
        Assert.Contains("malformed YAML", error.Message);
        Assert.StartsWith("c.yaml(1,", error.ToString());
    }

    [Fact]
    public void A_section_needs_files_and_known_keys()
    {
        var ex = Assert.Throws<RuleLoadException>(() => LintConfiguration.Parse("sections:\n  - accept: [x]\n    colour: red\n", "c.yaml"));
        Assert.Contains(ex.Errors, e => e.Message.Contains("needs 'files'"));
        Assert.Contains(ex.Errors, e => e.Line == 3 && e.Message.Contains("unknown key 'colour' in a section"));
    }

    [Fact]
    public void Empty_file_is_an_empty_configuration()
    {
        var configuration = LintConfiguration.Parse(string.Empty, "c.yaml");
        Assert.Equal(new[] { LintConfiguration.DefaultPacks }, configuration.Packs);
    }

    [Fact]
    public void Pack_paths_are_relative_to_the_configuration_file()
    {
        var configuration = LintConfiguration.Parse("packs: [default, house/style.yaml]\n", Path.Combine(_root, ".mediarules.yaml"));
        Assert.Equal(new[] { "default", Path.Combine(_root, "house", "style.yaml") }, configuration.Packs);
    }

    private static AnalysisResult Lint(string text) => TestSupport.Default.Analyze(SourceText.From(text), "story.txt");

    [Fact]
    public void Severity_by_category_then_by_id_then_minimum()
    {
        const string Text = "The minister reportedly claimed that the terrorists fled.";
        var configuration = LintConfiguration.Parse(
            "severity:\n  attribution: error\n  MR1003: suggestion\n  terminology: none\nminimum-severity: warning\n",
            Path.Combine(_root, ".mediarules.yaml"));
        var before = Lint(Text).Diagnostics;
        Assert.Contains(before, d => d.Id == "MR1003");
        Assert.Contains(before, d => d.Id == "MR2002");

        var after = configuration.Apply(Lint(Text), Path.Combine(_root, "story.txt")).Diagnostics;
        Assert.Equal(DiagnosticSeverity.Error, Assert.Single(after, d => d.Id == "MR1001").Severity);
        Assert.DoesNotContain(after, d => d.Id == "MR1003"); // suggestion < minimum warning
        Assert.DoesNotContain(after, d => d.Descriptor.Category == DiagnosticCategory.Terminology);
    }

    [Fact]
    public void Accepted_words_are_never_flagged()
    {
        var configuration = LintConfiguration.Parse("accept: [Israeli Occupation Forces]\n", Path.Combine(_root, ".mediarules.yaml"));
        var after = configuration.Apply(Lint("The Israeli Occupation Forces withdrew. The minister reportedly resigned."), "story.txt").Diagnostics;
        Assert.DoesNotContain(after, d => d.Id == "MR2006");
        Assert.Contains(after, d => d.Id == "MR1001");
    }

    [Fact]
    public void Sections_apply_to_the_files_their_glob_matches()
    {
        var path = Path.Combine(_root, ".mediarules.yaml");
        var configuration = LintConfiguration.Parse(
            "sections:\n  - files: opinion/**/*.md\n    severity: {attribution: none}\n  - files: '*.txt'\n    accept: [reportedly]\n",
            path);
        const string Text = "The minister reportedly resigned.";
        Assert.Empty(configuration.Apply(Lint(Text), Path.Combine(_root, "opinion", "2026", "column.md")).Diagnostics);
        Assert.Empty(configuration.Apply(Lint(Text), Path.Combine(_root, "news", "story.txt")).Diagnostics);
        Assert.NotEmpty(configuration.Apply(Lint(Text), Path.Combine(_root, "news", "story.md")).Diagnostics);
    }

    [Fact]
    public void Load_names_an_unreadable_file()
    {
        var ex = Assert.Throws<RuleLoadException>(() => LintConfiguration.Load(Path.Combine(_root, "missing.yaml")));
        Assert.Contains("cannot read the configuration file", Assert.Single(ex.Errors).Message);
    }

    private sealed class ThrowingKind : MediaRules.Rules.IRuleKind
    {
        public string Name => "throws";

        public MediaRules.Rules.IRule Create(MediaRules.Rules.RuleDefinition definition) => new Rule(definition.ToDescriptor());

        private sealed class Rule(DiagnosticDescriptor descriptor) : MediaRules.Rules.IRule
        {
            public DiagnosticDescriptor Descriptor { get; } = descriptor;

            public void Analyze(MediaRules.Rules.RuleContext context) => throw new InvalidOperationException("boom");
        }
    }

    [Fact]
    public void Engine_diagnostics_are_kept_whatever_the_configuration()
    {
        var linter = new LinterBuilder().AddRuleKind(new ThrowingKind())
            .AddRules("rules:\n  - {id: MR2990, title: Throws, kind: throws, message: x}\n", "t.yaml").Build();
        var configuration = LintConfiguration.Parse("severity: {MR9003: none}\naccept: [minister]\n", "c.yaml");
        var result = configuration.Apply(linter.Analyze(SourceText.From("The minister resigned.")), "story.txt");
        Assert.Equal("MR9003", Assert.Single(result.Diagnostics).Id);
    }
}

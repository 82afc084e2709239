using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MediaRules.Analysis;
using MediaRules.Diagnostics;
using MediaRules.Rules;
using MediaRules.Text;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace MediaRules.Tests.Analysis;

public class LinterTests
{
    /// <summary>A host's own rule kind: flags every number longer than a configured number of digits.</summary>
    private sealed class LongNumberKind : IRuleKind
    {
        public string Name => "long-number";

        public IRule Create(RuleDefinition definition)
        {
            if (!definition.Options.TryGetValue("digits", out var digits) || !int.TryParse(digits, out var n) || n < 1)
            {
                throw new RuleDefinitionException("options", "long-number needs options: {digits: N}");
            }

            return new Rule(definition.ToDescriptor(), n);
        }

        private sealed class Rule(DiagnosticDescriptor descriptor, int digits) : IRule
        {
            public DiagnosticDescriptor Descriptor { get; } = descriptor;

            public void Analyze(RuleContext context)
            {
                foreach (var token in context.Document.Tokens)
                {
                    var chars = context.Text.AsSpan(token.Span);
                    if (chars.Length > digits && chars.ToArray().All(char.IsDigit))
                    {
                        context.Report(token.Span);
                    }
                }
            }
        }
    }

    private const string LongNumberPack = """
        rules:
          - id: MR1999
            title: Long number
            kind: long-number
            message: "Number {match} is long"
            options: {digits: "4"}
        """;

    [Fact]
    public void Host_adds_its_own_kind_through_DI_and_a_yaml_pack_uses_it()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IRuleKind, LongNumberKind>();
        services.AddMediaRules(b => b.AddRules(LongNumberPack, "host.yaml"));
        using var provider = services.BuildServiceProvider();

        var linter = provider.GetRequiredService<Linter>();
        var result = linter.Analyze(SourceText.From("In 2023 some 123456 people moved."));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("MR1999", diagnostic.Id);
        Assert.Equal("Number 123456 is long", diagnostic.Message);
        Assert.Equal(new TextSpan(13, 6), diagnostic.Location.SourceSpan);
        Assert.Same(linter, provider.GetRequiredService<Linter>());
    }

    [Fact]
    public void DI_without_configuration_loads_the_default_packs()
    {
        using var provider = new ServiceCollection().AddMediaRules().BuildServiceProvider();
        var linter = provider.GetRequiredService<Linter>();
        Assert.Equal(Linter.CreateDefault().Rules.Select(r => r.Id), linter.Rules.Select(r => r.Id));
    }

    [Fact]
    public void Custom_kind_errors_point_at_the_key()
    {
        var ex = Assert.Throws<RuleLoadException>(() => new LinterBuilder().AddRuleKind(new LongNumberKind())
            .AddRules(LongNumberPack.Replace("digits: \"4\"", "width: \"4\""), "host.yaml").Build());
        var error = Assert.Single(ex.Errors);
        Assert.Equal(6, error.Line);
        Assert.Contains("long-number needs options", error.Message);
    }

    private sealed class ThrowingKind : IRuleKind
    {
        public string Name => "throws";

        public IRule Create(RuleDefinition definition) => new Rule(definition.ToDescriptor());

        private sealed class Rule(DiagnosticDescriptor descriptor) : IRule
        {
            public DiagnosticDescriptor Descriptor { get; } = descriptor;

            public void Analyze(RuleContext context)
            {
                context.Report(new TextSpan(0, 1));
                throw new InvalidOperationException("boom");
            }
        }
    }

    [Fact]
    public void A_rule_that_throws_becomes_MR9003_and_the_others_still_run()
    {
        var linter = new LinterBuilder().AddRuleKind(new ThrowingKind()).AddDefaultRules()
            .AddRules("rules:\n  - {id: MR2990, title: Throws, kind: throws, message: x}\n", "t.yaml").Build();

        var result = linter.Analyze(SourceText.From("The minister reportedly resigned."), "a.txt");

        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "MR2990");
        var failure = Assert.Single(result.Diagnostics, d => d.Id == "MR9003");
        Assert.Contains("MR2990", failure.Message);
        Assert.Contains("boom", failure.Message);
        Assert.Contains(result.Diagnostics, d => d.Id == "MR1001");
    }

    [Fact]
    public void One_linter_gives_the_same_results_from_many_threads()
    {
        var texts = Enumerable.Range(0, 64).Select(i => TestSupport.SeedText.Substring(0, 500 + (i * 73 % 4000))).ToArray();
        var linter = TestSupport.Default;
        var sequential = texts.Select(t => Render(linter.Analyze(SourceText.From(t)).Diagnostics)).ToArray();
        var parallel = new string[texts.Length];
        Parallel.For(0, texts.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => parallel[i] = Render(linter.Analyze(SourceText.From(texts[i])).Diagnostics));
        Assert.Equal(sequential, parallel);
        Assert.Contains(sequential, s => s.Length > 0);
    }

    [Fact]
    public void Diagnostics_come_in_document_order_with_line_positions()
    {
        var result = TestSupport.Default.Analyze(SourceText.From("Line one.\r\nThe minister reportedly resigned.\n"), "x.txt");
        var d = Assert.Single(result.Diagnostics, d => d.Id == "MR1001");
        Assert.Equal(new LinePosition(1, 13), d.Location.LineSpan.Start);
        Assert.Equal(new LinePosition(1, 23), d.Location.LineSpan.End);
        Assert.Equal("x.txt", d.Location.Path);
        Assert.Equal("x.txt(2,14): warning MR1001: " + d.Message, d.ToString());
    }

    [Fact]
    public void Suggestion_becomes_a_fix_that_keeps_capitalisation()
    {
        var result = TestSupport.Default.Analyze(SourceText.From("Butchered bodies lay in the street. Militants butchered them."));
        var fixes = result.Diagnostics.Where(d => d.Id == "MR2016").Select(d => d.Fix!.Changes.Single().NewText).ToList();
        Assert.Equal(new[] { "Killed", "killed" }, fixes);
    }

    [Fact]
    public void Anonymous_source_whose_anonymity_is_explained_is_a_suggestion()
    {
        var explained = TestSupport.Default.Analyze(SourceText.From("Sources said the deal was close, speaking because they were not authorized to discuss it."));
        var bare = TestSupport.Default.Analyze(SourceText.From("Sources said the deal was close."));
        Assert.Equal(DiagnosticSeverity.Suggestion, Assert.Single(explained.Diagnostics, d => d.Id == "MR1002").Severity);
        Assert.Equal(DiagnosticSeverity.Warning, Assert.Single(bare.Diagnostics, d => d.Id == "MR1002").Severity);
    }

    [Theory]
    [InlineData("At least 30 people were killed in the strike.", true)]
    [InlineData("At least 30 people were killed in the strike, the ministry said.", false)]
    [InlineData("The ministry published its count. At least 30 people were killed in the strike, it said.", false)]
    [InlineData("The ministry published its count on Monday. At least 30 people were killed in the strike.", true)]
    [InlineData("At least 30 people were reportedly killed in the strike.", true)]
    public void Figures_need_a_source_in_their_sentence_or_next_to_it(string text, bool flagged)
    {
        var found = TestSupport.Default.Analyze(SourceText.From(text)).Diagnostics.Any(d => d.Id == "MR1005");
        Assert.Equal(flagged, found);
    }

    private static string Render(IReadOnlyList<Diagnostic> diagnostics) => string.Join("\n", diagnostics.Select(d => d.ToString()));
}

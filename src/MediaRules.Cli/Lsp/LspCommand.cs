using System;
using System.CommandLine;
using System.IO;
using MediaRules.Analysis;
using MediaRules.Cli.Commands;

namespace MediaRules.Cli.Lsp;

/// <summary><c>mediarules lsp [--rules FILE|DIR]... [--no-default-rules] [--config FILE]</c>: a language server over standard input and output.</summary>
internal sealed class LspCommand
{
    private readonly TextWriter _stderr;
    private readonly RuleOptions _ruleOptions = new();

    private readonly Option<string> _config = new("--config")
    {
        Description = "Use this configuration file for every document instead of the nearest .mediarules.yaml above each file.",
        HelpName = "FILE",
    };

    public LspCommand(TextWriter stderr)
    {
        _stderr = stderr;
        Command = new Command("lsp", "Run a Language Server Protocol server over standard input and output, for editors: diagnostics as you type, quick fixes, explanations on hover.");
        _ruleOptions.AddTo(Command);
        Command.Options.Add(_config);
        Command.SetAction(Execute);
    }

    public Command Command { get; }

    private int Execute(ParseResult parseResult)
    {
        var config = parseResult.GetValue(_config);
        if (config is not null && !File.Exists(config))
        {
            _stderr.Write($"{config}(0,0): error {EngineDiagnostics.InvalidRuleFile.Id}: the configuration file does not exist\n");
            return ExitCodes.Usage;
        }

        var rules = new LspRules(
            (packs, errors) => _ruleOptions.BuildLinter(parseResult, errors, packs),
            parseResult.GetValue(_ruleOptions.Rules) ?? [],
            parseResult.GetValue(_ruleOptions.NoDefaultRules),
            config);
        using var input = Console.OpenStandardInput();
        using var output = Console.OpenStandardOutput();
        using var server = new LspServer(rules, _stderr);
        return server.RunAsync(input, output).GetAwaiter().GetResult();
    }
}

using System.CommandLine;
using System.IO;
using MediaRules.Analysis;

namespace MediaRules.Cli.Commands;

/// <summary>The options that choose the rules (<c>--rules</c>, <c>--no-default-rules</c>) and the linter they build.</summary>
internal sealed class RuleOptions
{
    public Option<string[]> Rules { get; } = new("--rules", "-r")
    {
        Description = "A rule pack file, or a folder of .yaml/.yml packs (repeatable). Adds to the default packs unless --no-default-rules.",
        AllowMultipleArgumentsPerToken = false,
        HelpName = "FILE|DIR",
    };

    public Option<bool> NoDefaultRules { get; } = new("--no-default-rules")
    {
        Description = "Do not load the default packs that ship with MediaRules.",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Rules);
        command.Options.Add(NoDefaultRules);
    }

    /// <summary>Builds the linter; on a rule-file error prints every error (file, line, column) and returns null.</summary>
    public Linter? BuildLinter(ParseResult parseResult, TextWriter stderr)
    {
        try
        {
            var builder = new LinterBuilder();
            if (!parseResult.GetValue(NoDefaultRules))
            {
                builder.AddDefaultRules();
            }

            foreach (var path in parseResult.GetValue(Rules) ?? [])
            {
                if (!File.Exists(path) && !Directory.Exists(path))
                {
                    stderr.Write($"{path}(0,0): error {EngineDiagnostics.InvalidRuleFile.Id}: the rule pack does not exist\n");
                    return null;
                }

                builder.AddRulesFile(path);
            }

            return builder.Build();
        }
        catch (RuleLoadException ex)
        {
            foreach (var error in ex.Errors)
            {
                stderr.Write(error.ToString());
                stderr.Write('\n');
            }

            if (ex.Errors.Count == 0)
            {
                stderr.Write($"error {EngineDiagnostics.InvalidRuleFile.Id}: {ex.Message}\n");
            }

            return null;
        }
    }
}

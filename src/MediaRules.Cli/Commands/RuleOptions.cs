using System.CommandLine;
using System.IO;
using System.Collections.Generic;
using MediaRules.Analysis;
using MediaRules.Configuration;

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
    public Linter? BuildLinter(ParseResult parseResult, TextWriter stderr) =>
        BuildLinter(parseResult, stderr, parseResult.GetValue(NoDefaultRules) ? [] : [LintConfiguration.DefaultPacks]);

    /// <summary>
    /// Builds a linter from <paramref name="packs"/> (<see cref="LintConfiguration.DefaultPacks"/> or pack paths, as a
    /// configuration lists them) plus the <c>--rules</c> packs; on an error prints it and returns null.
    /// </summary>
    public Linter? BuildLinter(ParseResult parseResult, TextWriter stderr, IReadOnlyList<string> packs)
    {
        try
        {
            var builder = new LinterBuilder();
            foreach (var pack in packs)
            {
                if (pack == LintConfiguration.DefaultPacks)
                {
                    builder.AddDefaultRules();
                }
                else if (!AddPack(builder, pack, stderr))
                {
                    return null;
                }
            }

            foreach (var path in parseResult.GetValue(Rules) ?? [])
            {
                if (!AddPack(builder, path, stderr))
                {
                    return null;
                }
            }

            return builder.Build();
        }
        catch (RuleLoadException ex)
        {
            PrintErrors(ex, stderr);
            return null;
        }
    }

    /// <summary>Prints every error of a pack or configuration file as <c>file(line,col): error MR9001: message</c>.</summary>
    public static void PrintErrors(RuleLoadException ex, TextWriter stderr)
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
    }

    private static bool AddPack(LinterBuilder builder, string path, TextWriter stderr)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            stderr.Write($"{path}(0,0): error {EngineDiagnostics.InvalidRuleFile.Id}: the rule pack does not exist\n");
            return false;
        }

        builder.AddRulesFile(path);
        return true;
    }
}

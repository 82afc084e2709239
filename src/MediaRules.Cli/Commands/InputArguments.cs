using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;

namespace MediaRules.Cli.Commands;

/// <summary>The inputs of the commands that read files (<c>lint</c>, <c>fix</c>): <c>PATH...</c> and <c>--config</c>.</summary>
internal sealed class InputArguments
{
    public InputArguments()
    {
        Paths.Validators.Add(result =>
        {
            // An unknown option lands among the paths; call it what it is (a file named like an option still works).
            foreach (var token in result.Tokens)
            {
                if (token.Value.Length > 1 && token.Value[0] == '-' && !File.Exists(token.Value) && !Directory.Exists(token.Value))
                {
                    result.AddError($"Unrecognized option '{token.Value}'.");
                }
            }
        });
    }

    public Argument<string[]> Paths { get; } = new("paths")
    {
        Description = "Files, or folders searched recursively for .txt, .md, .markdown, .html and .htm files.",
        Arity = ArgumentArity.OneOrMore,
        HelpName = "PATH",
    };

    public Option<string> Config { get; } = new("--config")
    {
        Description = "Use this configuration file for every input instead of the nearest .mediarules.yaml above each file.",
        HelpName = "FILE",
    };

    public void AddTo(Command command)
    {
        command.Arguments.Add(Paths);
        command.Options.Add(Config);
    }

    /// <summary>The paths given; null after reporting those that do not exist (a usage error).</summary>
    public IReadOnlyList<string>? ExistingPaths(ParseResult parseResult, TextWriter stderr)
    {
        var paths = parseResult.GetValue(Paths) ?? [];
        var missing = paths.Where(p => !File.Exists(p) && !Directory.Exists(p)).ToList();
        foreach (var path in missing)
        {
            stderr.Write($"mediarules: error: the path '{path}' does not exist\n");
        }

        return missing.Count == 0 ? paths : null;
    }
}

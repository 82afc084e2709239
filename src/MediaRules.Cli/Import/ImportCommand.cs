using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using MediaRules.Analysis;

namespace MediaRules.Cli.Import;

/// <summary><c>mediarules rules import --from prh|vale FILE... [--output PACK.yaml] [--id-start MR2800]</c>.</summary>
internal sealed class ImportCommand
{
    /// <summary>The first id of a prh import: imported terminology rules count up from MR2800.</summary>
    public const int PrhFirstId = 2800;

    /// <summary>The first id of a Vale import, MR2900, so a prh and a Vale pack load together.</summary>
    public const int ValeFirstId = 2900;

    private readonly TextWriter _stdout;
    private readonly TextWriter _stderr;

    private readonly Option<string> _from = new("--from")
    {
        Description = "The source format: prh (textlint-rule-prh YAML) or vale (Vale substitution/existence rules).",
        Required = true,
        HelpName = "prh|vale",
    };

    private readonly Argument<string[]> _files = new("files")
    {
        Description = "The dictionary or rule files to convert.",
        Arity = ArgumentArity.OneOrMore,
        HelpName = "FILE",
    };

    private readonly Option<string?> _output = new("--output", "-o")
    {
        Description = "Write the pack to this file (atomically) instead of the standard output.",
        HelpName = "PACK.yaml",
    };

    private readonly Option<string?> _idStart = new("--id-start")
    {
        Description = "The first rule id (default MR2800 for prh, MR2900 for vale); ids count up from it.",
        HelpName = "MRnnnn",
    };

    public ImportCommand(TextWriter stdout, TextWriter stderr)
    {
        _stdout = stdout;
        _stderr = stderr;
        _from.AcceptOnlyFromAmong("prh", "vale");
        Command = new Command("import", "Convert a prh dictionary or Vale substitution/existence rules into a MediaRules pack.");
        Command.Arguments.Add(_files);
        Command.Options.Add(_from);
        Command.Options.Add(_output);
        Command.Options.Add(_idStart);
        Command.SetAction(Run);
    }

    public Command Command { get; }

    private int Run(ParseResult parseResult)
    {
        var from = parseResult.GetValue(_from) ?? "prh";
        var files = parseResult.GetValue(_files) ?? [];
        var firstId = from == "prh" ? PrhFirstId : ValeFirstId;
        var idStart = parseResult.GetValue(_idStart);
        if (idStart is not null)
        {
            var m = Regex.Match(idStart.Trim(), "^(?:MR)?([1-4][0-9]{3})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            if (!m.Success)
            {
                return Fail($"--id-start '{idStart}' is not a rule id MR1000–MR4999");
            }

            firstId = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        }

        var rules = new List<ImportedRule>();
        var log = new ImportLog();
        try
        {
            foreach (var file in files)
            {
                if (from == "prh")
                {
                    PrhImporter.Import(file, rules, log);
                }
                else
                {
                    ValeImporter.Import(file, rules, log);
                }
            }
        }
        catch (ImportException ex)
        {
            return Fail(ex.Message);
        }

        var lastId = firstId + rules.Count - 1;
        if (rules.Count > 0 && (lastId / 1000 != firstId / 1000))
        {
            return Fail($"{rules.Count} rules from MR{firstId} would leave the category of the first id (past MR{(firstId / 1000) + 1}000); choose a lower --id-start");
        }

        var pack = PackWriter.Write(
            "imported-" + from,
            $"Imported from {(from == "prh" ? "prh" : "Vale")}: {string.Join(", ", files.Select(Path.GetFileName))}.",
            rules,
            firstId);

        // The pack must load as written; a failure here is an importer bug, reported rather than written.
        try
        {
            new LinterBuilder().AddRules(pack, "imported pack").Build();
        }
        catch (RuleLoadException ex)
        {
            return Fail("the converted pack does not load: " + ex.Message);
        }

        try
        {
            using var output = OutputTarget.Open(parseResult.GetValue(_output), _stdout);
            output.Writer.Write(pack);
            output.Commit();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Fail($"cannot write '{parseResult.GetValue(_output)}': {ex.Message}");
        }

        for (var i = 0; i < log.Converted.Count; i++)
        {
            _stderr.Write($"converted: {log.Converted[i]}\n");
        }

        foreach (var line in log.NotConverted)
        {
            _stderr.Write($"not converted: {line}\n");
        }

        _stderr.Write(string.Create(CultureInfo.InvariantCulture, $"mediarules: imported {rules.Count} rule(s) as MR{firstId:D4}–MR{Math.Max(firstId, lastId):D4}; {log.NotConverted.Count} item(s) not converted\n"));
        _stderr.Flush();
        return log.NotConverted.Count == 0 ? ExitCodes.Success : ExitCodes.Errors;
    }

    private int Fail(string message)
    {
        _stderr.Write($"mediarules: error: {message}\n");
        _stderr.Flush();
        return ExitCodes.Usage;
    }
}

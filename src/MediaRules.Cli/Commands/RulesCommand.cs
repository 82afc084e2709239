using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using MediaRules.Cli.Import;
using MediaRules.Diagnostics;
using MediaRules.Formatting;

namespace MediaRules.Cli.Commands;

/// <summary><c>mediarules rules list</c>, <c>mediarules rules explain ID</c> and <c>mediarules rules import</c>.</summary>
internal sealed class RulesCommand
{
    private static readonly string[] Header = ["ID", "CATEGORY", "SEVERITY", "TITLE"];

    private readonly TextWriter _stdout;
    private readonly TextWriter _stderr;
    private readonly RuleOptions _listRules = new();
    private readonly RuleOptions _explainRules = new();

    private readonly Option<string> _format = new("--format", "-f")
    {
        Description = "The output format: text or json.",
        DefaultValueFactory = _ => "text",
        HelpName = "text|json",
    };

    private readonly Argument<string> _id = new("id")
    {
        Description = "The rule id, for example MR1001.",
        HelpName = "ID",
    };

    public RulesCommand(TextWriter stdout, TextWriter stderr)
    {
        _stdout = stdout;
        _stderr = stderr;
        _format.AcceptOnlyFromAmong("text", "json");

        var list = new Command("list", "List the rules: id, category, default severity and title.");
        _listRules.AddTo(list);
        list.Options.Add(_format);
        list.SetAction(List);

        var explain = new Command("explain", "Explain a rule: what it flags, why, the guidance it cites and its examples.");
        explain.Arguments.Add(_id);
        _explainRules.AddTo(explain);
        explain.SetAction(Explain);

        Command = new Command("rules", "List, explain and import rules.");
        Command.Subcommands.Add(list);
        Command.Subcommands.Add(explain);
        Command.Subcommands.Add(new ImportCommand(stdout, stderr).Command);
    }

    public Command Command { get; }

    private int List(ParseResult parseResult)
    {
        var linter = _listRules.BuildLinter(parseResult, _stderr);
        if (linter is null)
        {
            return ExitCodes.Usage;
        }

        if (parseResult.GetValue(_format) == "json")
        {
            WriteJson(linter.Descriptors);
        }
        else
        {
            WriteTable(linter.Descriptors);
        }

        _stdout.Flush();
        return ExitCodes.Success;
    }

    private void WriteJson(IReadOnlyList<DiagnosticDescriptor> rules)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("rules");
            foreach (var rule in rules)
            {
                JsonResultFormatter.WriteRule(writer, rule);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        _stdout.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        _stdout.Write('\n');
    }

    private void WriteTable(IReadOnlyList<DiagnosticDescriptor> rules)
    {
        var rows = new List<string[]> { Header };
        rows.AddRange(rules.Select(r => new[] { r.Id, r.Category, SeverityWord(r.DefaultSeverity), r.Title }));
        var widths = Enumerable.Range(0, 3).Select(i => rows.Max(r => r[i].Length)).ToArray();
        foreach (var row in rows)
        {
            var line = new StringBuilder();
            for (var i = 0; i < 3; i++)
            {
                line.Append(row[i].PadRight(widths[i] + 2));
            }

            line.Append(row[3]);
            _stdout.Write(line.ToString().TrimEnd());
            _stdout.Write('\n');
        }

        _stdout.Write(rules.Count == 1 ? "1 rule\n" : $"{rules.Count} rules\n");
    }

    private int Explain(ParseResult parseResult)
    {
        var id = (parseResult.GetValue(_id) ?? string.Empty).Trim();
        var linter = _explainRules.BuildLinter(parseResult, _stderr);
        if (linter is null)
        {
            return ExitCodes.Usage;
        }

        var explanation = RuleExplanation.Find(linter, id);
        if (explanation is null)
        {
            _stderr.Write($"mediarules: error: no rule '{id}' is loaded (see 'mediarules rules list')\n");
            return ExitCodes.Usage;
        }

        _stdout.Write(explanation.ToText());
        _stdout.Flush();
        return ExitCodes.Success;
    }

    private static string SeverityWord(DiagnosticSeverity severity) => RuleExplanation.SeverityWord(severity);
}

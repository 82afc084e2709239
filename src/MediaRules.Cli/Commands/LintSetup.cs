using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using MediaRules.Analysis;
using MediaRules.Configuration;
using MediaRules.Diagnostics;
using MediaRules.Text;

namespace MediaRules.Cli.Commands;

/// <summary>
/// What applies to each input file: the configuration (<c>--config</c>, else the nearest <c>.mediarules.yaml</c>
/// above the file, else none) and the linter its packs make, with <c>--rules</c> and <c>--no-default-rules</c> on
/// top. Every configuration and linter is loaded before any file is linted, so a bad one stops the run (exit 2)
/// before output starts. Linters are shared between files whose configurations name the same packs.
/// </summary>
internal sealed class LintSetup
{
    private readonly Dictionary<string, (Linter Linter, LintConfiguration Configuration)> _byFile;
    private readonly (Linter Linter, LintConfiguration Configuration) _fallback;

    private LintSetup(Dictionary<string, (Linter, LintConfiguration)> byFile, (Linter, LintConfiguration) fallback, IReadOnlyList<DiagnosticDescriptor> descriptors)
    {
        _byFile = byFile;
        _fallback = fallback;
        Descriptors = descriptors;
    }

    /// <summary>Every rule of every linter in use, by id (for the formatters' rule tables).</summary>
    public IReadOnlyList<DiagnosticDescriptor> Descriptors { get; }

    /// <summary>A setup with one linter and no configuration.</summary>
    public static LintSetup For(Linter linter) =>
        new(new Dictionary<string, (Linter, LintConfiguration)>(StringComparer.Ordinal), (linter, LintConfiguration.Empty), linter.Descriptors);

    /// <summary>Loads the configurations and linters for <paramref name="files"/>; on an error prints it (file, line, column) and returns null.</summary>
    public static LintSetup? Create(ParseResult parseResult, RuleOptions options, Option<string> configOption, IReadOnlyList<string> files, TextWriter stderr)
    {
        try
        {
            var explicitPath = parseResult.GetValue(configOption);
            var configurations = new Dictionary<string, LintConfiguration>(StringComparer.Ordinal);
            LintConfiguration Load(string? path)
            {
                if (path is null)
                {
                    return LintConfiguration.Empty;
                }

                if (!configurations.TryGetValue(path, out var configuration))
                {
                    configurations[path] = configuration = LintConfiguration.Load(path);
                }

                return configuration;
            }

            if (explicitPath is not null && !File.Exists(explicitPath))
            {
                stderr.Write($"{explicitPath}(0,0): error {EngineDiagnostics.InvalidRuleFile.Id}: the configuration file does not exist\n");
                return null;
            }

            var linters = new Dictionary<string, Linter>(StringComparer.Ordinal);
            Linter? LinterFor(LintConfiguration configuration)
            {
                var packs = configuration.Packs.Where(p => p != LintConfiguration.DefaultPacks || !parseResult.GetValue(options.NoDefaultRules)).ToList();
                var key = string.Join("\n", packs);
                if (!linters.TryGetValue(key, out var linter))
                {
                    linter = options.BuildLinter(parseResult, stderr, packs);
                    if (linter is null)
                    {
                        return null;
                    }

                    linters[key] = linter;
                }

                return linter;
            }

            var byDirectory = new Dictionary<string, string?>(StringComparer.Ordinal);
            var byFile = new Dictionary<string, (Linter, LintConfiguration)>(StringComparer.Ordinal);
            var fallbackConfiguration = Load(explicitPath);
            var fallbackLinter = LinterFor(fallbackConfiguration);
            if (fallbackLinter is null)
            {
                return null;
            }

            foreach (var file in files)
            {
                var configuration = fallbackConfiguration;
                if (explicitPath is null)
                {
                    var directory = Path.GetDirectoryName(Path.GetFullPath(file)) ?? string.Empty;
                    if (!byDirectory.TryGetValue(directory, out var found))
                    {
                        byDirectory[directory] = found = LintConfiguration.FindFor(file);
                    }

                    configuration = Load(found);
                }

                var linter = LinterFor(configuration);
                if (linter is null)
                {
                    return null;
                }

                byFile[file] = (linter, configuration);
            }

            var descriptors = linters.Values.SelectMany(l => l.Descriptors)
                .GroupBy(d => d.Id, StringComparer.Ordinal).Select(g => g.First())
                .OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
            return new LintSetup(byFile, (fallbackLinter, fallbackConfiguration), descriptors);
        }
        catch (RuleLoadException ex)
        {
            RuleOptions.PrintErrors(ex, stderr);
            return null;
        }
    }

    /// <summary>
    /// Analyses one input's decoded text: the prose of its format, the inline suppressions it writes, then its
    /// configuration (severities, accepted words, minimum severity).
    /// </summary>
    public AnalysisResult Analyze(string path, SourceText text)
    {
        var (linter, configuration) = _byFile.TryGetValue(path, out var found) ? found : _fallback;
        return configuration.Apply(LintCommand.AnalyzeText(linter, path, text), path);
    }
}

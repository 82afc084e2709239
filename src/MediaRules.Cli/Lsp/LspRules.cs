using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using MediaRules.Analysis;
using MediaRules.Cli.Commands;
using MediaRules.Configuration;

namespace MediaRules.Cli.Lsp;

/// <summary>The rules and configuration for one document: the linter (shared by every document whose packs are the same, named by <see cref="Key"/>) and the configuration.</summary>
internal sealed record RuleChoice(string Key, Linter Linter, LintConfiguration Configuration);

/// <summary>
/// Chooses the rules and configuration for each document as <c>mediarules lint</c> does — <c>--config</c>, else the
/// nearest <c>.mediarules.yaml</c> above the file, else none; the packs it names plus <c>--rules</c>, without the
/// default packs under <c>--no-default-rules</c> — and keeps them loaded between edits. <see cref="Invalidate"/> drops
/// them after a file changed; a configuration or pack that then fails to load is reported (file, line, column) and
/// its last good version stays in use.
/// </summary>
internal sealed class LspRules
{
    private readonly Func<IReadOnlyList<string>, TextWriter, Linter?> _buildLinter;
    private readonly bool _noDefaultRules;
    private readonly string? _explicitConfig;
    private readonly IReadOnlyList<string> _rulePaths;
    private readonly Dictionary<string, LintConfiguration> _configurations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LintConfiguration> _lastGoodConfigurations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Linter> _linters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Linter> _lastGoodLinters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _nearestByDirectory = new(StringComparer.Ordinal);

    /// <param name="buildLinter">Builds the linter of a list of packs (<see cref="LintConfiguration.DefaultPacks"/> or paths) plus the <c>--rules</c> packs; writes errors and returns null when one does not load.</param>
    /// <param name="rulePaths">The <c>--rules</c> paths (files or folders), watched for changes.</param>
    /// <param name="noDefaultRules">Whether <c>--no-default-rules</c> was given.</param>
    /// <param name="explicitConfig">The <c>--config</c> file, or null.</param>
    public LspRules(Func<IReadOnlyList<string>, TextWriter, Linter?> buildLinter, IReadOnlyList<string> rulePaths, bool noDefaultRules, string? explicitConfig)
    {
        _buildLinter = buildLinter;
        _rulePaths = rulePaths.Select(Path.GetFullPath).ToList();
        _noDefaultRules = noDefaultRules;
        _explicitConfig = explicitConfig is null ? null : Path.GetFullPath(explicitConfig);
    }

    /// <summary>The rules and configuration for a document (its file path, or null for a document that is not a file); load errors are added to <paramref name="errors"/>.</summary>
    public RuleChoice For(string? filePath, List<string> errors)
    {
        var configurationPath = ConfigurationPathFor(filePath);
        var configuration = configurationPath is null ? LintConfiguration.Empty : LoadConfiguration(configurationPath, errors);
        var packs = configuration.Packs.Where(p => p != LintConfiguration.DefaultPacks || !_noDefaultRules).ToList();
        var key = string.Join("\n", packs);
        if (!_linters.TryGetValue(key, out var linter))
        {
            using var messages = new StringWriter();
            linter = _buildLinter(packs, messages);
            if (linter is null)
            {
                errors.Add(messages.ToString().TrimEnd());
                linter = _lastGoodLinters.TryGetValue(key, out var lastGood) ? lastGood : Fallback(packs);
            }

            _linters[key] = linter;
            _lastGoodLinters[key] = linter;
        }

        return new RuleChoice(key, linter, configuration);
    }

    /// <summary>
    /// Forgets the loaded configurations (and, when <paramref name="packsChanged"/>, the linters), so that the next
    /// <see cref="For"/> reads them again; the last good ones stay for files that then fail to load.
    /// </summary>
    public void Invalidate(bool packsChanged)
    {
        _nearestByDirectory.Clear();
        _configurations.Clear();
        if (packsChanged)
        {
            _linters.Clear();
        }
    }

    /// <summary>
    /// What the rules in use were read from, with each file's size and time of last change, and the configuration file
    /// that each folder of the documents seen so far would use now. When this changes, a file was edited, added or
    /// removed. Two parts: configuration files and rule packs.
    /// </summary>
    public (string Configurations, string Packs) Fingerprint()
    {
        var configurations = new StringBuilder();
        var configurationFiles = new SortedSet<string>(StringComparer.Ordinal);
        if (_explicitConfig is not null)
        {
            configurationFiles.Add(_explicitConfig);
        }

        foreach (var directory in _nearestByDirectory.Keys.OrderBy(d => d, StringComparer.Ordinal))
        {
            var found = LintConfiguration.FindFor(Path.Combine(directory, "_"));
            configurations.Append(directory).Append(" -> ").Append(found).Append('\n');
            if (found is not null)
            {
                configurationFiles.Add(found);
            }
        }

        foreach (var file in configurationFiles)
        {
            AppendStamp(configurations, file);
        }

        var packFiles = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in _rulePaths.Concat(_configurations.Values.Concat(_lastGoodConfigurations.Values).SelectMany(c => c.Packs).Where(p => p != LintConfiguration.DefaultPacks)))
        {
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Where(IsYaml))
                {
                    packFiles.Add(file);
                }
            }
            else
            {
                packFiles.Add(path);
            }
        }

        var packs = new StringBuilder();
        foreach (var file in packFiles)
        {
            AppendStamp(packs, file);
        }

        return (configurations.ToString(), packs.ToString());
    }

    /// <summary>
    /// The fingerprint to keep after reading rules: the one taken after reading (which also covers files first read
    /// then), unless a file that both fingerprints list changed in between. Then the earlier one, so that the next
    /// check sees the change and reads again: a pack saved while the rules were being read is never taken as read.
    /// </summary>
    /// <param name="before">The fingerprint taken before reading.</param>
    /// <param name="after">The fingerprint taken after reading.</param>
    /// <returns>The fingerprint to compare the next check with.</returns>
    public static (string Configurations, string Packs) Settle((string Configurations, string Packs) before, (string Configurations, string Packs) after) =>
        (ChangedBetween(before.Configurations, after.Configurations) ? before.Configurations : after.Configurations,
         ChangedBetween(before.Packs, after.Packs) ? before.Packs : after.Packs);

    // Whether a file listed in both stamp lists (lines "path|size|time") has a different stamp in the second.
    private static bool ChangedBetween(string before, string after)
    {
        var stamps = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in before.Split('\n'))
        {
            var bar = line.IndexOf('|', StringComparison.Ordinal);
            if (bar > 0)
            {
                stamps[line[..bar]] = line;
            }
        }

        foreach (var line in after.Split('\n'))
        {
            var bar = line.IndexOf('|', StringComparison.Ordinal);
            if (bar > 0 && stamps.TryGetValue(line[..bar], out var earlier) && earlier != line)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The folders whose files the rules in use were read from (for a file-system watcher).</summary>
    public IEnumerable<string> WatchedFolders()
    {
        var folders = new SortedSet<string>(StringComparer.Ordinal);
        void Add(string? folder)
        {
            if (!string.IsNullOrEmpty(folder) && Directory.Exists(folder))
            {
                folders.Add(folder);
            }
        }

        foreach (var path in _rulePaths)
        {
            Add(Directory.Exists(path) ? path : Path.GetDirectoryName(path));
        }

        if (_explicitConfig is not null)
        {
            Add(Path.GetDirectoryName(_explicitConfig));
        }

        foreach (var configuration in _configurations.Values)
        {
            Add(Path.GetDirectoryName(configuration.Path));
            foreach (var pack in configuration.Packs.Where(p => p != LintConfiguration.DefaultPacks))
            {
                Add(Directory.Exists(pack) ? pack : Path.GetDirectoryName(pack));
            }
        }

        return folders;
    }

    /// <summary>Whether a file's name makes it a configuration file or a rule pack.</summary>
    public static bool IsRuleOrConfigurationFile(string path) => IsYaml(path);

    /// <summary>Whether a file is a configuration file (<c>.mediarules.yaml</c>, or the <c>--config</c> file) rather than a rule pack.</summary>
    public bool IsConfigurationFile(string path) =>
        string.Equals(Path.GetFileName(path), LintConfiguration.FileName, StringComparison.Ordinal)
        || (_explicitConfig is not null && string.Equals(Path.GetFullPath(path), _explicitConfig, StringComparison.Ordinal));

    private static bool IsYaml(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    private string? ConfigurationPathFor(string? filePath)
    {
        if (_explicitConfig is not null || filePath is null)
        {
            return _explicitConfig;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(filePath)) ?? string.Empty;
        if (!_nearestByDirectory.TryGetValue(directory, out var found))
        {
            _nearestByDirectory[directory] = found = LintConfiguration.FindFor(filePath);
        }

        return found;
    }

    private LintConfiguration LoadConfiguration(string path, List<string> errors)
    {
        if (_configurations.TryGetValue(path, out var configuration))
        {
            return configuration;
        }

        try
        {
            configuration = LintConfiguration.Load(path);
            _lastGoodConfigurations[path] = configuration;
        }
        catch (RuleLoadException ex)
        {
            using var messages = new StringWriter();
            RuleOptions.PrintErrors(ex, messages);
            errors.Add(messages.ToString().TrimEnd());
            configuration = _lastGoodConfigurations.TryGetValue(path, out var lastGood) ? lastGood : LintConfiguration.Empty;
        }

        _configurations[path] = configuration;
        return configuration;
    }

    // Before any good version: the default packs if the configuration asked for them, else no rules.
    private static Linter Fallback(IReadOnlyList<string> packs)
    {
        var builder = new LinterBuilder();
        if (packs.Contains(LintConfiguration.DefaultPacks))
        {
            builder.AddDefaultRules();
        }

        return builder.Build();
    }

    private static void AppendStamp(StringBuilder text, string file)
    {
        var info = new FileInfo(file);
        text.Append(file).Append('|');
        if (info.Exists)
        {
            text.Append(info.Length).Append('|').Append(info.LastWriteTimeUtc.Ticks);
        }
        else
        {
            text.Append('-');
        }

        text.Append('\n');
    }
}

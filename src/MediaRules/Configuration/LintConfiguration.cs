using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MediaRules.Analysis;
using MediaRules.Diagnostics;
using MediaRules.Matching;

namespace MediaRules.Configuration;

/// <summary>
/// A <c>.mediarules.yaml</c> file: which packs load, the severity of rules and categories, words never flagged,
/// the minimum severity reported, and sections that change these for files matching a glob. Immutable.
/// </summary>
public sealed class LintConfiguration
{
    /// <summary>The file name looked for by <see cref="FindFor"/>.</summary>
    public const string FileName = ".mediarules.yaml";

    /// <summary>The name that stands for the built-in packs in <see cref="Packs"/>.</summary>
    public const string DefaultPacks = "default";

    internal LintConfiguration(string path, IReadOnlyList<string> packs, ConfigurationSection settings, IReadOnlyList<ConfigurationSection> sections)
    {
        Path = path;
        Packs = packs;
        Settings = settings;
        Sections = sections;
    }

    /// <summary>A configuration with no file: the default packs, no changes.</summary>
    public static LintConfiguration Empty { get; } = new(string.Empty, new[] { DefaultPacks }, ConfigurationSection.Empty, Array.Empty<ConfigurationSection>());

    /// <summary>The file this configuration was read from (empty for <see cref="Empty"/>).</summary>
    public string Path { get; }

    /// <summary>The packs to load, in order: <see cref="DefaultPacks"/> or full paths of pack files or folders.</summary>
    public IReadOnlyList<string> Packs { get; }

    /// <summary>The settings for every file.</summary>
    public ConfigurationSection Settings { get; }

    /// <summary>Sections for files matching a glob, in file order; a later matching section wins.</summary>
    public IReadOnlyList<ConfigurationSection> Sections { get; }

    /// <summary>The nearest <c>.mediarules.yaml</c> in the folder of <paramref name="filePath"/> or a folder above it.</summary>
    /// <param name="filePath">An input file.</param>
    /// <returns>The configuration file's full path, or <see langword="null"/> when there is none.</returns>
    public static string? FindFor(string filePath)
    {
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(filePath));
        while (!string.IsNullOrEmpty(directory))
        {
            var candidate = System.IO.Path.Combine(directory, FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }

            directory = System.IO.Path.GetDirectoryName(directory);
        }

        return null;
    }

    /// <summary>Reads a configuration file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="RuleLoadException">The file cannot be read, or has an unknown key or a bad value (with its line and column).</exception>
    public static LintConfiguration Load(string path)
    {
        string yaml;
        try
        {
            yaml = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new RuleLoadException(new[] { new RuleLoadError(path, 0, 0, $"cannot read the configuration file: {ex.Message}") });
        }

        return Parse(yaml, path);
    }

    /// <summary>Reads a configuration from YAML text.</summary>
    /// <param name="yaml">The YAML.</param>
    /// <param name="path">The file it comes from: relative pack paths and globs are resolved against its folder.</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="RuleLoadException">An unknown key or a bad value, with its line and column.</exception>
    public static LintConfiguration Parse(string yaml, string path) => ConfigurationReader.Read(yaml ?? throw new ArgumentNullException(nameof(yaml)), path ?? throw new ArgumentNullException(nameof(path)));

    /// <summary>
    /// Applies the configuration to one document's result: severities by category and by rule id (then those of
    /// matching sections), accepted words, and the minimum severity. Engine diagnostics (MR9xxx) are kept as they are.
    /// </summary>
    /// <param name="result">The result for a file.</param>
    /// <param name="filePath">The file's path (relative to the current folder or absolute), for section globs.</param>
    /// <returns>The result with the configuration applied.</returns>
    public AnalysisResult Apply(AnalysisResult result, string filePath)
    {
        if (result is null)
        {
            throw new ArgumentNullException(nameof(result));
        }

        var applicable = new List<ConfigurationSection> { Settings };
        if (Sections.Count > 0 && filePath is not null && Path.Length > 0)
        {
            var relative = RelativeToConfiguration(filePath);
            applicable.AddRange(Sections.Where(s => s.Matches(relative)));
        }

        var minimum = applicable.Select(s => s.MinimumSeverity).LastOrDefault(s => s.HasValue) ?? DiagnosticSeverity.Silent;
        var accepted = applicable.SelectMany(s => s.Accept).ToArray();
        var kept = new List<Diagnostic>(result.Diagnostics.Count);
        foreach (var diagnostic in result.Diagnostics)
        {
            if (diagnostic.Descriptor.Category == DiagnosticCategory.Engine)
            {
                kept.Add(diagnostic);
                continue;
            }

            var severity = diagnostic.Severity;
            foreach (var section in applicable)
            {
                if (section.Severities.TryGetValue(diagnostic.Descriptor.Category, out var byCategory))
                {
                    severity = byCategory;
                }

                if (section.Severities.TryGetValue(diagnostic.Id, out var byId))
                {
                    severity = byId;
                }
            }

            if (severity == DiagnosticSeverity.None || severity < minimum || IsAccepted(result, diagnostic, accepted))
            {
                continue;
            }

            kept.Add(diagnostic.WithSeverity(severity));
        }

        return result.WithDiagnostics(kept);
    }

    private string RelativeToConfiguration(string filePath)
    {
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path)) ?? string.Empty;
        var full = System.IO.Path.GetFullPath(filePath);
        var relative = full.StartsWith(folder, StringComparison.Ordinal) ? full.Substring(folder.Length).TrimStart('/', '\\') : full;
        return relative.Replace('\\', '/');
    }

    // An accepted word or phrase that overlaps the finding, within its sentence, stops it.
    private static bool IsAccepted(AnalysisResult result, Diagnostic diagnostic, string[] accepted)
    {
        if (accepted.Length == 0)
        {
            return false;
        }

        var span = diagnostic.Span;
        var context = result.Document.GetSentence(span.Start)?.Span ?? result.Document.GetParagraph(span.Start)?.Span ?? span;
        var chars = result.Text.AsSpan(context);
        foreach (var phrase in accepted)
        {
            for (var at = TextSearch.IndexOfPhrase(chars, phrase); at >= 0; at = TextSearch.IndexOfPhrase(chars, phrase, at + 1))
            {
                if (new Text.TextSpan(context.Start + at, phrase.Length).OverlapsWith(span))
                {
                    return true;
                }
            }
        }

        return false;
    }
}

/// <summary>Settings for every file, or for the files a section's glob matches.</summary>
public sealed class ConfigurationSection
{
    private readonly GlobPattern? _glob;

    internal ConfigurationSection(string? files, IReadOnlyDictionary<string, DiagnosticSeverity> severities, IReadOnlyList<string> accept, DiagnosticSeverity? minimumSeverity)
    {
        Files = files;
        _glob = files is null ? null : new GlobPattern(files);
        Severities = severities;
        Accept = accept;
        MinimumSeverity = minimumSeverity;
    }

    internal static ConfigurationSection Empty { get; } = new(null, new Dictionary<string, DiagnosticSeverity>(), Array.Empty<string>(), null);

    /// <summary>The glob, relative to the configuration file's folder (<c>opinion/**/*.md</c>); null for the file-wide settings.</summary>
    public string? Files { get; }

    /// <summary>Severities by rule id (<c>MR1003</c>) or category (<c>terminology</c>); an id wins over its category.</summary>
    public IReadOnlyDictionary<string, DiagnosticSeverity> Severities { get; }

    /// <summary>Words and phrases never flagged.</summary>
    public IReadOnlyList<string> Accept { get; }

    /// <summary>The least severe diagnostic reported, if set.</summary>
    public DiagnosticSeverity? MinimumSeverity { get; }

    internal bool Matches(string relativePath) => _glob is not null && _glob.IsMatch(relativePath);
}

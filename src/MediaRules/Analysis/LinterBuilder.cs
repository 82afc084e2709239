using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MediaRules.Loading;
using MediaRules.Rules;
using MediaRules.Rules.Kinds;

namespace MediaRules.Analysis;

/// <summary>
/// Collects rule kinds and rule packs, then compiles them once into an immutable <see cref="Linter"/>.
/// Works without dependency injection; <c>services.AddMediaRules()</c> wraps it.
/// </summary>
public sealed class LinterBuilder
{
    private readonly Dictionary<string, IRuleKind> _kinds = new(StringComparer.Ordinal);
    private readonly List<(string Yaml, string Source)> _packs = new();
    private readonly List<RuleDefinition> _definitions = new();

    /// <summary>Creates a builder with the built-in rule kinds registered and no packs.</summary>
    public LinterBuilder()
    {
        foreach (var kind in BuiltInKinds.Create())
        {
            AddRuleKind(kind);
        }
    }

    /// <summary>The rule kinds registered so far, by name.</summary>
    public IReadOnlyCollection<string> RuleKindNames => _kinds.Keys;

    /// <summary>Registers a rule kind; a pack names it in <c>kind:</c>. A kind with the same name as another replaces it.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>This builder.</returns>
    public LinterBuilder AddRuleKind(IRuleKind kind)
    {
        if (kind is null)
        {
            throw new ArgumentNullException(nameof(kind));
        }

        if (string.IsNullOrWhiteSpace(kind.Name))
        {
            throw new ArgumentException("A rule kind needs a name.", nameof(kind));
        }

        _kinds[kind.Name] = kind;
        return this;
    }

    /// <summary>Adds the default packs that ship inside the library (the files of <c>rules/</c>).</summary>
    /// <returns>This builder.</returns>
    public LinterBuilder AddDefaultRules()
    {
        foreach (var (name, yaml) in DefaultRulePacks.Load())
        {
            _packs.Add((yaml, name));
        }

        return this;
    }

    /// <summary>Adds a pack from YAML text.</summary>
    /// <param name="yaml">The pack's YAML.</param>
    /// <param name="sourceName">The name errors and rule sources report (usually the file path).</param>
    /// <returns>This builder.</returns>
    public LinterBuilder AddRules(string yaml, string sourceName)
    {
        _packs.Add((yaml ?? throw new ArgumentNullException(nameof(yaml)), sourceName ?? string.Empty));
        return this;
    }

    /// <summary>Adds a pack file, or every <c>.yaml</c>/<c>.yml</c> file of a folder (recursively, in ordinal order).</summary>
    /// <param name="path">A file or folder path.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="RuleLoadException">The path does not exist or cannot be read.</exception>
    public LinterBuilder AddRulesFile(string path)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        var files = Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToList()
            : new List<string> { path };
        foreach (var file in files)
        {
            string yaml;
            try
            {
                yaml = File.ReadAllText(file);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
            {
                throw new RuleLoadException(new[] { new RuleLoadError(file, 0, 0, $"cannot read the rule file: {ex.Message}") });
            }

            _packs.Add((yaml, file));
        }

        return this;
    }

    /// <summary>Adds a rule defined in code.</summary>
    /// <param name="definition">The rule.</param>
    /// <returns>This builder.</returns>
    public LinterBuilder AddRule(RuleDefinition definition)
    {
        _definitions.Add(definition ?? throw new ArgumentNullException(nameof(definition)));
        return this;
    }

    /// <summary>Reads every pack, checks it, and compiles the rules once.</summary>
    /// <returns>The linter.</returns>
    /// <exception cref="RuleLoadException">A pack is malformed; every error found is listed with file, line and column.</exception>
    public Linter Build()
    {
        var errors = new List<RuleLoadError>();
        var parsed = new List<ParsedRule>();
        foreach (var (yaml, source) in _packs)
        {
            parsed.AddRange(RulePackReader.Read(yaml, source, errors));
        }

        parsed.AddRange(_definitions.Select(d => new ParsedRule(d, null)));

        var compiled = new List<CompiledRule>();
        var seen = new Dictionary<string, RuleDefinition>(StringComparer.Ordinal);
        foreach (var rule in parsed)
        {
            var definition = rule.Definition;
            if (seen.TryGetValue(definition.Id, out var first))
            {
                errors.Add(rule.ErrorAt("id", null, $"duplicate rule id {definition.Id} (first declared in {first.Source}({first.Line},{first.Column}))"));
                continue;
            }

            seen.Add(definition.Id, definition);
            if (!_kinds.TryGetValue(definition.Kind, out var kind))
            {
                errors.Add(rule.ErrorAt("kind", null, $"unknown rule kind '{definition.Kind}' (known: {string.Join(", ", _kinds.Keys.OrderBy(k => k, StringComparer.Ordinal))})"));
                continue;
            }

            try
            {
                compiled.Add(new CompiledRule(definition, kind.Create(definition)));
            }
            catch (RuleDefinitionException ex)
            {
                errors.Add(rule.ErrorAt(ex.Key, ex.Index, ex.Message));
            }
        }

        if (errors.Count > 0)
        {
            throw new RuleLoadException(errors);
        }

        compiled.Sort((a, b) => string.CompareOrdinal(a.Definition.Id, b.Definition.Id));
        return new Linter(compiled);
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using MediaRules.Analysis;
using MediaRules.Diagnostics;
using MediaRules.Rules;

namespace MediaRules.Cli.Commands;

/// <summary>
/// What a rule flags, why, the guidance it cites and its examples: written as text by <c>mediarules rules explain</c>
/// and as Markdown in the language server's hover.
/// </summary>
internal sealed class RuleExplanation
{
    private static readonly DiagnosticDescriptor[] EngineDescriptors =
    [
        EngineDiagnostics.InvalidRuleFile, EngineDiagnostics.InvalidPattern, EngineDiagnostics.RuleFailed, EngineDiagnostics.UnreadableInput,
    ];

    private RuleExplanation(DiagnosticDescriptor descriptor, RuleDefinition? definition)
    {
        Descriptor = descriptor;
        Definition = definition;
    }

    public DiagnosticDescriptor Descriptor { get; }

    /// <summary>The rule's definition; null for an engine diagnostic (MR9xxx).</summary>
    public RuleDefinition? Definition { get; }

    /// <summary>The explanation of a loaded rule or an engine diagnostic (ids compare case-insensitively), or null.</summary>
    public static RuleExplanation? Find(Linter linter, string id)
    {
        ArgumentNullException.ThrowIfNull(linter);
        var definition = linter.Rules.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase));
        var descriptor = definition?.ToDescriptor() ?? EngineDescriptors.FirstOrDefault(d => string.Equals(d.Id, id, StringComparison.OrdinalIgnoreCase));
        return descriptor is null ? null : new RuleExplanation(descriptor, definition);
    }

    /// <summary>The explanation of a finding's rule: the loaded rule's, else what the finding's descriptor says.</summary>
    public static RuleExplanation For(Linter linter, Diagnostic finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return Find(linter, finding.Id) ?? new RuleExplanation(finding.Descriptor, null);
    }

    /// <summary>What the rule flags: its description, or its title.</summary>
    public string WhatItFlags => string.IsNullOrWhiteSpace(Descriptor.Description) ? Descriptor.Title : Descriptor.Description!;

    /// <summary>The text <c>mediarules rules explain</c> prints.</summary>
    public string ToText()
    {
        var descriptor = Descriptor;
        var definition = Definition;
        var text = new StringBuilder();
        text.Append(descriptor.Id).Append(": ").Append(descriptor.Title).Append('\n');
        text.Append("  category:         ").Append(descriptor.Category).Append('\n');
        text.Append("  default severity: ").Append(SeverityWord(descriptor.DefaultSeverity)).Append('\n');
        if (definition is not null)
        {
            text.Append("  kind:             ").Append(definition.Kind).Append('\n');
            if (!string.IsNullOrEmpty(definition.Source))
            {
                text.Append("  declared in:      ").Append(definition.Source);
                if (definition.Line > 0)
                {
                    text.Append('(').Append(definition.Line).Append(',').Append(definition.Column).Append(')');
                }

                text.Append('\n');
            }
        }

        text.Append("\nWhat it flags\n");
        Indent(text, WhatItFlags);
        if (definition is not null)
        {
            if (definition.Terms.Count > 0)
            {
                Indent(text, "Looks for: " + string.Join(", ", definition.Terms.Select(t =>
                    t.Suggestions.Count > 0 ? $"{t.Text} (→ {string.Join(" / ", t.Suggestions)})" : t.Text)));
            }

            if (definition.Patterns.Count > 0)
            {
                Indent(text, "Patterns: " + string.Join("  ", definition.Patterns));
            }

            if (!string.IsNullOrEmpty(definition.Message))
            {
                Indent(text, "Message: " + definition.Message);
            }
        }

        text.Append("\nWhy: the guidance it cites\n");
        if (descriptor.References.Count == 0 && string.IsNullOrEmpty(descriptor.HelpLinkUri))
        {
            text.Append("  (none given)\n");
        }

        foreach (var reference in descriptor.References)
        {
            text.Append("  - ").Append(reference).Append('\n');
        }

        if (!string.IsNullOrEmpty(descriptor.HelpLinkUri))
        {
            text.Append("  help: ").Append(descriptor.HelpLinkUri).Append('\n');
        }

        if (definition is not null)
        {
            Examples(text, "Examples it flags", definition.Examples.Flag);
            Examples(text, "Examples that pass", definition.Examples.Pass);
        }

        return text.ToString();
    }

    /// <summary>
    /// Markdown for one finding of this rule: the rule's id and title, the finding's message and severity, what the
    /// rule flags and why, the guidance it cites (with the help link), the suggested fix and one example.
    /// </summary>
    public string ToMarkdown(Diagnostic finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var descriptor = Descriptor;
        var md = new StringBuilder();
        md.Append("**").Append(Escape(descriptor.Id)).Append(": ").Append(Escape(descriptor.Title)).Append("**  \n");
        md.Append('*').Append(SeverityWord(finding.Severity)).Append(" · ").Append(Escape(descriptor.Category)).Append("*\n\n");
        md.Append(Escape(finding.Message)).Append("\n\n");
        md.Append("**What it flags and why.** ").Append(Escape(OneParagraph(WhatItFlags))).Append("\n\n");
        if (descriptor.References.Count > 0 || !string.IsNullOrEmpty(descriptor.HelpLinkUri))
        {
            md.Append("**Guidance it cites**\n\n");
            foreach (var reference in descriptor.References)
            {
                md.Append("- ").Append(Escape(reference)).Append('\n');
            }

            if (Uri.TryCreate(descriptor.HelpLinkUri, UriKind.Absolute, out var help))
            {
                md.Append("- [").Append(Escape(help.Host + help.AbsolutePath.TrimEnd('/'))).Append("](").Append(help.AbsoluteUri.Replace(")", "%29", StringComparison.Ordinal)).Append(")\n");
            }

            md.Append('\n');
        }

        if (finding.Fix is { } fix)
        {
            md.Append("**Suggested fix:** ").Append(Escape(fix.Title)).Append("\n\n");
        }

        if (Definition is { Examples.Flag: { Count: > 0 } flagged })
        {
            md.Append("**Flagged, for example:** ").Append(Escape(OneParagraph(flagged[0].Replace("{|", string.Empty, StringComparison.Ordinal).Replace("|}", string.Empty, StringComparison.Ordinal)))).Append('\n');
        }

        return md.ToString().TrimEnd() + "\n";
    }

    /// <summary>Escapes the characters that Markdown would read as markup.</summary>
    internal static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '|' or '~')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    private static string OneParagraph(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));

    private static void Examples(StringBuilder text, string heading, IReadOnlyList<string> examples)
    {
        text.Append('\n').Append(heading).Append('\n');
        if (examples.Count == 0)
        {
            text.Append("  (none)\n");
        }

        foreach (var example in examples)
        {
            text.Append("  - ").Append(example.Replace("\r\n", "\n").Replace("\n", "\n    ")).Append('\n');
        }
    }

    private static void Indent(StringBuilder text, string paragraph)
    {
        foreach (var line in paragraph.Replace("\r\n", "\n").TrimEnd().Split('\n'))
        {
            text.Append("  ").Append(line).Append('\n');
        }
    }

    internal static string SeverityWord(DiagnosticSeverity severity) => severity.ToString().ToLowerInvariant();
}

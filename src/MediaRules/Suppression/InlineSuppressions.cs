using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using MediaRules.Analysis;
using MediaRules.Diagnostics;
using MediaRules.Text;

namespace MediaRules.Suppression;

/// <summary>
/// Inline suppression directives written in the document, as HTML comments (in Markdown, HTML and plain text
/// alike): <c>&lt;!-- mediarules-disable-next-line MR2001 -- reason --&gt;</c> hides findings on the next line that
/// has text; <c>&lt;!-- mediarules-disable MR2001 --&gt;</c> … <c>&lt;!-- mediarules-enable MR2001 --&gt;</c> hides them
/// in between (to the end of the document without an enable). Without ids a directive applies to every rule.
/// Suppressed findings are kept, marked with their <see cref="DiagnosticSuppression"/>; a disable directive that
/// hides nothing is reported as <see cref="EngineDiagnostics.UnusedSuppression"/> (MR9005, a suggestion).
/// </summary>
public static class InlineSuppressions
{
    private static readonly char[] IdSeparators = { ' ', ',', '\t', '\r', '\n' };

    private static readonly Regex Directive = new(
        @"<!--\s*mediarules-(?<verb>disable-next-line|disable|enable)(?<ids>(\s+MR\d{4}\s*,?)*)\s*(--\s*(?<reason>([^-]|-[^-])*))?-->",
#if NET
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.NonBacktracking);
#else
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, TimeSpan.FromSeconds(2));
#endif

    /// <summary>Finds the directives of a text, in order.</summary>
    /// <param name="original">The document's original text (with its comments).</param>
    /// <returns>The directives.</returns>
    public static IReadOnlyList<SuppressionDirective> FindDirectives(SourceText original)
    {
        if (original is null)
        {
            throw new ArgumentNullException(nameof(original));
        }

        var text = original.ToString();
        if (text.IndexOf("mediarules-", StringComparison.Ordinal) < 0)
        {
            return Array.Empty<SuppressionDirective>();
        }

        var directives = new List<SuppressionDirective>();
        foreach (Match match in Directive.Matches(text))
        {
            var verb = match.Groups["verb"].Value switch
            {
                "disable-next-line" => SuppressionVerb.DisableNextLine,
                "disable" => SuppressionVerb.Disable,
                _ => SuppressionVerb.Enable,
            };
            var ids = match.Groups["ids"].Value.Split(IdSeparators, StringSplitOptions.RemoveEmptyEntries);
            var reason = match.Groups["reason"].Success ? match.Groups["reason"].Value.Trim() : null;
            directives.Add(new SuppressionDirective(new TextSpan(match.Index, match.Length), verb, ids, string.IsNullOrEmpty(reason) ? null : reason));
        }

        return directives;
    }

    /// <summary>
    /// Marks the findings that the document's directives suppress, and reports disable directives that suppress
    /// nothing. The result's offsets must be those of <paramref name="original"/> (true of every input format).
    /// </summary>
    /// <param name="result">A document's result.</param>
    /// <param name="original">The document's original text, with its comments.</param>
    /// <returns>The result with suppressions applied.</returns>
    public static AnalysisResult Apply(AnalysisResult result, SourceText original)
    {
        if (result is null)
        {
            throw new ArgumentNullException(nameof(result));
        }

        var directives = FindDirectives(original);
        if (directives.Count == 0)
        {
            return result;
        }

        var regions = Regions(directives, original);
        var used = new HashSet<SuppressionDirective>();
        var diagnostics = new List<Diagnostic>(result.Diagnostics.Count);
        foreach (var diagnostic in result.Diagnostics)
        {
            var region = diagnostic.Descriptor.Category == DiagnosticCategory.Engine
                ? null
                : regions.LastOrDefault(r => r.Span.Contains(diagnostic.Span.Start) && r.Directive.AppliesTo(diagnostic.Id));
            if (region is null)
            {
                diagnostics.Add(diagnostic);
                continue;
            }

            used.Add(region.Directive);
            diagnostics.Add(diagnostic.WithSuppression(new DiagnosticSuppression(region.Directive.Span, region.Directive.Reason)));
        }

        foreach (var directive in directives.Where(d => d.Verb != SuppressionVerb.Enable && !used.Contains(d)))
        {
            var what = directive.RuleIds.Count == 0 ? "any rule" : string.Join(", ", directive.RuleIds);
            diagnostics.Add(new Diagnostic(
                EngineDiagnostics.UnusedSuppression,
                Location.Create(result.Path, original, directive.Span),
                $"This directive suppresses nothing ({what}): remove it so it cannot hide a future finding.",
                EngineDiagnostics.UnusedSuppression.DefaultSeverity));
        }

        diagnostics.Sort((a, b) => a.Span.Start != b.Span.Start
            ? a.Span.Start.CompareTo(b.Span.Start)
            : string.CompareOrdinal(a.Id, b.Id));
        return result.WithDiagnostics(diagnostics);
    }

    private static List<Region> Regions(IReadOnlyList<SuppressionDirective> directives, SourceText text)
    {
        var regions = new List<Region>();
        for (var i = 0; i < directives.Count; i++)
        {
            var directive = directives[i];
            switch (directive.Verb)
            {
                case SuppressionVerb.DisableNextLine:
                    var line = text.GetLineNumber(directive.Span.End) + 1;
                    while (line < text.LineCount && text.GetLineSpan(line).IsEmpty)
                    {
                        line++;
                    }

                    if (line < text.LineCount)
                    {
                        regions.Add(new Region(text.GetLineSpan(line), directive));
                    }

                    break;
                case SuppressionVerb.Disable:
                    var end = text.Length;
                    for (var j = i + 1; j < directives.Count; j++)
                    {
                        var other = directives[j];
                        if (other.Verb == SuppressionVerb.Enable && (other.RuleIds.Count == 0 || directive.RuleIds.Count == 0 || other.RuleIds.Intersect(directive.RuleIds).Any()))
                        {
                            end = other.Span.Start;
                            break;
                        }
                    }

                    regions.Add(new Region(TextSpan.FromBounds(directive.Span.End, end), directive));
                    break;
            }
        }

        return regions;
    }

    private sealed class Region
    {
        public Region(TextSpan span, SuppressionDirective directive)
        {
            Span = span;
            Directive = directive;
        }

        public TextSpan Span { get; }

        public SuppressionDirective Directive { get; }
    }
}

/// <summary>What a suppression directive does.</summary>
public enum SuppressionVerb
{
    /// <summary><c>mediarules-disable</c>: from here to the matching enable.</summary>
    Disable = 0,

    /// <summary><c>mediarules-enable</c>: ends a disable.</summary>
    Enable = 1,

    /// <summary><c>mediarules-disable-next-line</c>: the next line with text.</summary>
    DisableNextLine = 2,
}

/// <summary>One suppression directive found in a document.</summary>
public sealed class SuppressionDirective
{
    internal SuppressionDirective(TextSpan span, SuppressionVerb verb, IReadOnlyList<string> ruleIds, string? reason)
    {
        Span = span;
        Verb = verb;
        RuleIds = ruleIds;
        Reason = reason;
    }

    /// <summary>The span of the whole comment.</summary>
    public TextSpan Span { get; }

    /// <summary>What it does.</summary>
    public SuppressionVerb Verb { get; }

    /// <summary>The rule ids it names; empty means every rule.</summary>
    public IReadOnlyList<string> RuleIds { get; }

    /// <summary>The reason written after <c>--</c>, if any.</summary>
    public string? Reason { get; }

    internal bool AppliesTo(string id) => RuleIds.Count == 0 || RuleIds.Contains(id, StringComparer.Ordinal);
}

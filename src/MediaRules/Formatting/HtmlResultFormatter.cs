using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using MediaRules.Analysis;
using MediaRules.Diagnostics;
using MediaRules.Documents;
using MediaRules.Text;

namespace MediaRules.Formatting;

/// <summary>
/// The <c>html</c> format: one self-contained page (inline style sheet and script, a Content-Security-Policy that
/// forbids every fetch), written document by document.
/// <list type="bullet">
/// <item>For each document: its text, with line breaks kept, in which every finding is an element of class
/// <c>mr-finding</c> with <c>data-rule-id</c>, <c>data-offset</c> and <c>data-length</c> (UTF-16 code units, the
/// diagnostic's span) around exactly the text of that span. It is highlighted by category (a colour and an underline
/// style: attribution solid, terminology wavy, consistency dotted, quotation double), is focusable, has the message as
/// its <c>title</c>, and on hover, focus, click or Enter shows the message, severity, rule, guidance link and
/// suggested fix. Nested spans are nested elements and a zero-length span an empty one; a span that partly overlaps
/// another is shown in the findings list instead, as an element around a copy of its text, with a marker in the text
/// where it starts. Then the findings list (every finding, in document order, with the same details, readable without
/// the script), and an attribution overview from the text model: how many sentences rest on a named, anonymous, vague
/// or no source, and each quotation with its speaker.</item>
/// <item>Suppressed findings are kept, greyed with a dashed underline and marked <c>suppressed</c> with the
/// directive's reason; like the text summary, the counts by severity and category leave them out and count them
/// apart.</item>
/// <item>At the end, a summary of the run: files, findings by category and by severity with a bar chart (inline SVG),
/// sentences by kind of source, and the inputs that could not be read. The script shows it first.</item>
/// </list>
/// Everything from the input, the rules and the paths is escaped. Output is deterministic (no timestamps).
/// </summary>
public sealed class HtmlResultFormatter : ResultFormatter
{
    private static readonly string[] KnownCategories =
    {
        DiagnosticCategory.Attribution, DiagnosticCategory.Terminology, DiagnosticCategory.Consistency, DiagnosticCategory.Quotation,
    };

    private static readonly DiagnosticSeverity[] Severities =
    {
        DiagnosticSeverity.Error, DiagnosticSeverity.Warning, DiagnosticSeverity.Suggestion, DiagnosticSeverity.Silent,
    };

    private static readonly SourceKind[] SourceKinds = { SourceKind.Named, SourceKind.Anonymous, SourceKind.Vague, SourceKind.None };

    private readonly Dictionary<string, int> _categoryCounts = new(StringComparer.Ordinal);
    private readonly int[] _sourceCounts = new int[4];
    private readonly List<(string Path, string Message)> _inputErrors = new();
    private int _quotationCount;
    private int _quotationsWithSpeaker;
    private int _findingCount;

    /// <summary>Creates the formatter.</summary>
    /// <param name="output">Where the page goes.</param>
    public HtmlResultFormatter(TextWriter output)
        : base(output)
    {
    }

    /// <inheritdoc/>
    protected override void OnBegin(IReadOnlyList<DiagnosticDescriptor> rules)
    {
        var o = Output;
        o.Write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        o.Write("<meta http-equiv=\"Content-Security-Policy\" content=\"");
        HtmlText.WriteAttribute(o, HtmlReportAssets.ContentSecurityPolicy);
        o.Write("\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        o.Write("<meta name=\"generator\" content=\"" + FormatHelpers.ToolName + " " + HtmlText.Attribute(FormatHelpers.ToolVersion) + "\">\n");
        o.Write("<title>MediaRules report</title>\n<style>");
        o.Write(HtmlReportAssets.Style);
        o.Write("</style>\n</head>\n<body>\n<header>\n<h1>MediaRules report</h1>\n");
        o.Write("<p class=\"mr-tool\">" + FormatHelpers.ToolName + " " + HtmlText.Content(FormatHelpers.ToolVersion) + " \u00B7 "
            + Count(rules.Count, "rule", "rules") + " \u00B7 <a href=\"#mr-summary\">Summary</a></p>\n");
        o.Write("<ul class=\"mr-legend\" aria-label=\"Categories\">\n");
        o.Write("<li><span class=\"mr-swatch mr-cat-attribution\">attribution</span> who says so (solid underline)</li>\n");
        o.Write("<li><span class=\"mr-swatch mr-cat-terminology\">terminology</span> labels and euphemisms (wavy underline)</li>\n");
        o.Write("<li><span class=\"mr-swatch mr-cat-consistency\">consistency</span> a name written two ways, an acronym before its definition (dotted underline)</li>\n");
        o.Write("<li><span class=\"mr-swatch mr-cat-quotation\">quotation</span> quotation marks (double underline)</li>\n");
        o.Write("<li><span class=\"mr-swatch mr-cat-attribution mr-suppressed\">suppressed</span> kept, but hidden by a directive (grey, dashed)</li>\n");
        o.Write("</ul>\n<p class=\"mr-note\">Select a highlighted passage (click it, or Tab to it and press Enter) to see the finding, the guidance it rests on and any suggested fix; Escape closes it.</p>\n");
        o.Write("</header>\n<main id=\"mr-main\">\n");
    }

    /// <inheritdoc/>
    protected override void OnWrite(AnalysisResult result)
    {
        var o = Output;
        var doc = "d" + DocumentCount.ToString(CultureInfo.InvariantCulture);
        var shown = TextToShow(result);
        var text = shown.ToString();
        var diagnostics = result.Diagnostics;
        var path = result.Path ?? diagnostics.Select(d => d.Location.Path).FirstOrDefault(p => p is not null);
        _findingCount += diagnostics.Count;
        foreach (var diagnostic in diagnostics.Where(d => !d.IsSuppressed))
        {
            var category = CategoryOf(diagnostic);
            _categoryCounts[category] = (_categoryCounts.TryGetValue(category, out var n) ? n : 0) + 1;
        }

        o.Write("<section class=\"mr-doc\" id=\"" + doc + "\" aria-labelledby=\"" + doc + "-h\"");
        if (path is not null)
        {
            o.Write(" data-path=\"" + HtmlText.Attribute(FormatHelpers.ToForwardSlashes(path)) + "\"");
        }

        o.Write(">\n<h2 id=\"" + doc + "-h\">" + HtmlText.Content(path is null ? "Text" : FormatHelpers.ToForwardSlashes(path)) + "</h2>\n");
        o.Write("<p class=\"mr-counts\">" + DocumentCounts(diagnostics) + "</p>\n");

        var spans = diagnostics.Select(d => d.Location.SourceSpan).ToList();
        var steps = HtmlFindingLayout.Plan(text.Length, spans, out var inline);
        o.Write("<div class=\"mr-text\" id=\"" + doc + "-text\">");
        WriteArticle(text, doc, diagnostics, steps);
        o.Write("</div>\n");

        WriteFindingList(shown, text, doc, diagnostics, inline);
        WriteAttributionOverview(result.Document, doc);
        o.Write("</section>\n");
    }

    /// <inheritdoc/>
    protected override void OnUnreadableInput(string path, string message) => _inputErrors.Add((path, message));

    /// <inheritdoc/>
    protected override void OnEnd()
    {
        var o = Output;
        o.Write("<section class=\"mr-summary\" id=\"mr-summary\" aria-labelledby=\"mr-summary-h\">\n<h2 id=\"mr-summary-h\">Summary</h2>\n");
        var unsuppressed = _findingCount - SuppressedCount;
        o.Write("<p>" + Count(DocumentCount, "file", "files") + ", " + Count(unsuppressed, "finding", "findings")
            + (SuppressedCount > 0 ? " and " + Count(SuppressedCount, "suppressed finding", "suppressed findings") : string.Empty)
            + (UnreadableInputCount > 0 ? "; " + Count(UnreadableInputCount, "input", "inputs") + " could not be read" : string.Empty)
            + ".</p>\n");

        var categories = KnownCategories
            .Concat(_categoryCounts.Keys.Where(k => Array.IndexOf(KnownCategories, k) < 0).OrderBy(k => k, StringComparer.Ordinal))
            .Select(k => (Key: k, Label: k, Count: _categoryCounts.TryGetValue(k, out var n) ? n : 0))
            .ToList();
        var severities = Severities
            .Select(s => (Key: FormatHelpers.SeverityWord(s), Label: FormatHelpers.SeverityWord(s), Count: CountOf(s)))
            .Concat(new[] { (Key: "suppressed", Label: "suppressed", Count: SuppressedCount) })
            .ToList();
        var sources = SourceKinds.Select(k => (Key: SourceKey(k), Label: SourceLabel(k), Count: _sourceCounts[(int)k])).ToList();

        o.Write("<div class=\"mr-charts\">\n");
        WriteCountTable("mr-summary-category", "Findings by category", "category", categories);
        WriteCountTable("mr-summary-severity", "Findings by severity", "severity", severities);
        WriteCountTable("mr-summary-sources", "Sentences by source", "source", sources);
        o.Write("</div>\n<div class=\"mr-charts\">\n");
        WriteBarChart("mr-chart-category", "Findings by category", categories);
        WriteBarChart("mr-chart-severity", "Findings by severity", severities);
        WriteBarChart("mr-chart-sources", "Sentences by source", sources);
        o.Write("</div>\n");
        o.Write("<p>" + Count(_quotationCount, "quotation", "quotations") + ", " + _quotationsWithSpeaker.ToString(CultureInfo.InvariantCulture)
            + " with a speaker the text names.</p>\n");

        if (_inputErrors.Count > 0)
        {
            o.Write("<h3>Inputs that could not be read</h3>\n<ul class=\"mr-input-errors\">\n");
            foreach (var (path, message) in _inputErrors)
            {
                o.Write("<li><span class=\"mr-rule\">" + HtmlText.Content(FormatHelpers.ToForwardSlashes(path)) + "</span>: "
                    + "<span class=\"mr-badge mr-badge-error\">error</span><span class=\"mr-rule\">" + EngineDiagnostics.UnreadableInput.Id + "</span> "
                    + HtmlText.Content(message) + "</li>\n");
            }

            o.Write("</ul>\n");
        }

        o.Write("</section>\n</main>\n<div id=\"mr-popover\" role=\"dialog\" aria-label=\"Finding\" hidden></div>\n<script>");
        o.Write(HtmlReportAssets.Script);
        o.Write("</script>\n</body>\n</html>\n");
    }

    /// <summary>The category word of a diagnostic as a class name: one of the known categories, <c>engine</c>, or <c>other</c>.</summary>
    internal static string CategoryOf(Diagnostic diagnostic)
    {
        var category = diagnostic.Descriptor.Category;
        return Array.IndexOf(KnownCategories, category) >= 0 || category == DiagnosticCategory.Engine ? category : "other";
    }

    private static string SourceKey(SourceKind kind) => kind switch
    {
        SourceKind.Named => "named",
        SourceKind.Anonymous => "anonymous",
        SourceKind.Vague => "vague",
        _ => "none",
    };

    private static string SourceLabel(SourceKind kind) => kind switch
    {
        SourceKind.Named => "named source",
        SourceKind.Anonymous => "anonymous source",
        SourceKind.Vague => "vague source",
        _ => "no source",
    };

    private static string Count(int count, string singular, string plural) => FormatHelpers.Plural(count, singular, plural);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string FindingId(string doc, int index) => doc + "-f" + Number(index + 1);

    private static string DocumentCounts(IReadOnlyList<Diagnostic> diagnostics)
    {
        var kept = diagnostics.Where(d => !d.IsSuppressed).ToList();
        var parts = Severities.Select(s =>
        {
            var word = FormatHelpers.SeverityWord(s);
            return Count(kept.Count(d => d.Severity == s), word, s == DiagnosticSeverity.Silent ? word : word + "s");
        }).ToList();
        var suppressed = diagnostics.Count - kept.Count;
        if (suppressed > 0)
        {
            parts.Add(Number(suppressed) + " suppressed");
        }

        var categories = kept.GroupBy(CategoryOf, StringComparer.Ordinal)
            .OrderBy(g => Array.IndexOf(KnownCategories, g.Key) is var i && i >= 0 ? i : KnownCategories.Length)
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key + " " + Number(g.Count()));
        var byCategory = string.Join(", ", categories);
        return Count(diagnostics.Count, "finding", "findings") + ": " + string.Join(", ", parts) + (byCategory.Length > 0 ? " \u00B7 " + byCategory : string.Empty);
    }

    /// <summary>
    /// The text the spans refer to: the input file's text when the caller passed it (for Markdown and HTML the engine
    /// analyses a same-length stand-in; see <see cref="ResultFormatter.OriginalTextOf"/>), else the analysed text.
    /// </summary>
    private SourceText TextToShow(AnalysisResult result) => OriginalTextOf(result) ?? result.Text;

    private void WriteArticle(string text, string doc, IReadOnlyList<Diagnostic> diagnostics, List<HtmlLayoutStep> steps)
    {
        var o = Output;
        var cursor = 0;
        foreach (var step in steps)
        {
            HtmlText.WriteContent(o, text, cursor, step.Position);
            cursor = step.Position;
            var id = FindingId(doc, step.Index);
            switch (step.Kind)
            {
                case HtmlLayoutStepKind.Open:
                    var d = diagnostics[step.Index];
                    o.Write("<mark");
                    WriteFindingAttributes(d, id, step.Depth);
                    o.Write(" tabindex=\"0\" aria-describedby=\"" + id + "-detail\">");
                    break;
                case HtmlLayoutStepKind.Close:
                    o.Write("</mark>");
                    break;
                default:
                    o.Write("<a class=\"mr-ref\" href=\"#" + id + "-info\" data-n=\"" + Number(step.Index + 1) + "\" aria-label=\"finding "
                        + Number(step.Index + 1) + " starts here; it overlaps another and is shown in the list\"></a>");
                    break;
            }
        }

        HtmlText.WriteContent(o, text, cursor, text.Length);
    }

    private void WriteFindingAttributes(Diagnostic d, string id, int depth)
    {
        var span = d.Location.SourceSpan;
        var o = Output;
        o.Write(" class=\"mr-finding mr-cat-" + CategoryOf(d) + " mr-sev-" + FormatHelpers.SeverityWord(d.Severity));
        if (span.IsEmpty)
        {
            o.Write(" mr-empty");
        }

        if (d.IsSuppressed)
        {
            o.Write(" mr-suppressed");
        }

        if (depth > 1)
        {
            o.Write(" mr-d" + Number(Math.Min(depth, 4)));
        }

        o.Write("\"");
        if (id.Length > 0)
        {
            o.Write(" id=\"" + id + "\"");
        }

        o.Write(" data-rule-id=\"" + HtmlText.Attribute(d.Id) + "\" data-offset=\"" + Number(span.Start) + "\" data-length=\"" + Number(span.Length)
            + "\" data-severity=\"" + FormatHelpers.SeverityWord(d.Severity) + "\"");
        if (d.IsSuppressed)
        {
            o.Write(" data-suppressed=\"true\"");
        }

        o.Write(" title=\"");
        HtmlText.WriteAttribute(o, d.Id + " (" + (d.IsSuppressed ? "suppressed " : string.Empty) + FormatHelpers.SeverityWord(d.Severity) + "): " + d.Message);
        o.Write("\"");
    }

    private void WriteFindingList(SourceText shown, string text, string doc, IReadOnlyList<Diagnostic> diagnostics, bool[] inline)
    {
        var o = Output;
        if (diagnostics.Count == 0)
        {
            o.Write("<p class=\"mr-note\">No findings.</p>\n");
            return;
        }

        o.Write("<h3>Findings</h3>\n<ol class=\"mr-findings\">\n");
        for (var i = 0; i < diagnostics.Count; i++)
        {
            var d = diagnostics[i];
            var id = FindingId(doc, i);
            var start = d.Location.LineSpan.Start;
            o.Write("<li id=\"" + id + "-info\" class=\"mr-item mr-item-" + CategoryOf(d) + (d.IsSuppressed ? " mr-item-suppressed" : string.Empty) + "\">");
            o.Write("<div class=\"mr-detail\" id=\"" + id + "-detail\">");
            o.Write("<div><span class=\"mr-badge mr-badge-" + FormatHelpers.SeverityWord(d.Severity) + "\">" + FormatHelpers.SeverityWord(d.Severity) + "</span>");
            if (d.IsSuppressed)
            {
                o.Write("<span class=\"mr-badge mr-badge-suppressed\">suppressed</span>");
            }

            o.Write("<span class=\"mr-rule\">" + HtmlText.Content(d.Id) + "</span> " + HtmlText.Content(d.Descriptor.Title)
                + " <span class=\"mr-category\">(" + HtmlText.Content(d.Descriptor.Category) + ")</span></div>");
            o.Write("<div class=\"mr-msg\" id=\"" + id + "-msg\">" + HtmlText.Content(d.Message) + "</div>");
            if (d.Fix is { } fix)
            {
                o.Write("<div class=\"mr-fix\">Suggested fix: " + HtmlText.Content(fix.Title));
                foreach (var change in fix.Changes)
                {
                    o.Write(" \u2192 <span class=\"mr-fix-text\">" + HtmlText.Content(change.NewText) + "</span>");
                }

                o.Write("</div>");
            }

            if (d.Suppression is { } suppression)
            {
                o.Write("<div class=\"mr-suppression\">Suppressed by a directive at line "
                    + Number(shown.GetLinePosition(Math.Min(suppression.DirectiveSpan.Start, shown.Length)).Line + 1)
                    + (suppression.Justification is { Length: > 0 } reason ? ": " + HtmlText.Content(reason) : string.Empty) + "</div>");
            }

            var help = d.Descriptor.HelpLinkUri;
            if (IsWebLink(help))
            {
                o.Write("<div class=\"mr-help\">Guidance: <a href=\"" + HtmlText.Attribute(help) + "\" rel=\"noopener noreferrer\">" + HtmlText.Content(help) + "</a></div>");
            }
            else if (!string.IsNullOrWhiteSpace(help))
            {
                o.Write("<div class=\"mr-help\">Guidance: " + HtmlText.Content(help) + "</div>");
            }

            if (d.Descriptor.References.Count > 0)
            {
                o.Write("<div class=\"mr-references\">Rests on: " + HtmlText.Content(string.Join("; ", d.Descriptor.References)) + "</div>");
            }

            o.Write("</div>");
            var where = "line " + Number(start.Line + 1) + ", column " + Number(start.Character + 1);
            if (inline[i])
            {
                o.Write("<div class=\"mr-where\"><a href=\"#" + id + "\" data-show=\"" + id + "\">" + where + "</a></div>");
            }
            else
            {
                o.Write("<div class=\"mr-where\">" + where + " (overlaps another finding): <span class=\"mr-excerpt\"><mark");
                WriteFindingAttributes(d, string.Empty, 1);
                o.Write(">");
                var span = d.Location.SourceSpan;
                var from = Math.Max(0, Math.Min(span.Start, text.Length));
                HtmlText.WriteContent(o, text, from, Math.Max(from, Math.Min(span.End, text.Length)));
                o.Write("</mark></span></div>");
            }

            o.Write("</li>\n");
        }

        o.Write("</ol>\n");
    }

    private void WriteAttributionOverview(DocumentModel document, string doc)
    {
        var o = Output;
        var counts = new int[4];
        foreach (var sentence in document.Sentences)
        {
            var kind = (int)sentence.Attribution.Kind;
            if ((uint)kind < (uint)counts.Length)
            {
                counts[kind]++;
                _sourceCounts[kind]++;
            }
        }

        o.Write("<h3>Attribution</h3>\n");
        WriteCountTable(doc + "-sources", Count(document.Sentences.Count, "sentence", "sentences") + " by source", "source",
            SourceKinds.Select(k => (Key: SourceKey(k), Label: SourceLabel(k), Count: counts[(int)k])).ToList());

        var analysed = document.Text.ToString();
        var quotations = document.Quotations;
        _quotationCount += quotations.Count;
        o.Write("<h3>Quotations</h3>\n");
        if (quotations.Count == 0)
        {
            o.Write("<p class=\"mr-note\">No quotations.</p>\n");
            return;
        }

        o.Write("<ol class=\"mr-quotes\" id=\"" + doc + "-quotes\">\n");
        foreach (var quotation in quotations)
        {
            var content = quotation.ContentSpan;
            var speaker = quotation.SpeakerSpan is { } s && s.End <= analysed.Length ? HtmlText.Excerpt(analysed, s.Start, s.End, 80) : null;
            if (speaker is { Length: > 0 })
            {
                _quotationsWithSpeaker++;
            }

            o.Write("<li data-offset=\"" + Number(quotation.Span.Start) + "\" data-speaker=\"" + HtmlText.Attribute(speaker ?? string.Empty) + "\">");
            o.Write("<span class=\"mr-excerpt\">" + HtmlText.Content(content.End <= analysed.Length ? HtmlText.Excerpt(analysed, content.Start, content.End, 160) : string.Empty) + "</span> \u2014 ");
            o.Write(speaker is { Length: > 0 } ? "<strong>" + HtmlText.Content(speaker) + "</strong>" : "<em>no speaker named</em>");
            var notes = new List<string> { "line " + Number(document.Text.GetLinePosition(quotation.Span.Start).Line + 1) };
            if (quotation.IsMention)
            {
                notes.Add("a mention, not speech");
            }

            if (quotation.Depth > 0)
            {
                notes.Add("inside another quotation");
            }

            if (!quotation.IsClosed)
            {
                notes.Add("does not close");
            }
            else if (quotation.IsMismatched)
            {
                notes.Add("closed by a mark of another style");
            }

            o.Write(" <span class=\"mr-note\">(" + string.Join(", ", notes) + ")</span></li>\n");
        }

        o.Write("</ol>\n");
    }

    private void WriteCountTable(string id, string caption, string header, List<(string Key, string Label, int Count)> rows)
    {
        var o = Output;
        var total = rows.Sum(r => r.Count);
        o.Write("<table id=\"" + id + "\"><caption>" + HtmlText.Content(caption) + "</caption>\n<thead><tr><th scope=\"col\">" + header
            + "</th><th scope=\"col\">count</th><th scope=\"col\">share</th></tr></thead>\n<tbody>\n");
        foreach (var (key, label, count) in rows)
        {
            o.Write("<tr><th scope=\"row\">" + HtmlText.Content(label) + "</th><td class=\"mr-n\" data-key=\"" + HtmlText.Attribute(key) + "\">" + Number(count)
                + "</td><td class=\"mr-n\">" + Percent(count, total) + "</td></tr>\n");
        }

        o.Write("</tbody>\n</table>\n");
    }

    private void WriteBarChart(string id, string caption, List<(string Key, string Label, int Count)> rows)
    {
        const int LabelWidth = 120;
        const int BarWidth = 180;
        const int RowHeight = 22;
        var o = Output;
        var max = Math.Max(1, rows.Count == 0 ? 1 : rows.Max(r => r.Count));
        var height = (rows.Count * RowHeight) + 4;
        o.Write("<svg class=\"mr-chart\" id=\"" + id + "\" role=\"img\" aria-labelledby=\"" + id + "-t\" width=\"" + Number(LabelWidth + BarWidth + 40)
            + "\" height=\"" + Number(height) + "\" viewBox=\"0 0 " + Number(LabelWidth + BarWidth + 40) + " " + Number(height) + "\">");
        o.Write("<title id=\"" + id + "-t\">" + HtmlText.Content(caption) + "</title>");
        for (var i = 0; i < rows.Count; i++)
        {
            var (key, label, count) = rows[i];
            var y = (i * RowHeight) + 2;
            var width = count == 0 ? 0 : Math.Max(2, (int)Math.Round((double)BarWidth * count / max, MidpointRounding.AwayFromZero));
            o.Write("<text x=\"0\" y=\"" + Number(y + 15) + "\">" + HtmlText.Content(label) + "</text>");
            o.Write("<rect class=\"mr-bar-" + HtmlText.Attribute(key) + "\" x=\"" + Number(LabelWidth) + "\" y=\"" + Number(y + 3) + "\" width=\"" + Number(width)
                + "\" height=\"" + Number(RowHeight - 8) + "\" rx=\"2\"></rect>");
            o.Write("<text x=\"" + Number(LabelWidth + width + 6) + "\" y=\"" + Number(y + 15) + "\">" + Number(count) + "</text>");
        }

        o.Write("</svg>\n");
    }

    private static string Percent(int count, int total) =>
        total == 0 ? "\u2013" : (((200L * count) + total) / (2L * total)).ToString(CultureInfo.InvariantCulture) + "%";

    private static bool IsWebLink(string? uri) =>
        FormatHelpers.IsAbsoluteUri(uri)
        && (uri!.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || uri.StartsWith("http://", StringComparison.OrdinalIgnoreCase));
}

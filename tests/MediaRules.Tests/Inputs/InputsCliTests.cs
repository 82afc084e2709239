using System.IO;
using System.Linq;
using System.Text.Json;
using MediaRules.Tests.Cli;
using Xunit;

namespace MediaRules.Tests.Inputs;

/// <summary>End to end: <c>mediarules lint</c> on Markdown and HTML files reports only prose, at the file's own positions.</summary>
public class InputsCliTests
{
    private const string Fence = "```";

    private static readonly string Markdown = string.Join("\r\n",
        "---", "title: Terrorists reportedly seen", "---", "", "# Morning report", "",
        "Officials reportedly met on Monday.", "", Fence + "text", "The terrorists reportedly attacked.", Fence, "",
        "See the `reportedly terrorists` string and [a link](https://example.com/reportedly-terrorists).", "",
        "The **Zionist** [regime](https://example.com) said it would \"fight\r\non\", reportedly.", "");

    private static readonly string Html = string.Join("\n",
        "<!doctype html><html><head><title>Terrorists reportedly seen</title>",
        "<script>var terrorists = 'reportedly';</script><style>.reportedly { color: red }</style></head>",
        "<body>", "<p>Officials <b>reportedly</b> met on Monday.</p><p class=\"reportedly\">Israel&rsquo;s",
        "<a href=\"https://example.com/reportedly\">Zionist</a> regime&#8217;s army</p>",
        "<!-- terrorists reportedly --><pre>reportedly</pre>", "</body></html>", "");

    [Fact]
    public void Sarif_regions_of_markdown_and_html_findings_point_into_the_files()
    {
        using var temp = new TempFolder();
        var pack = temp.Write("pack.yaml", InputTestSupport.Pack);
        var md = temp.Write("doc.md", Markdown);
        var html = temp.Write("doc.html", Html);
        var sarif = temp.PathOf("out.sarif");

        var run = CliHarness.Run("lint", md, html, "--rules", pack, "--no-default-rules", "--format", "sarif", "--output", sarif);

        Assert.Equal(0, run.Code);
        using var json = JsonDocument.Parse(File.ReadAllText(sarif));
        var found = json.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(r =>
            {
                var location = r.GetProperty("locations")[0].GetProperty("physicalLocation");
                var region = location.GetProperty("region");
                var file = location.GetProperty("artifactLocation").GetProperty("uri").GetString()!.EndsWith(".md", System.StringComparison.Ordinal) ? Markdown : Html;
                var offset = region.GetProperty("charOffset").GetInt32();
                var length = region.GetProperty("charLength").GetInt32();
                var (line, column) = LineColumn(file, offset);
                var (endLine, endColumn) = LineColumn(file, offset + length);
                Assert.Equal((line, column, endLine, endColumn), (
                    region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32(),
                    region.GetProperty("endLine").GetInt32(), region.GetProperty("endColumn").GetInt32()));
                return (r.GetProperty("ruleId").GetString(), line, column, file.Substring(offset, length));
            })
            .ToList();

        Assert.Equal(
            [
                ("MR1990", 7, 11, "reportedly"),
                ("MR2990", 15, 7, "Zionist** [regime"),
                ("MR1990", 16, 6, "reportedly"),
                ("MR1990", 4, 17, "reportedly"),
                ("MR2990", 5, 42, "Zionist</a> regime&#8217;s"),
            ],
            found);
    }

    [Fact]
    public void The_text_format_gives_the_file_line_and_column()
    {
        using var temp = new TempFolder();
        var md = temp.Write("notes.markdown", "Intro `reportedly`.\n\n- Officials *reportedly* met.\n");

        var run = CliHarness.Run("lint", md, "--rules", temp.Write("pack.yaml", InputTestSupport.Pack), "--no-default-rules");

        Assert.StartsWith($"{md}(3,14): warning MR1990: 'reportedly' found\n", run.Out);
        Assert.Contains("1 warning", run.Out);
    }

    // 1-based line and column of an offset, with CR LF, CR and LF line breaks.
    private static (int Line, int Column) LineColumn(string text, int offset)
    {
        var source = MediaRules.Text.SourceText.From(text);
        var position = source.GetLinePosition(offset);
        return (position.Line + 1, position.Character + 1);
    }
}

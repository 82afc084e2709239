using System.IO;
using Xunit;

namespace MediaRules.Tests.Cli;

/// <summary>In Markdown and HTML, <c>fix</c> edits only the prose that <c>lint</c> analyses, at the same offsets.</summary>
public class FixMarkdownTests
{
    [Fact]
    public void A_fix_in_markdown_edits_only_the_prose()
    {
        using var temp = new TempFolder();
        const string markdown = "---\ntitle: zorgs\n---\n# The zorgs\r\n\r\nThe zorgs left. Code `zorgs` and [zorgs](http://x/zorgs).\n\n```\nzorgs\n```\n\n<!-- zorgs -->\n";
        var file = temp.Write("a.md", markdown);

        var run = CliHarness.Run("fix", file, "--rules", temp.Pack(), "--no-default-rules");

        Assert.Equal(markdown.Replace("# The zorgs", "# The fighters").Replace("The zorgs left", "The fighters left").Replace("[zorgs]", "[fighters]"), File.ReadAllText(file));
        Assert.Equal(0, run.Code);
    }

    [Fact]
    public void A_fix_in_html_edits_only_the_text_of_the_page()
    {
        using var temp = new TempFolder();
        const string html = "<html><head><title>x</title><style>.zorgs{}</style></head>\n<body><p class=\"zorgs\">The zorgs left.</p>\n<script>var zorgs = 1;</script><code>zorgs</code></body></html>\n";
        var file = temp.Write("a.html", html);

        var dry = CliHarness.Run("fix", file, "--dry-run", "--rules", temp.Pack(), "--no-default-rules");
        CliHarness.Run("fix", file, "--rules", temp.Pack(), "--no-default-rules");

        Assert.Equal(html.Replace("The zorgs left", "The fighters left"), File.ReadAllText(file));
        Assert.Contains("+<body><p class=\"zorgs\">The fighters left.</p>", dry.Out);
    }
}

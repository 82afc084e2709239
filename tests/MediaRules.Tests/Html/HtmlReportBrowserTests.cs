using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using MediaRules.Tests.Cli;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Interactions;
using OpenQA.Selenium.Support.UI;
using Xunit;
using Xunit.Abstractions;

namespace MediaRules.Tests.Html;

/// <summary>
/// The <c>--format html</c> report as a reader meets it: produced by the CLI, opened from a <c>file://</c> URL in a real
/// headless Chromium, with its script running under its own Content-Security-Policy.
/// </summary>
public class HtmlReportBrowserTests(ITestOutputHelper output)
{
    /// <summary>Reads every finding element of the loaded page at once: rule id, offset, length, text, and whether it is in the article.</summary>
    private const string ReadFindings = """
        return JSON.stringify(Array.from(document.querySelectorAll('.mr-finding')).map(function (e) {
          return { id: e.getAttribute('data-rule-id'), offset: +e.getAttribute('data-offset'), length: +e.getAttribute('data-length'),
                   text: e.textContent, inline: !!e.closest('.mr-text') };
        }));
        """;

    [SkippableFact]
    public void Seed_report_loads_without_script_errors_and_every_highlight_is_its_exact_span()
    {
        using var temp = new TempFolder();
        var report = temp.PathOf("report.html");
        var html = CliHarness.Run("lint", TestSupport.SeedPath, "--format", "html", "--output", report);
        Assert.Equal(0, html.Code);
        var expected = Diagnostics(TestSupport.SeedPath);
        Assert.NotEmpty(expected);
        var text = File.ReadAllText(TestSupport.SeedPath);

        using var driver = HeadlessChromium.Start();
        driver.Navigate().GoToUrl(new Uri(report).AbsoluteUri);
        WaitUntilLoaded(driver);

        Assert.Empty(HeadlessChromium.SevereLogEntries(driver));
        Assert.Equal("mr-summary", driver.ExecuteScript("return document.getElementById('mr-main').firstElementChild.id;")); // the script ran

        var findings = Findings(driver);
        Assert.Equal(expected.Count, findings.Count);
        AssertExact(text, findings);
        Assert.Equal(
            expected.Select(d => (d.RuleId, d.Offset, d.Length)).OrderBy(d => d),
            findings.Select(f => (f.RuleId, f.Offset, f.Length)).OrderBy(d => d));
        Assert.Equal(text, driver.ExecuteScript("return document.querySelector('.mr-text').textContent;") as string);

        var inline = driver.FindElements(By.CssSelector(".mr-text .mr-finding"));
        var popover = driver.FindElement(By.Id("mr-popover"));
        Assert.False(popover.Displayed);

        // Hover shows the finding's message.
        var first = inline[0];
        ((IJavaScriptExecutor)driver).ExecuteScript("arguments[0].scrollIntoView({block: 'center'});", first);
        new Actions(driver).MoveToElement(first).Perform();
        Wait(driver, () => popover.Displayed);
        Assert.Contains(MessageOf(expected, first), popover.Text, StringComparison.Ordinal);

        // A click pins another finding's details: message, severity and guidance link.
        var second = inline[inline.Count / 2];
        ((IJavaScriptExecutor)driver).ExecuteScript("arguments[0].scrollIntoView({block: 'center'});", second);
        second.Click();
        Wait(driver, () => popover.Displayed && popover.Text.Contains(MessageOf(expected, second), StringComparison.Ordinal));
        Assert.Contains("mr-open", second.GetAttribute("class"), StringComparison.Ordinal);
        Assert.NotEmpty(popover.FindElements(By.CssSelector(".mr-help a[href^='https://']")));

        // Escape closes it and gives the focus back; Enter on a focused finding opens it again (keyboard only).
        new Actions(driver).SendKeys(Keys.Escape).Perform();
        Wait(driver, () => !popover.Displayed);
        Assert.Equal(second, driver.SwitchTo().ActiveElement());
        new Actions(driver).SendKeys(Keys.Enter).Perform();
        Wait(driver, () => popover.Displayed && popover.Text.Contains(MessageOf(expected, second), StringComparison.Ordinal));

        Assert.Empty(HeadlessChromium.SevereLogEntries(driver));
        var opened = Path.Combine(AppContext.BaseDirectory, "html-report-finding.png");
        driver.GetScreenshot().SaveAsFile(opened);
        var screenshot = HeadlessChromium.SaveFullPageScreenshot(driver, "html-report.png");
        output.WriteLine($"Screenshots of the seed article's HTML report: {screenshot} (whole page), {opened} (a finding opened)");
        Assert.True(new FileInfo(screenshot).Length > 10_000);
    }

    [SkippableFact]
    public void Markdown_report_shows_the_file_as_written_with_each_highlight_on_its_exact_span()
    {
        using var temp = new TempFolder();
        var markdown = temp.Write("story.md", """
            ---
            title: "Terrorists" in the front matter are not prose
            ---
            # Talks stall as *sources with direct knowledge* say the **resistance** regrouped

            The minister **reportedly** resigned, and [officials claimed](https://example.org/a "reportedly") the
            <b>terrorists</b> fled. Reports suggest the talks failed.

            <!-- mediarules-disable-next-line MR1001 -- quoted from the court record -->
            The witness reportedly left.

            ```
            terrorists in code are not prose
            ```

            > "We will go on," she said, calling them martyrs.
            """.Replace("\r\n", "\n", StringComparison.Ordinal));
        var report = temp.PathOf("report.html");
        Assert.Equal(0, CliHarness.Run("lint", markdown, "--format", "html", "--output", report).Code);
        var expected = Diagnostics(markdown);
        Assert.True(expected.Count >= 5, $"expected findings in the Markdown sample, got {expected.Count}");
        var text = File.ReadAllText(markdown);

        using var driver = HeadlessChromium.Start();
        driver.Navigate().GoToUrl(new Uri(report).AbsoluteUri);
        WaitUntilLoaded(driver);

        Assert.Empty(HeadlessChromium.SevereLogEntries(driver));
        var findings = Findings(driver);
        Assert.Equal(expected.Count, findings.Count);
        AssertExact(text, findings);
        Assert.Equal(text, driver.ExecuteScript("return document.querySelector('.mr-text').textContent;") as string);
        Assert.Single(driver.FindElements(By.CssSelector(".mr-text .mr-finding.mr-suppressed[data-rule-id='MR1001']")));
        Assert.Contains(findings, f => f.Text.Contains("**", StringComparison.Ordinal) || f.Text.Contains("</b>", StringComparison.Ordinal) || f.Text == "reportedly");
    }

    private static void AssertExact(string text, List<(string RuleId, int Offset, int Length, string Text, bool Inline)> findings)
    {
        foreach (var f in findings)
        {
            Assert.True(f.Offset >= 0 && f.Offset + f.Length <= text.Length, $"{f.RuleId} at {f.Offset}+{f.Length} is outside the text");
            Assert.True(text.Substring(f.Offset, f.Length) == f.Text, $"{f.RuleId} at {f.Offset}: the page shows '{f.Text}', the file has '{text.Substring(f.Offset, f.Length)}'");
        }
    }

    private static string MessageOf(List<(string RuleId, int Offset, int Length, string Message)> expected, IWebElement element)
    {
        var offset = int.Parse(element.GetAttribute("data-offset")!, System.Globalization.CultureInfo.InvariantCulture);
        var length = int.Parse(element.GetAttribute("data-length")!, System.Globalization.CultureInfo.InvariantCulture);
        var id = element.GetAttribute("data-rule-id");
        return expected.First(d => d.RuleId == id && d.Offset == offset && d.Length == length).Message;
    }

    /// <summary>The diagnostics of one file, from the CLI's JSON output.</summary>
    private static List<(string RuleId, int Offset, int Length, string Message)> Diagnostics(string path)
    {
        var run = CliHarness.Run("lint", path, "--format", "json");
        using var json = JsonDocument.Parse(run.Out);
        return json.RootElement.GetProperty("files")[0].GetProperty("diagnostics").EnumerateArray()
            .Select(d => (d.GetProperty("ruleId").GetString()!, d.GetProperty("offset").GetInt32(), d.GetProperty("length").GetInt32(), d.GetProperty("message").GetString()!))
            .ToList();
    }

    private static List<(string RuleId, int Offset, int Length, string Text, bool Inline)> Findings(ChromeDriver driver)
    {
        using var json = JsonDocument.Parse(driver.ExecuteScript(ReadFindings) as string ?? "[]");
        return json.RootElement.EnumerateArray()
            .Select(e => (e.GetProperty("id").GetString()!, e.GetProperty("offset").GetInt32(), e.GetProperty("length").GetInt32(), e.GetProperty("text").GetString()!, e.GetProperty("inline").GetBoolean()))
            .ToList();
    }

    private static void WaitUntilLoaded(IWebDriver driver) =>
        Wait(driver, () => "complete".Equals(((IJavaScriptExecutor)driver).ExecuteScript("return document.readyState;")));

    private static void Wait(IWebDriver driver, Func<bool> condition) =>
        new WebDriverWait(driver, TimeSpan.FromSeconds(20)).Until(_ => condition());
}

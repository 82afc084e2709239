using System.Linq;
using System.Text.Json;
using Xunit;

namespace MediaRules.Tests.Formatting;

public class SarifResultFormatterTests
{
    [Fact]
    public void Is_valid_against_the_official_schema()
    {
        var sarif = FormatterTestSupport.Format("sarif", ("docs/a.txt", FormatterTestSupport.TrickyText), ("b.txt", "Nothing.\n"));

        FormatterTestSupport.AssertValidSarif(sarif);
    }

    [Fact]
    public void The_schema_check_is_not_vacuous()
    {
        var sarif = FormatterTestSupport.Format("sarif", ("a.txt", "zorgs\n")).Replace("\"level\": \"warning\"", "\"level\": \"loud\"", System.StringComparison.Ordinal);

        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => FormatterTestSupport.AssertValidSarif(sarif));
    }

    [Fact]
    public void An_empty_run_and_unreadable_inputs_are_valid_too()
    {
        var sarif = FormatterTestSupport.Format("sarif", [], [("bin/x.txt", "is binary (NUL bytes in the first 8 KB); skipped")]);

        FormatterTestSupport.AssertValidSarif(sarif);
        using var doc = JsonDocument.Parse(sarif);
        var run = doc.RootElement.GetProperty("runs")[0];
        Assert.Equal(0, run.GetProperty("results").GetArrayLength());
        var note = run.GetProperty("invocations")[0].GetProperty("toolExecutionNotifications")[0];
        Assert.Equal("MR9004", note.GetProperty("descriptor").GetProperty("id").GetString());
        Assert.Equal("bin/x.txt", note.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
    }

    [Fact]
    public void Regions_agree_with_char_offsets_on_crlf_and_astral_text()
    {
        var text = FormatterTestSupport.TrickyText;
        using var doc = JsonDocument.Parse(FormatterTestSupport.Format("sarif", ("a.txt", text)));
        var run = doc.RootElement.GetProperty("runs")[0];
        Assert.Equal("utf16CodeUnits", run.GetProperty("columnKind").GetString());
        var starts = FormatterTestSupport.LineStarts(text);
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(5, results.Count);
        foreach (var result in results)
        {
            var region = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
            var offset = region.GetProperty("charOffset").GetInt32();
            var length = region.GetProperty("charLength").GetInt32();
            Assert.Equal(offset, starts[region.GetProperty("startLine").GetInt32() - 1] + region.GetProperty("startColumn").GetInt32() - 1);
            Assert.Equal(offset + length, starts[region.GetProperty("endLine").GetInt32() - 1] + region.GetProperty("endColumn").GetInt32() - 1);
            var flagged = text.Substring(offset, length);
            Assert.Contains(flagged, new[] { "zorgs", "blorp" });
        }

        var lines = results.Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal(new[] { 1, 2, 2, 3, 4 }, lines);
    }

    [Fact]
    public void Results_carry_rule_index_level_message_and_a_fix_on_the_result()
    {
        using var doc = JsonDocument.Parse(FormatterTestSupport.Format("sarif", ("a.txt", "The zorgs and a blorp.\n")));
        var run = doc.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        var results = run.GetProperty("results").EnumerateArray().ToList();

        var warning = results[0];
        Assert.Equal("MR2901", warning.GetProperty("ruleId").GetString());
        Assert.Equal("MR2901", rules[warning.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
        Assert.Equal("warning", warning.GetProperty("level").GetString());
        Assert.Equal("'zorgs' is loaded: 50%, really", warning.GetProperty("message").GetProperty("text").GetString());
        var fix = warning.GetProperty("fixes")[0];
        Assert.Equal("a.txt", fix.GetProperty("artifactChanges")[0].GetProperty("artifactLocation").GetProperty("uri").GetString());
        var replacement = fix.GetProperty("artifactChanges")[0].GetProperty("replacements")[0];
        Assert.Equal("fighters", replacement.GetProperty("insertedContent").GetProperty("text").GetString());
        var deleted = replacement.GetProperty("deletedRegion");
        Assert.Equal(4, deleted.GetProperty("charOffset").GetInt32());
        Assert.Equal(5, deleted.GetProperty("charLength").GetInt32());
        Assert.Equal(1, deleted.GetProperty("startLine").GetInt32());
        Assert.Equal(5, deleted.GetProperty("startColumn").GetInt32());

        var error = results[1];
        Assert.Equal("error", error.GetProperty("level").GetString());
        Assert.Equal("MR2902", rules[error.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
        Assert.False(error.TryGetProperty("fixes", out _));
    }

    [Fact]
    public void The_driver_describes_the_tool_and_its_rules()
    {
        using var doc = JsonDocument.Parse(FormatterTestSupport.Format("sarif"));
        Assert.Equal("2.1.0", doc.RootElement.GetProperty("version").GetString());
        var runs = doc.RootElement.GetProperty("runs");
        Assert.Equal(1, runs.GetArrayLength());
        var driver = runs[0].GetProperty("tool").GetProperty("driver");
        Assert.Equal("MediaRules", driver.GetProperty("name").GetString());
        Assert.Matches(@"^\d+\.\d+\.\d+", driver.GetProperty("version").GetString());
        Assert.StartsWith("https://", driver.GetProperty("informationUri").GetString());
        var rule = driver.GetProperty("rules")[0];
        Assert.Equal("MR2901", rule.GetProperty("id").GetString());
        Assert.Equal("TestLoadedLabel", rule.GetProperty("name").GetString());
        Assert.Equal("Test loaded label", rule.GetProperty("shortDescription").GetProperty("text").GetString());
        Assert.Equal("Flags the invented word zorgs, for tests.", rule.GetProperty("fullDescription").GetProperty("text").GetString());
        Assert.Equal("https://example.org/guide", rule.GetProperty("helpUri").GetString());
        Assert.Equal("warning", rule.GetProperty("defaultConfiguration").GetProperty("level").GetString());
        Assert.Equal("terminology", rule.GetProperty("properties").GetProperty("category").GetString());
        Assert.Equal("Test Handbook: loaded words", rule.GetProperty("properties").GetProperty("references")[0].GetString());
        var second = driver.GetProperty("rules")[1];
        Assert.False(second.TryGetProperty("fullDescription", out _));
        Assert.Equal("error", second.GetProperty("defaultConfiguration").GetProperty("level").GetString());
    }

    [Theory]
    [InlineData("docs/a.txt", "docs/a.txt")]
    [InlineData("my docs/a b.txt", "my%20docs/a%20b.txt")]
    [InlineData("./x/100%.md", "./x/100%25.md")]
    [InlineData("caf\u00e9/#1.txt", "caf%C3%A9/%231.txt")]
    [InlineData("a:b.txt", "a%3Ab.txt")]
    [InlineData("/tmp/in put.txt", "file:///tmp/in%20put.txt")]
    public void Artifact_uris_keep_relative_paths_relative_and_escape_them(string path, string uri)
    {
        using var doc = JsonDocument.Parse(FormatterTestSupport.Format("sarif", (path, "zorgs\n")));
        var result = doc.RootElement.GetProperty("runs")[0].GetProperty("results")[0];
        Assert.Equal(uri, result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
    }

    [Theory]
    [InlineData("/docs/rules.html", false)]
    [InlineData("docs/rules.html", false)]
    [InlineData("https://example.org/a b", false)]
    [InlineData("https://example.org/rules#MR2950", true)]
    public void Only_absolute_help_links_become_help_uris(string help, bool kept)
    {
        using var output = new System.IO.StringWriter();
        using var formatter = new MediaRules.Formatting.SarifResultFormatter(output);
        formatter.Begin([new MediaRules.Diagnostics.DiagnosticDescriptor("MR2950", "Title", "m", "terminology", MediaRules.Diagnostics.DiagnosticSeverity.Warning, help)]);
        formatter.End();

        FormatterTestSupport.AssertValidSarif(output.ToString());
        using var doc = JsonDocument.Parse(output.ToString());
        var rule = doc.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules")[0];
        Assert.Equal(kept, rule.TryGetProperty("helpUri", out _));
    }

    [Fact]
    public void Output_is_deterministic()
    {
        var first = FormatterTestSupport.Format("sarif", ("a.txt", FormatterTestSupport.TrickyText));
        var second = FormatterTestSupport.Format("sarif", ("a.txt", FormatterTestSupport.TrickyText));
        Assert.Equal(first, second);
        Assert.DoesNotContain("\r", first);
    }
}

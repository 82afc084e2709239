using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using MediaRules.Formatting;
using Xunit;

namespace MediaRules.Tests.Formatting;

public class OtherFormatterTests
{
    [Fact]
    public void Json_has_the_documented_shape()
    {
        var json = FormatterTestSupport.Format("json", [("a.txt", "The zorgs\r\nand a blorp \U0001F600zorgs.\n"), ("b.txt", "")], [("c.bin", "is binary; skipped")]);

        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal(new[] { "tool", "rules", "files", "inputErrors", "summary" }, root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("MediaRules", root.GetProperty("tool").GetProperty("name").GetString());
        var rule = root.GetProperty("rules")[0];
        Assert.Equal(new[] { "id", "title", "category", "severity", "helpUri", "description", "references" }, rule.EnumerateObject().Select(p => p.Name));

        var files = root.GetProperty("files");
        Assert.Equal(2, files.GetArrayLength());
        Assert.Equal("a.txt", files[0].GetProperty("path").GetString());
        Assert.Equal(0, files[1].GetProperty("diagnostics").GetArrayLength());
        var diagnostics = files[0].GetProperty("diagnostics").EnumerateArray().ToList();
        Assert.Equal(3, diagnostics.Count);

        var first = diagnostics[0];
        Assert.Equal(
            new[] { "ruleId", "severity", "message", "startLine", "startColumn", "endLine", "endColumn", "offset", "length", "fix" },
            first.EnumerateObject().Select(p => p.Name));
        Assert.Equal("MR2901", first.GetProperty("ruleId").GetString());
        Assert.Equal("warning", first.GetProperty("severity").GetString());
        Assert.Equal((1, 5, 1, 10, 4, 5), (first.GetProperty("startLine").GetInt32(), first.GetProperty("startColumn").GetInt32(), first.GetProperty("endLine").GetInt32(), first.GetProperty("endColumn").GetInt32(), first.GetProperty("offset").GetInt32(), first.GetProperty("length").GetInt32()));
        var fix = first.GetProperty("fix");
        Assert.Equal("Replace with 'fighters'", fix.GetProperty("title").GetString());
        var replacement = fix.GetProperty("replacements")[0];
        Assert.Equal((4, 5, "fighters"), (replacement.GetProperty("offset").GetInt32(), replacement.GetProperty("length").GetInt32(), replacement.GetProperty("text").GetString()));

        Assert.Equal("error", diagnostics[1].GetProperty("severity").GetString());
        Assert.False(diagnostics[1].TryGetProperty("fix", out _));
        var astral = diagnostics[2];
        Assert.Equal((2, 15, 25), (astral.GetProperty("startLine").GetInt32(), astral.GetProperty("startColumn").GetInt32(), astral.GetProperty("offset").GetInt32()));

        var inputError = root.GetProperty("inputErrors")[0];
        Assert.Equal(("c.bin", "MR9004"), (inputError.GetProperty("path").GetString(), inputError.GetProperty("ruleId").GetString()));
        var summary = root.GetProperty("summary");
        Assert.Equal((2, 1, 2, 0, 0, 1), (summary.GetProperty("files").GetInt32(), summary.GetProperty("error").GetInt32(), summary.GetProperty("warning").GetInt32(), summary.GetProperty("suggestion").GetInt32(), summary.GetProperty("silent").GetInt32(), summary.GetProperty("inputErrors").GetInt32()));
    }

    [Fact]
    public void Json_keeps_non_ascii_text_readable()
    {
        var json = FormatterTestSupport.Format("json", ("caf\u00e9 \u201cq\u201d.txt", "zorgs\n"));
        Assert.Contains("\"path\": \"caf\u00e9 \u201cq\u201d.txt\"", json);
    }

    [Fact]
    public void Text_lines_are_compiler_style_with_a_summary_at_the_end()
    {
        var text = FormatterTestSupport.Format("text", [("a.txt", "x\r\n  zorgs blorp\n")], [("bad.txt", "is binary")]);

        Assert.Equal(
            "a.txt(2,3): warning MR2901: 'zorgs' is loaded: 50%, really\n"
            + "a.txt(2,9): error MR2902: 'blorp' is forbidden\n"
            + "1 file: 1 error, 1 warning, 0 suggestions, 0 silent, 1 unreadable input\n",
            text);
    }

    [Fact]
    public void GitHub_annotations_are_one_per_finding_and_escaped()
    {
        var lines = FormatterTestSupport.Format("github", ("dir,1/a:b.txt", "The zorgs\r\nblorp\n")).Split('\n', System.StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(
            new[]
            {
                "::warning file=dir%2C1/a%3Ab.txt,line=1,col=5,endLine=1,endColumn=10,title=MR2901::'zorgs' is loaded: 50%25, really",
                "::error file=dir%2C1/a%3Ab.txt,line=2,col=1,endLine=2,endColumn=6,title=MR2902::'blorp' is forbidden",
            },
            lines);
    }

    [Theory]
    [InlineData("a%b\r\nc", "a%25b%0D%0Ac", "a%25b%0D%0Ac")]
    [InlineData("x:y,z", "x:y,z", "x%3Ay%2Cz")]
    public void GitHub_escaping(string raw, string data, string property)
    {
        Assert.Equal(data, GitHubResultFormatter.EscapeData(raw));
        Assert.Equal(property, GitHubResultFormatter.EscapeProperty(raw));
    }

    [Fact]
    public void GitHub_reports_unreadable_inputs_as_errors_at_line_1()
    {
        var output = FormatterTestSupport.Format("github", [], [("x.txt", "is binary")]);
        Assert.Equal("::error file=x.txt,line=1,col=1,endLine=1,endColumn=1,title=MR9004::is binary\n", output);
        Assert.Matches(new Regex(@"^::(error|warning|notice) (?=.*\bfile=)(?=.*\bline=\d+)(?=.*\bcol=\d+)(?=.*\bendLine=\d+)(?=.*\bendColumn=\d+)(?=.*\btitle=MR\d{4})[^:]*::.+"), output);
    }

    [Fact]
    public void Formatters_enforce_begin_write_end()
    {
        using var output = new StringWriter();
        using var formatter = ResultFormatter.Create("json", output);
        Assert.Throws<System.InvalidOperationException>(formatter.End);
        formatter.Begin([]);
        Assert.Throws<System.InvalidOperationException>(() => formatter.Begin([]));
        formatter.End();
        Assert.Throws<System.InvalidOperationException>(formatter.End);
        Assert.Throws<System.ArgumentException>(() => ResultFormatter.Create("pdf", output));
    }
}

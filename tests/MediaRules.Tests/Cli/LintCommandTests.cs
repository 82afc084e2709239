using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace MediaRules.Tests.Cli;

public class LintCommandTests
{
    [Fact]
    public void Warnings_only_exit_0_with_compiler_style_lines_and_a_summary()
    {
        using var temp = new TempFolder();
        var pack = temp.Pack();
        var file = temp.Write("a.txt", "The zorgs left.\nThey came back.\n");

        var run = CliHarness.Run("lint", file, "--rules", pack, "--no-default-rules");

        Assert.Equal(0, run.Code);
        Assert.Equal("", run.Err);
        var lines = run.Out.Split('\n', System.StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"{file}(1,5): warning MR2901: 'zorgs' is loaded: 50%, really", lines[0]);
        Assert.Equal("1 file: 0 errors, 1 warning, 0 suggestions, 0 silent", lines[^1]);
    }

    [Fact]
    public void An_error_diagnostic_exits_1()
    {
        using var temp = new TempFolder();
        var run = CliHarness.Run("lint", temp.Write("a.txt", "A blorp here.\n"), "--rules", temp.Pack(), "--no-default-rules");

        Assert.Equal(1, run.Code);
        Assert.Contains("error MR2902: 'blorp' is forbidden", run.Out);
    }

    [Fact]
    public void No_findings_exit_0()
    {
        using var temp = new TempFolder();
        var run = CliHarness.Run("lint", temp.Write("a.txt", "Nothing to see.\n"), "--rules", temp.Pack(), "--no-default-rules");

        Assert.Equal(0, run.Code);
        Assert.Equal("1 file: 0 errors, 0 warnings, 0 suggestions, 0 silent\n", run.Out);
    }

    [Theory]
    [InlineData("lint", "--bogus", "x.txt")]
    [InlineData("lint")]
    [InlineData("lint", "x.txt", "--format", "pdf")]
    [InlineData("frobnicate")]
    [InlineData()]
    [InlineData("rules")]
    public void Usage_errors_exit_2_with_a_message(params string[] args)
    {
        var run = CliHarness.Run(args);

        Assert.Equal(2, run.Code);
        Assert.Contains("error", run.Err);
        Assert.DoesNotContain("Unhandled exception", run.Err);
    }

    [Fact]
    public void An_unknown_option_is_called_one()
    {
        var run = CliHarness.Run("lint", "--bogus", "x.txt");

        Assert.Contains("Unrecognized option '--bogus'", run.Err);
    }

    [Fact]
    public void Rules_can_be_repeated_and_folders_of_packs_work()
    {
        using var temp = new TempFolder();
        temp.Write("packs/one.yaml", "rules:\n  - id: MR2801\n    title: One\n    kind: term\n    message: one\n    terms: [alpha]\n");
        temp.Write("packs/sub/two.yml", "rules:\n  - id: MR2802\n    title: Two\n    kind: term\n    message: two\n    terms: [beta]\n");
        var file = temp.Write("a.txt", "alpha beta zorgs\n");

        var run = CliHarness.Run("lint", file, "--no-default-rules", "--rules", temp.PathOf("packs"), "--rules", temp.Pack());

        Assert.Equal(0, run.Code);
        Assert.Equal(new[] { "MR2801", "MR2802", "MR2901" }, Regex.Matches(run.Out, @"MR\d{4}").Select(m => m.Value));
    }

    [Fact]
    public void A_missing_path_exits_2_and_names_it()
    {
        using var temp = new TempFolder();
        var missing = temp.PathOf("nope.txt");
        var run = CliHarness.Run("lint", missing, "--no-default-rules");

        Assert.Equal(2, run.Code);
        Assert.Contains("nope.txt", run.Err);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void A_malformed_pack_exits_2_naming_the_file_and_line_3()
    {
        using var temp = new TempFolder();
        var broken = temp.Write("broken.yaml", "rules:\n  - id: MR2999\n\tkind: term\n");
        var run = CliHarness.Run("lint", temp.Write("one.txt", "The minister reportedly resigned.\n"), "--rules", broken);

        Assert.Equal(2, run.Code);
        Assert.Matches(@"broken\.yaml\(3,\d+\): error MR9001: ", run.Err);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void A_missing_pack_exits_2()
    {
        using var temp = new TempFolder();
        var run = CliHarness.Run("lint", temp.Write("one.txt", "x\n"), "--rules", temp.PathOf("absent.yaml"));

        Assert.Equal(2, run.Code);
        Assert.Contains("absent.yaml", run.Err);
    }

    [Fact]
    public void Bad_inputs_in_a_folder_are_reported_on_stderr_and_the_good_ones_are_linted()
    {
        using var temp = new TempFolder();
        var utf16Le = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("Le zorgs.\n")).ToArray();
        var utf16Be = Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes("Be zorgs.\n")).ToArray();
        var utf8Bom = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("Bom zorgs.\n")).ToArray();
        temp.WriteBytes("in/a-utf16le.txt", utf16Le);
        temp.WriteBytes("in/b-utf16be.md", utf16Be);
        temp.WriteBytes("in/c-bom.txt", utf8Bom);
        temp.Write("in/d-plain.html", "Plain zorgs.\n");
        temp.Write("in/e-empty.txt", "");
        temp.WriteBytes("in/f-binary.txt", new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x10, 0x20 });
        temp.WriteBytes("in/g-latin1.txt", Encoding.Latin1.GetBytes("Caf\u00e9 zorgs.\n"));
        temp.Write("in/h-ignored.pdf", "zorgs");
        temp.Write("in/sub/i-nested.markdown", "Nested zorgs.\n");
        var output = temp.PathOf("out.json");

        var run = CliHarness.Run("lint", temp.PathOf("in"), "--rules", temp.Pack(), "--no-default-rules", "--format", "json", "--output", output);

        Assert.Equal(1, run.Code); // MR9004 is an error
        var errLines = run.Err.Split('\n', System.StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, errLines.Length);
        Assert.Matches(@"f-binary\.txt: error MR9004: is binary", errLines[0]);
        Assert.Matches(@"g-latin1\.txt: error MR9004: is not valid UTF-8 \(invalid byte sequence at byte 3\)", errLines[1]);

        using var json = JsonDocument.Parse(File.ReadAllText(output));
        var files = json.RootElement.GetProperty("files").EnumerateArray().ToList();
        var names = files.Select(f => Path.GetFileName(f.GetProperty("path").GetString())).ToList();
        Assert.Equal(new[] { "a-utf16le.txt", "b-utf16be.md", "c-bom.txt", "d-plain.html", "e-empty.txt", "i-nested.markdown" }, names);
        var offsets = files.Select(f => f.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("offset").GetInt32()).ToList()).ToList();
        Assert.Equal(new[] { 3 }, offsets[0]);
        Assert.Equal(new[] { 3 }, offsets[1]);
        Assert.Equal(new[] { 4 }, offsets[2]); // after the byte order mark
        Assert.Equal(new[] { 6 }, offsets[3]);
        Assert.Empty(offsets[4]);
        Assert.Equal(new[] { 7 }, offsets[5]);
        var inputErrors = json.RootElement.GetProperty("inputErrors").EnumerateArray().ToList();
        Assert.Equal(2, inputErrors.Count);
        Assert.All(inputErrors, e => Assert.Equal("MR9004", e.GetProperty("ruleId").GetString()));
        Assert.Equal(2, json.RootElement.GetProperty("summary").GetProperty("inputErrors").GetInt32());
    }

    [Fact]
    public void Output_goes_to_a_new_folder_atomically_and_leaves_no_temporary_file()
    {
        using var temp = new TempFolder();
        var output = temp.PathOf(Path.Combine("deep", "er", "report.sarif"));
        File.WriteAllText(temp.Write("deep/er/old.txt", "x"), "x");

        var run = CliHarness.Run("lint", temp.Write("a.txt", "The zorgs.\n"), "--rules", temp.Pack(), "--no-default-rules", "--format", "sarif", "-o", output);

        Assert.Equal(0, run.Code);
        Assert.Equal("", run.Out);
        var bytes = File.ReadAllBytes(output);
        Assert.NotEqual(0xEF, bytes[0]); // no byte order mark
        using var sarif = JsonDocument.Parse(bytes);
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        Assert.Equal(new[] { "old.txt", "report.sarif" }, Directory.GetFiles(Path.GetDirectoryName(output)!).Select(Path.GetFileName).Order().ToArray());
    }

    [Fact]
    public void Files_of_a_folder_come_out_in_ordinal_path_order()
    {
        using var temp = new TempFolder();
        foreach (var name in new[] { "b.txt", "B.txt", "a/z.txt", "a.txt", "c.md", "_x.txt" })
        {
            temp.Write(Path.Combine("docs", name), "zorgs\n");
        }

        var first = CliHarness.Run("lint", temp.PathOf("docs"), "--rules", temp.Pack(), "--no-default-rules");
        var second = CliHarness.Run("lint", temp.PathOf("docs"), "--rules", temp.Pack(), "--no-default-rules");

        var order = first.Out.Split('\n').Where(l => l.Contains("MR2901")).Select(l => l[(temp.PathOf("docs").Length + 1)..l.IndexOf('(')]).ToList();
        Assert.Equal(new[] { "B.txt", "_x.txt", "a.txt", "a/z.txt", "b.txt", "c.md" }.Select(p => p.Replace('/', Path.DirectorySeparatorChar)), order);
        Assert.Equal(first.Out, second.Out);
    }

    [Fact]
    public void Many_files_in_parallel_come_out_in_order_and_complete()
    {
        using var temp = new TempFolder();
        for (var i = 0; i < 200; i++)
        {
            temp.Write($"many/{i:D3}.txt", string.Concat(Enumerable.Repeat("The zorgs came. ", i % 7)) + "\n");
        }

        var run = CliHarness.Run("lint", temp.PathOf("many"), "--rules", temp.Pack(), "--no-default-rules", "--format", "json");

        Assert.Equal(0, run.Code);
        using var json = JsonDocument.Parse(run.Out);
        var files = json.RootElement.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(200, files.Count);
        for (var i = 0; i < 200; i++)
        {
            Assert.EndsWith($"{i:D3}.txt", files[i].GetProperty("path").GetString());
            Assert.Equal(i % 7, files[i].GetProperty("diagnostics").GetArrayLength());
        }
    }

    [Fact]
    public void GitHub_format_writes_one_well_formed_annotation_per_finding()
    {
        using var temp = new TempFolder();
        var file = temp.Write("my notes,v1.txt", "The zorgs\nand a blorp and zorgs.\n");

        var run = CliHarness.Run("lint", file, "--rules", temp.Pack(), "--no-default-rules", "--format", "github");

        Assert.Equal(1, run.Code);
        var lines = run.Out.Split('\n', System.StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        var pattern = new Regex(@"^::(error|warning|notice) file=[^,:]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=MR\d{4}::.+$");
        Assert.All(lines, l => Assert.Matches(pattern, l));
        var escapedPath = file.Replace(",", "%2C").Replace(":", "%3A");
        Assert.Equal($"::warning file={escapedPath},line=1,col=5,endLine=1,endColumn=10,title=MR2901::'zorgs' is loaded: 50%25, really", lines[0]);
        Assert.StartsWith("::error ", lines[1]);
    }

    [Fact]
    public void The_default_packs_find_something_in_the_seed_article()
    {
        var run = CliHarness.Run("lint", TestSupport.SeedPath, "--format", "sarif");

        Assert.True(run.Code is 0 or 1, run.Err);
        using var sarif = JsonDocument.Parse(run.Out);
        Assert.NotEqual(0, sarif.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength());
    }

    [Fact]
    public void Version_and_help()
    {
        var version = CliHarness.Run("--version");
        Assert.Equal(0, version.Code);
        Assert.Matches(@"^\d+\.\d+\.\d+\S*\n$", version.Out);

        var help = CliHarness.Run("lint", "--help");
        Assert.Equal(0, help.Code);
        Assert.Contains("--no-default-rules", help.Out);
        Assert.Contains("--format", help.Out);
    }

    [Fact]
    public void The_built_executable_lints_with_relative_paths_and_exit_codes()
    {
        using var temp = new TempFolder();
        temp.Pack();
        temp.Write("docs/a b.txt", "The zorgs.\n");
        temp.Write("docs/c.txt", "A blorp.\n");

        var run = CliHarness.RunProcess(temp.Root, "lint", "docs", "--rules", "pack.yaml", "--no-default-rules", "--format", "sarif");

        Assert.Equal(1, run.Code);
        Assert.DoesNotContain("Unhandled", run.Err);
        using var sarif = JsonDocument.Parse(run.Out);
        var uris = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString())
            .ToList();
        Assert.Equal(new[] { "docs/a%20b.txt", "docs/c.txt" }, uris);

        var usage = CliHarness.RunProcess(temp.Root, "lint", "--nope");
        Assert.Equal(2, usage.Code);
        Assert.DoesNotContain("Unhandled", usage.Err);

        var version = CliHarness.RunProcess(temp.Root, "--version");
        Assert.Equal(0, version.Code);
        Assert.Matches(@"^\d+\.\d+\.\d+", version.Out);
    }
}

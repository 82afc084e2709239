using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using Xunit;

namespace MediaRules.Tests.Cli;

public class FixCommandTests
{
    private const string Story = "The zorgs left.\nThey came back.\nA blorp here.\n";

    [Fact]
    public void Fix_rewrites_the_file_reports_what_it_fixed_and_what_remains()
    {
        using var temp = new TempFolder();
        var file = temp.Write("a.txt", Story);

        var run = CliHarness.Run("fix", file, "--rules", temp.Pack(), "--no-default-rules");

        Assert.Equal("The fighters left.\nThey came back.\nA blorp here.\n", File.ReadAllText(file));
        Assert.Equal(1, run.Code); // the error MR2902 remains
        Assert.Equal("", run.Err);
        Assert.Equal(
            $"{file}(1,5): fixed MR2901: Replace with 'fighters'\n"
            + $"{file}(3,3): error MR2902: 'blorp' is forbidden\n"
            + "applied 1 fix in 1 file\n"
            + "1 file: 1 error, 0 warnings, 0 suggestions, 0 silent\n",
            run.Out);
    }

    [Fact]
    public void Exit_code_0_when_no_error_remains_after_fixing()
    {
        using var temp = new TempFolder();
        var file = temp.Write("a.txt", "The zorgs left.\n");

        var run = CliHarness.Run("fix", file, "--rules", temp.Pack(), "--no-default-rules");

        Assert.Equal(0, run.Code);
        Assert.EndsWith("1 file: 0 errors, 0 warnings, 0 suggestions, 0 silent\n", run.Out);
    }

    [Fact]
    public void Dry_run_changes_nothing_and_prints_a_unified_diff()
    {
        using var temp = new TempFolder();
        var text = "One.\nTwo.\nThree.\nFour zorgs.\nFive.\nSix.\nSeven.\nEight.\nNine.\nTen.\nEleven.\nTwelve zorgs.\n";
        var file = temp.Write("a.txt", text);
        var before = File.GetLastWriteTimeUtc(file);

        var run = CliHarness.Run("fix", file, "--dry-run", "--rules", temp.Pack(), "--no-default-rules");

        Assert.Equal(text, File.ReadAllText(file));
        Assert.Equal(before, File.GetLastWriteTimeUtc(file));
        Assert.Equal(0, run.Code);
        Assert.Equal(
            $"--- {file}\n+++ {file}\n"
            + "@@ -1,7 +1,7 @@\n One.\n Two.\n Three.\n-Four zorgs.\n+Four fighters.\n Five.\n Six.\n Seven.\n"
            + "@@ -9,4 +9,4 @@\n Nine.\n Ten.\n Eleven.\n-Twelve zorgs.\n+Twelve fighters.\n",
            run.Out);
        Assert.Contains($"{file}(4,6): would fix MR2901: Replace with 'fighters'", run.Err);
        Assert.Contains("would apply 2 fixes in 1 file", run.Err);
        Assert.Single(Directory.GetFiles(temp.Root, "*.txt"));
    }

    [Fact]
    public void Dry_run_diff_marks_a_last_line_without_a_line_break_and_keeps_carriage_returns()
    {
        using var temp = new TempFolder();
        var file = temp.Write("a.txt", "Keep.\r\nThe zorgs");

        var run = CliHarness.Run("fix", file, "--dry-run", "--rules", temp.Pack(), "--no-default-rules");

        Assert.Equal(
            $"--- {file}\n+++ {file}\n@@ -1,2 +1,2 @@\n Keep.\r\n-The zorgs\n\\ No newline at end of file\n+The fighters\n\\ No newline at end of file\n",
            run.Out);
    }

    [Fact]
    public void The_dry_run_diff_applies_with_patch_to_give_what_fix_writes()
    {
        using var temp = new TempFolder();
        var text = string.Concat(Enumerable.Range(1, 30).Select(i => i % 7 == 0 ? $"Line {i}: the zorgs came.\r\n" : $"Line {i}.\n")) + "Last zorgs";
        var file = temp.Write("story.txt", text);
        var copy = temp.Write("copy/story.txt", text);

        var dry = CliHarness.RunProcess(temp.Root, "fix", "story.txt", "--dry-run", "--rules", temp.Pack(), "--no-default-rules");
        Assert.StartsWith("--- story.txt\n+++ story.txt\n@@ ", dry.Out);
        CliHarness.Run("fix", file, "--rules", temp.Pack(), "--no-default-rules");
        if (!File.Exists("/usr/bin/patch"))
        {
            return;
        }

        var patch = new ProcessStartInfo("/usr/bin/patch", ["-p0", "--quiet", "--binary"])
        {
            WorkingDirectory = temp.PathOf("copy"),
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using (var process = Process.Start(patch)!)
        {
            process.StandardInput.Write(dry.Out);
            process.StandardInput.Close();
            process.WaitForExit(30_000);
            Assert.True(process.ExitCode == 0, process.StandardError.ReadToEnd() + process.StandardOutput.ReadToEnd());
        }

        Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(copy));
        Assert.NotEqual(text, File.ReadAllText(file));
    }

    [Fact]
    public void Fix_keeps_the_bom_and_crlf_line_endings()
    {
        using var temp = new TempFolder();
        var body = "The zorgs left.\r\nThey came back.\r\n";
        var file = temp.WriteBytes("a.txt", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(body)]);

        var run = CliHarness.Run("fix", file, "--rules", temp.Pack(), "--no-default-rules");

        Assert.Equal(0, run.Code);
        byte[] expected = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("The fighters left.\r\nThey came back.\r\n")];
        Assert.Equal(expected, File.ReadAllBytes(file));
    }

    [Theory]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    public void Fix_keeps_utf16_with_its_bom(string name)
    {
        using var temp = new TempFolder();
        var encoding = name == "utf-16le" ? new UnicodeEncoding(false, true) : new UnicodeEncoding(true, true);
        var file = temp.WriteBytes("a.txt", [.. encoding.GetPreamble(), .. encoding.GetBytes("Caf\u00e9 \U0001F600 zorgs\r\n")]);

        var run = CliHarness.Run("fix", file, "--rules", temp.Pack(), "--no-default-rules");

        Assert.Equal(0, run.Code);
        Assert.Equal([.. encoding.GetPreamble(), .. encoding.GetBytes("Caf\u00e9 \U0001F600 fighters\r\n")], File.ReadAllBytes(file));
    }

    [Fact]
    public void A_line_break_in_a_replacement_is_written_in_the_files_style()
    {
        using var temp = new TempFolder();
        var pack = temp.Write("nl.yaml", "rules:\n  - id: MR2950\n    title: Split\n    kind: term\n    message: split\n    terms:\n      - term: zorgs\n        suggest: [\"one\\ntwo\"]\n");
        var file = temp.Write("a.txt", "A zorgs.\r\nB.\r\n");

        CliHarness.Run("fix", file, "--rules", pack, "--no-default-rules");

        Assert.Equal("A one\r\ntwo.\r\nB.\r\n", File.ReadAllText(file));
    }

    [Fact]
    public void Fix_keeps_the_files_permissions()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var temp = new TempFolder();
        var file = temp.Write("a.txt", "The zorgs left.\n");
        const UnixFileMode mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;
        File.SetUnixFileMode(file, mode);

        CliHarness.Run("fix", file, "--rules", temp.Pack(), "--no-default-rules");

        Assert.Equal("The fighters left.\n", File.ReadAllText(file));
        Assert.Equal(mode, File.GetUnixFileMode(file));
        Assert.Equal(["a.txt", "pack.yaml"], Directory.GetFileSystemEntries(temp.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Fix_writes_through_a_symbolic_link_and_keeps_the_link()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var temp = new TempFolder();
        var target = temp.Write("real.txt", "The zorgs left.\n");
        var link = temp.PathOf("link.txt");
        File.CreateSymbolicLink(link, target);

        CliHarness.Run("fix", link, "--rules", temp.Pack(), "--no-default-rules");

        Assert.Equal("The fighters left.\n", File.ReadAllText(target));
        Assert.NotNull(new FileInfo(link).LinkTarget);
    }

    [Fact]
    public void A_file_that_cannot_be_written_is_reported_left_alone_and_the_others_are_fixed()
    {
        using var temp = new TempFolder();
        var locked = temp.Write("a.txt", "The zorgs left.\n");
        var other = temp.Write("b.txt", "The zorgs came.\n");
        using var readOnly = ReadOnlyFile.Make(locked);
        if (readOnly is null)
        {
            return; // this process may write any file (root, with no way to make one immutable): nothing to test here
        }

        var run = CliHarness.Run("fix", locked, other, "--rules", temp.Pack(), "--no-default-rules");

        Assert.Equal(1, run.Code);
        Assert.Equal("The zorgs left.\n", File.ReadAllText(locked));
        Assert.Equal("The fighters came.\n", File.ReadAllText(other));
        Assert.Contains($"{locked}: error: cannot be written", run.Err);
        Assert.Contains($"{locked}(1,5): warning MR2901", run.Out); // still there, and said so
        Assert.Contains("applied 1 fix in 1 file", run.Out);
        Assert.Equal(2, Directory.GetFiles(temp.Root, "*.txt").Length);
    }

    [Fact]
    public void An_unreadable_input_is_reported_as_MR9004_and_skipped()
    {
        using var temp = new TempFolder();
        var binary = temp.WriteBytes("bin.txt", [0x00, 0x01, 0x02, (byte)'z']);
        var latin1 = temp.WriteBytes("latin.txt", Encoding.Latin1.GetBytes("Caf\u00e9 zorgs\n"));
        var good = temp.Write("good.txt", "The zorgs left.\n");

        var run = CliHarness.Run("fix", temp.Root, "--rules", temp.Pack(), "--no-default-rules");

        Assert.Equal(1, run.Code);
        Assert.Contains($"{binary}: error MR9004: is binary", run.Err);
        Assert.Contains($"{latin1}: error MR9004: is not valid UTF-8", run.Err);
        Assert.Equal([0x00, 0x01, 0x02, (byte)'z'], File.ReadAllBytes(binary));
        Assert.Equal("The fighters left.\n", File.ReadAllText(good));
        Assert.EndsWith("1 file: 0 errors, 0 warnings, 0 suggestions, 0 silent, 2 unreadable inputs\n", run.Out);
    }

    [Fact]
    public void Overlapping_fixes_are_never_both_applied_the_earliest_then_longest_wins()
    {
        using var temp = new TempFolder();
        var pack = temp.Write("overlap.yaml", """
            rules:
              - id: MR2960
                title: Long
                kind: term
                message: long
                terms:
                  - term: zorg army
                    suggest: [armed group]
              - id: MR2961
                title: Short
                kind: term
                message: short
                terms:
                  - term: army units
                    suggest: [units]
              - id: MR2962
                title: Inner
                kind: term
                message: inner
                terms:
                  - term: zorg
                    suggest: [Zorg]
            """);
        var file = temp.Write("a.txt", "The zorg army units left.\n");

        var run = CliHarness.Run("fix", file, "--rules", pack, "--no-default-rules");

        Assert.Equal("The armed group units left.\n", File.ReadAllText(file));
        Assert.Contains("applied 1 fix in 1 file; 2 fixes not applied", run.Out);
    }

    [Fact]
    public void A_file_named_twice_is_fixed_once()
    {
        using var temp = new TempFolder();
        var file = temp.Write("a.txt", "The zorgs left.\n");
        var pack = temp.Write("chain.yaml", "rules:\n  - id: MR2970\n    title: Chain\n    kind: term\n    message: chain\n    terms:\n      - term: zorgs\n        suggest: [blorps]\n      - term: blorps\n        suggest: [fighters]\n");

        var run = CliHarness.Run("fix", file, Path.Combine(temp.Root, ".", "a.txt"), "--rules", pack, "--no-default-rules");

        Assert.Equal("The blorps left.\n", File.ReadAllText(file)); // one pass: the fix the first one enables is reported, not applied
        Assert.Contains("warning MR2970", run.Out);
    }

    [Fact]
    public void A_file_with_nothing_to_fix_is_not_rewritten()
    {
        using var temp = new TempFolder();
        var file = temp.Write("a.txt", "Nothing here.\n");
        File.SetLastWriteTimeUtc(file, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        var run = CliHarness.Run("fix", file, "--rules", temp.Pack(), "--no-default-rules");

        Assert.Equal(0, run.Code);
        Assert.Equal(new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc), File.GetLastWriteTimeUtc(file));
        Assert.Equal("applied 0 fixes in 0 files\n1 file: 0 errors, 0 warnings, 0 suggestions, 0 silent\n", run.Out);
    }

    [Theory]
    [InlineData("fix")]
    [InlineData("fix", "--bogus", "x.txt")]
    [InlineData("fix", "does-not-exist.txt")]
    public void Usage_errors_exit_2(params string[] args)
    {
        var run = CliHarness.Run(args);

        Assert.Equal(2, run.Code);
        Assert.Contains("error", run.Err);
    }

    [Fact]
    public void A_rule_pack_that_does_not_load_exits_2_and_changes_nothing()
    {
        using var temp = new TempFolder();
        var file = temp.Write("a.txt", "The zorgs left.\n");
        var bad = temp.Write("bad.yaml", "rules:\n  - id: nope\n");

        var run = CliHarness.Run("fix", file, "--rules", bad);

        Assert.Equal(2, run.Code);
        Assert.Contains("MR9001", run.Err);
        Assert.Equal("The zorgs left.\n", File.ReadAllText(file));
    }

    [Fact]
    public void The_seed_article_fixed_as_a_process_then_clean_of_its_fixes()
    {
        using var temp = new TempFolder();
        File.WriteAllBytes(temp.PathOf("seed.txt"), File.ReadAllBytes(TestSupport.SeedPath));
        var seed = File.ReadAllText(temp.PathOf("seed.txt"));

        var run = CliHarness.RunProcess(temp.Root, "fix", "seed.txt");
        var after = CliHarness.RunProcess(temp.Root, "lint", "seed.txt", "--format", "json");

        Assert.True(run.Code is 0 or 1, run.Err);
        Assert.Contains("seed.txt(", run.Out);
        Assert.Contains(": fixed MR", run.Out);
        Assert.NotEqual(seed, File.ReadAllText(temp.PathOf("seed.txt")));
        Assert.DoesNotContain("\"fix\"", after.Out);
    }

    /// <summary>Makes a file this process cannot write: no write permission, and immutable when running as root.</summary>
    private sealed class ReadOnlyFile : IDisposable
    {
        private readonly string _path;
        private readonly bool _immutable;

        private ReadOnlyFile(string path, bool immutable)
        {
            _path = path;
            _immutable = immutable;
        }

        public static ReadOnlyFile? Make(string path)
        {
            if (OperatingSystem.IsWindows())
            {
                File.SetAttributes(path, FileAttributes.ReadOnly);
                return new ReadOnlyFile(path, false);
            }

            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            if (!Writable(path))
            {
                return new ReadOnlyFile(path, false);
            }

            // Root may write any file; an immutable one it may not (where chattr and the file system allow it).
            if (Chattr("+i", path) && !Writable(path))
            {
                return new ReadOnlyFile(path, true);
            }

            return null;
        }

        public void Dispose()
        {
            if (_immutable)
            {
                Chattr("-i", _path);
            }

            if (OperatingSystem.IsWindows())
            {
                File.SetAttributes(_path, FileAttributes.Normal);
            }
        }

        private static bool Writable(string path)
        {
            try
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Write);
                return true;
            }
            catch (UnauthorizedAccessException)
            {
                return false;
            }
            catch (IOException)
            {
                return false;
            }
        }

        private static bool Chattr(string flag, string path)
        {
            try
            {
                using var process = Process.Start(new ProcessStartInfo("chattr", [flag, path]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
                process.WaitForExit(10_000);
                return process.ExitCode == 0;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return false;
            }
        }
    }
}

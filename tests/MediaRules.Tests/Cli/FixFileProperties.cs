using System;
using System.IO;
using System.Linq;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MediaRules.Analysis;
using MediaRules.Cli.Commands;
using MediaRules.Cli.Inputs;
using MediaRules.Text;
using Xunit;

namespace MediaRules.Tests.Cli;

/// <summary>
/// Properties of fixing a file: byte for byte, the file is what it was outside the fixed spans, in any supported
/// encoding, with or without a byte order mark, with any line endings and any non-ASCII text; fixing is idempotent;
/// linting the fixed file reports none of the fixed findings.
/// </summary>
public class FixFileProperties
{
    private static readonly string[] Words =
    {
        "zorgs", "zorg", "Zorgs", "blorp", "Kiev", "claimed", "the", "fighters", "said", "Kyiv", " ", " ", "  ", ".", ",",
        "\n", "\r\n", "\r", "\u2028", "é", "e\u0301", "שלום", "\U0001F600", "“", "”", "\"", "’", "\t", "Mbappé", "日本",
    };

    private static readonly Lazy<Linter> Pack = new(() => new LinterBuilder().AddRules(
        """
        rules:
          - id: MR2901
            title: Test labels
            kind: term
            message: "'{match}'"
            voices: [any]
            terms:
              - term: zorgs
                suggest: [fighters]
              - term: Kiev
                suggest: [Kyiv]
              - term: claimed
                suggest: [said]
              - term: blorp
                suggest: ["a \U0001F600 blorpé"]
          - id: MR2902
            title: Test error
            kind: term
            severity: error
            message: "'{match}'"
            voices: [any]
            terms: [blorp]
        """,
        "test-pack.yaml").Build());

    public enum Storage
    {
        Utf8,
        Utf8Bom,
        Utf16Le,
        Utf16Be,
    }

    public enum Breaks
    {
        AsGenerated,
        Lf,
        CrLf,
    }

    private static Arbitrary<(string Text, Storage Storage, Breaks Breaks)> Files() =>
        (from parts in Gen.ArrayOf(Gen.Elements(Words))
         from storage in Gen.Elements(Enum.GetValues<Storage>())
         from breaks in Gen.Elements(Enum.GetValues<Breaks>())
         select (Normalize(string.Concat(parts), breaks), storage, breaks)).ToArbitrary();

    private static string Normalize(string text, Breaks breaks) => breaks switch
    {
        Breaks.Lf => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'),
        Breaks.CrLf => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Replace("\n", "\r\n", StringComparison.Ordinal),
        _ => text,
    };

    private static (byte[] Preamble, Encoding Encoding) Codec(Storage storage) => storage switch
    {
        Storage.Utf8Bom => ([0xEF, 0xBB, 0xBF], new UTF8Encoding(false)),
        Storage.Utf16Le => ([0xFF, 0xFE], new UnicodeEncoding(false, false)),
        Storage.Utf16Be => ([0xFE, 0xFF], new UnicodeEncoding(true, false)),
        _ => ([], new UTF8Encoding(false)),
    };

    [Property(MaxTest = 150)]
    public Property Every_byte_outside_the_fixed_spans_is_unchanged_and_fixing_again_changes_nothing() =>
        Prop.ForAll(Files(), file =>
        {
            using var temp = new TempFolder();
            var (preamble, encoding) = Codec(file.Storage);
            var original = preamble.Concat(encoding.GetBytes(file.Text)).ToArray();
            var path = temp.WriteBytes("a.txt", original);

            var outcome = FixCommand.FixFile(Pack.Value, path, dryRun: false);
            var fixedBytes = File.ReadAllBytes(path);
            var changes = outcome.Fix!.Changes;

            // Walk the unchanged segments: each one's bytes are in the new file, at the place the changes before it
            // shifted it to; each change's bytes are its replacement, encoded as the file is.
            var outside = preamble.AsSpan().SequenceEqual(fixedBytes.AsSpan(0, preamble.Length));
            int oldChar = 0, oldByte = preamble.Length, newByte = preamble.Length;
            foreach (var change in changes.Append(new TextChange(new TextSpan(file.Text.Length, 0), "")))
            {
                var keep = encoding.GetByteCount(file.Text.AsSpan(oldChar, change.Span.Start - oldChar));
                outside &= newByte + keep <= fixedBytes.Length
                    && original.AsSpan(oldByte, keep).SequenceEqual(fixedBytes.AsSpan(newByte, keep));
                var inserted = encoding.GetBytes(change.NewText);
                outside &= newByte + keep + inserted.Length <= fixedBytes.Length
                    && inserted.AsSpan().SequenceEqual(fixedBytes.AsSpan(newByte + keep, inserted.Length));
                oldByte += keep + encoding.GetByteCount(file.Text.AsSpan(change.Span.Start, change.Span.Length));
                newByte += keep + inserted.Length;
                oldChar = change.Span.End;
            }

            outside &= newByte == fixedBytes.Length && oldByte == original.Length;

            var again = FixCommand.FixFile(Pack.Value, path, dryRun: false);
            var idempotent = again.Fix!.Changes.Count == 0 && File.ReadAllBytes(path).AsSpan().SequenceEqual(fixedBytes);
            var relint = InputReader.Read(path);
            var clean = !Pack.Value.Analyze(relint.Text!).Diagnostics.Any(d => d.Fix is not null);
            return (outside && idempotent && clean && outcome.Error is null)
                .Label($"outside={outside} idempotent={idempotent} clean={clean} error={outcome.Error}");
        });

    [Property(MaxTest = 100)]
    public Property A_dry_run_never_touches_the_file() =>
        Prop.ForAll(Files(), file =>
        {
            using var temp = new TempFolder();
            var (preamble, encoding) = Codec(file.Storage);
            var original = preamble.Concat(encoding.GetBytes(file.Text)).ToArray();
            var path = temp.WriteBytes("a.txt", original);

            var outcome = FixCommand.FixFile(Pack.Value, path, dryRun: true);

            return File.ReadAllBytes(path).AsSpan().SequenceEqual(original)
                && outcome.Remaining!.Text.ContentEquals(outcome.Fix!.Text)
                && Directory.GetFiles(temp.Root).Length == 1;
        });

    [Fact]
    public void The_analysed_text_and_the_file_agree_so_offsets_need_no_mapping()
    {
        using var temp = new TempFolder();
        var path = temp.WriteBytes("a.txt", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("é zorgs\r\n")]);

        var outcome = FixCommand.FixFile(Pack.Value, path, dryRun: true);

        Assert.Equal([new TextChange(new TextSpan(2, 5), "fighters")], outcome.Fix!.Changes);
    }
}

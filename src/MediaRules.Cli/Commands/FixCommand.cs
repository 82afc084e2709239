using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using MediaRules.Analysis;
using MediaRules.Cli.Inputs;
using MediaRules.Diagnostics;
using MediaRules.Fixes;
using MediaRules.Formatting;
using MediaRules.Text;

namespace MediaRules.Cli.Commands;

/// <summary>
/// <c>mediarules fix PATH... [--rules FILE|DIR]... [--no-default-rules] [--dry-run]</c>: applies every suggested fix
/// that does not overlap another, in place, then lints the fixed text again to say what remains.
/// </summary>
/// <remarks>
/// One pass per file (see docs/fix.md): every change is one that <c>lint</c> offers on the file as it is. Files are
/// fixed one at a time, in the order <c>lint</c> lists them. A file is rewritten atomically (a temporary file in its
/// folder, renamed over it) in its own encoding, with its byte order mark and permissions; the fixes themselves
/// replace text inside lines, so every line break outside them stays as it was (a line break inside a replacement is
/// written in the file's own style).
/// </remarks>
internal sealed class FixCommand
{
    private readonly RuleOptions _ruleOptions = new();
    private readonly TextWriter _stdout;
    private readonly TextWriter _stderr;

    private readonly InputArguments _inputs = new();

    private readonly Option<bool> _dryRun = new("--dry-run")
    {
        Description = "Change nothing: print the fixes as a unified diff on the standard output (the report goes to the standard error).",
    };

    public FixCommand(TextWriter stdout, TextWriter stderr)
    {
        _stdout = stdout;
        _stderr = stderr;
        Command = new Command("fix", "Apply the suggested fixes that do not overlap, in place (or show them as a diff with --dry-run), then report what remains.");
        _inputs.AddTo(Command);
        _ruleOptions.AddTo(Command);
        Command.Options.Add(_dryRun);
        Command.SetAction(Execute);
    }

    public Command Command { get; }

    private int Execute(ParseResult parseResult)
    {
        var paths = _inputs.ExistingPaths(parseResult, _stderr);
        if (paths is null)
        {
            return ExitCodes.Usage;
        }

        var dryRun = parseResult.GetValue(_dryRun);
        var files = Distinct(InputFinder.Find(paths));
        var setup = LintSetup.Create(parseResult, _ruleOptions, _inputs.Config, files, _stderr);
        if (setup is null)
        {
            return ExitCodes.Usage;
        }

        // The report: what remains, in lint's text format. With --dry-run the standard output is the diff alone.
        var report = dryRun ? _stderr : _stdout;
        using var formatter = new TextResultFormatter(report);
        formatter.Begin(setup.Descriptors);
        var anyError = false;
        int applied = 0, notApplied = 0, changedFiles = 0;
        foreach (var file in files)
        {
            var outcome = FixFile(setup, file, dryRun);
            anyError |= outcome.Failed;
            if (outcome.Error is { } error)
            {
                _stderr.Write(outcome.ErrorId is null ? $"{file}: error: {error}\n" : $"{file}: error {outcome.ErrorId}: {error}\n");
                if (outcome.ErrorId == EngineDiagnostics.UnreadableInput.Id)
                {
                    formatter.WriteUnreadableInput(file, error);
                }
            }

            if (outcome.Fix is { } fix && !outcome.Failed)
            {
                applied += fix.Applied.Count;
                notApplied += fix.Skipped.Count + outcome.OutsideProse;
                if (fix.Changes.Count > 0)
                {
                    changedFiles++;
                    if (dryRun)
                    {
                        UnifiedDiff.Write(_stdout, file, outcome.Original!.ToString(), fix.Changes);
                    }
                }

                foreach (var diagnostic in fix.Applied)
                {
                    var start = diagnostic.Location.LineSpan.Start;
                    report.Write(string.Format(
                        CultureInfo.InvariantCulture,
                        "{0}({1},{2}): {3} {4}: {5}\n",
                        file,
                        start.Line + 1,
                        start.Character + 1,
                        dryRun ? "would fix" : "fixed",
                        diagnostic.Id,
                        diagnostic.Fix!.Title));
                }
            }

            if (outcome.Remaining is { } remaining)
            {
                formatter.Write(remaining);
                anyError |= remaining.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error && !d.IsSuppressed);
            }
        }

        report.Write(Summary(dryRun, applied, changedFiles, notApplied));
        formatter.End();
        return anyError ? ExitCodes.Errors : ExitCodes.Success;
    }

    private static string Summary(bool dryRun, int applied, int files, int notApplied)
    {
        var line = (dryRun ? "would apply " : "applied ")
            + Plural(applied, "fix", "fixes") + " in " + Plural(files, "file", "files");
        if (notApplied > 0)
        {
            line += "; " + Plural(notApplied, "fix", "fixes") + " not applied (overlapping another, or outside the prose)";
        }

        return line + "\n";
    }

    private static string Plural(int count, string one, string many) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? one : many);

    /// <summary>The files with each one named once, whatever the spelling of its path (the first spelling is kept).</summary>
    private static List<string> Distinct(List<string> files)
    {
        var seen = new HashSet<string>(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        return files.Where(f => seen.Add(FullPathOrSelf(f))).ToList();
    }

    private static string FullPathOrSelf(string path)
    {
        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException or System.Security.SecurityException)
        {
            return path;
        }
    }

    /// <summary>Reads, analyses and fixes one file; writes it unless <paramref name="dryRun"/>.</summary>
    internal static FixOutcome FixFile(Linter linter, string path, bool dryRun) => FixFile(LintSetup.For(linter), path, dryRun);

    /// <summary>Reads, analyses (with the file's configuration) and fixes one file; writes it unless <paramref name="dryRun"/>.</summary>
    internal static FixOutcome FixFile(LintSetup setup, string path, bool dryRun)
    {
        var stamp = FileStamp.Of(ResolveLinks(path));
        var read = InputReader.Read(path);
        if (read.Text is not { } original)
        {
            return FixOutcome.Failure(EngineDiagnostics.UnreadableInput.Id, read.Error!);
        }

        AnalysisResult before;
        try
        {
            before = setup.Analyze(path, original);
        }
#pragma warning disable CA1031 // One document that breaks the engine must not stop the run; it is reported and skipped.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return FixOutcome.Failure(EngineDiagnostics.RuleFailed.Id, $"analysis failed and the file was skipped: {ex.GetType().Name}: {ex.Message}");
        }

        var candidates = new List<Diagnostic>();
        var outsideProse = 0;
        foreach (var diagnostic in before.Diagnostics)
        {
            if (diagnostic.Fix is not { } fix || diagnostic.IsSuppressed)
            {
                continue;
            }

            if (!InAnalysedText(fix, original, before.Text))
            {
                outsideProse++;
                continue;
            }

            candidates.Add(WithLineBreaks(diagnostic, read.LineBreak));
        }

        var result = FixApplier.Apply(original, candidates);
        if (result.Changes.Count == 0)
        {
            return new FixOutcome(original, result, outsideProse, before, null, null);
        }

        AnalysisResult after;
        try
        {
            after = setup.Analyze(path, result.Text);
        }
#pragma warning disable CA1031 // As above: reported, and the file is left as it was.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return new FixOutcome(original, result, outsideProse, before, EngineDiagnostics.RuleFailed.Id, $"analysis of the fixed text failed, so the file was left unchanged: {ex.GetType().Name}: {ex.Message}");
        }

        if (!dryRun)
        {
            var writeError = Write(path, result.Text.ToString(), read, stamp);
            if (writeError is not null)
            {
                return new FixOutcome(original, result, outsideProse, before, null, writeError);
            }
        }

        return new FixOutcome(original, result, outsideProse, after, null, null);
    }

    /// <summary>
    /// Whether every change of a fix lies in text that was analysed as it stands in the file: the analysed text (for
    /// Markdown and HTML, the prose with everything else blanked at the same offsets) and the file's text agree on
    /// every character of its span, and on both sides of an insertion. A fix never edits markup or code.
    /// </summary>
    private static bool InAnalysedText(CodeFix fix, SourceText original, SourceText analysed)
    {
        if (ReferenceEquals(original, analysed) || original.ContentEquals(analysed))
        {
            return true;
        }

        if (original.Length != analysed.Length)
        {
            return false;
        }

        foreach (var change in fix.Changes)
        {
            var span = change.Span;
            if (span.End > original.Length)
            {
                return false;
            }

            var around = span.IsEmpty
                ? TextSpan.FromBounds(Math.Max(0, span.Start - 1), Math.Min(original.Length, span.End + 1))
                : span;
            if (!original.AsSpan(around).SequenceEqual(analysed.AsSpan(around)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The diagnostic with the line breaks inside its fix's replacements written as the file writes them.</summary>
    private static Diagnostic WithLineBreaks(Diagnostic diagnostic, string? lineBreak)
    {
        var fix = diagnostic.Fix!;
        if (lineBreak is null || !fix.Changes.Any(c => c.NewText.AsSpan().IndexOfAny('\r', '\n') >= 0))
        {
            return diagnostic;
        }

        var changes = fix.Changes.Select(c => new TextChange(c.Span, c.NewText.ReplaceLineEndings(lineBreak))).ToArray();
        return new Diagnostic(diagnostic.Descriptor, diagnostic.Location, diagnostic.Message, diagnostic.Severity, new CodeFix(fix.Title, changes));
    }

    /// <summary>
    /// Replaces the file with <paramref name="text"/>, atomically: the new content goes to a temporary file in the same
    /// folder, which gets the file's permissions and is then renamed over it. A file this process may not open for
    /// writing, a file that changed since it was read, or a failure at any step leaves the file as it was.
    /// </summary>
    /// <returns>Why the file could not be written, or <see langword="null"/>.</returns>
    private static string? Write(string path, string text, InputReadResult read, FileStamp stamp)
    {
        byte[] bytes;
        try
        {
            bytes = InputReader.Encode(text, read.Encoding, read.HasByteOrderMark);
        }
        catch (EncoderFallbackException ex)
        {
            return $"cannot be written: a fix makes the text unencodable ({ex.Message}); the file is unchanged";
        }

        string? temp = null;
        try
        {
            var target = ResolveLinks(path);
            // A file this process may not open for writing (its permissions, the read-only attribute, an immutable
            // file) is not replaced behind its back, even though its folder would let a rename through.
            using (new FileStream(target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
            {
                // Nothing is written through this handle; opening it without truncating changes nothing.
            }

            var folder = Path.GetDirectoryName(target) ?? Directory.GetCurrentDirectory();
            temp = Path.Combine(folder, "." + Path.GetFileName(target) + "." + Guid.NewGuid().ToString("N")[..12] + ".tmp");
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            if (OperatingSystem.IsWindows())
            {
                File.SetAttributes(temp, File.GetAttributes(target));
            }
            else
            {
                File.SetUnixFileMode(temp, File.GetUnixFileMode(target));
            }

            if (FileStamp.Of(target) != stamp)
            {
                return "changed while it was being fixed; the file is unchanged";
            }

            File.Move(temp, target, overwrite: true);
            temp = null;
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException or System.Security.SecurityException)
        {
            return $"cannot be written: {ex.Message}; the file is unchanged";
        }
        finally
        {
            if (temp is not null)
            {
                TryDelete(temp);
            }
        }
    }

    /// <summary>The file a path names, through any symbolic links: a fix is written to that file, and a link stays a link.</summary>
    private static string ResolveLinks(string path)
    {
        try
        {
            return new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException or System.Security.SecurityException)
        {
            return path;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>What fixing one file did.</summary>
    /// <param name="Original">The file's text as read, or <see langword="null"/> when it could not be read.</param>
    /// <param name="Fix">The fixes chosen and applied (to the text; to the file only when <see cref="Error"/> is null and it was not a dry run).</param>
    /// <param name="OutsideProse">Fixes not applied because they would edit text that was not analysed (markup, code).</param>
    /// <param name="Remaining">The analysis of the text the file now holds (or would hold, in a dry run).</param>
    /// <param name="ErrorId">MR9004 (cannot be read) or MR9003 (analysis failed); <see langword="null"/> when the file cannot be written or all went well.</param>
    /// <param name="Error">What went wrong, or <see langword="null"/>.</param>
    internal sealed record FixOutcome(SourceText? Original, FixResult? Fix, int OutsideProse, AnalysisResult? Remaining, string? ErrorId, string? Error)
    {
        public bool Failed => Error is not null;

        public static FixOutcome Failure(string id, string error) => new(null, null, 0, null, id, error);
    }

    /// <summary>A file's size and last write time, to notice that it changed between reading and replacing it.</summary>
    private readonly record struct FileStamp(long Length, DateTime LastWriteUtc)
    {
        public static FileStamp Of(string path)
        {
            try
            {
                var info = new FileInfo(path);
                return info.Exists ? new FileStamp(info.Length, info.LastWriteTimeUtc) : default;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                return default;
            }
        }
    }
}

/// <summary>
/// A unified diff (<c>diff -u</c>, three lines of context) of a text and the same text with some changes, computed from
/// the changes themselves: the lines a change touches are shown removed and added, whole. Lines are split at LF only
/// (a CR stays at the end of its line, as <c>diff</c> and <c>patch</c> see it), and a last line without a line break
/// is followed by <c>\ No newline at end of file</c>, so <c>patch -p0</c> applies the output to the file.
/// </summary>
internal static class UnifiedDiff
{
    private const int Context = 3;

    /// <summary>Writes the diff of one file; nothing when there are no changes.</summary>
    /// <param name="output">Where the diff goes (lines end with <c>\n</c>).</param>
    /// <param name="path">The file's path, for the <c>---</c> and <c>+++</c> headers.</param>
    /// <param name="text">The text before the changes.</param>
    /// <param name="changes">Non-overlapping changes to <paramref name="text"/>, in order of position.</param>
    public static void Write(TextWriter output, string path, string text, IReadOnlyList<TextChange> changes)
    {
        if (changes.Count == 0)
        {
            return;
        }

        var starts = LineStarts(text);
        var lineCount = starts.Count - 1;

        // The lines each change touches, [first, end), merged where they overlap or touch.
        var cores = new List<Core>();
        foreach (var change in changes)
        {
            var first = LineOf(text, starts, change.Span.Start);
            var end = Math.Min(lineCount, LineOf(text, starts, change.Span.End) + 1);
            end = Math.Max(end, first);
            if (cores.Count > 0 && first <= cores[^1].End)
            {
                cores[^1].End = Math.Max(cores[^1].End, end);
                cores[^1].Changes.Add(change);
            }
            else
            {
                cores.Add(new Core(first, end, change));
            }
        }

        output.Write($"--- {path}\n+++ {path}\n");
        var delta = 0;
        for (var i = 0; i < cores.Count;)
        {
            // Cores whose contexts meet share a hunk.
            var last = i;
            while (last + 1 < cores.Count && cores[last + 1].First - cores[last].End <= 2 * Context)
            {
                last++;
            }

            var oldStart = Math.Max(0, cores[i].First - Context);
            var oldEnd = Math.Min(lineCount, cores[last].End + Context);
            var body = new StringBuilder();
            var newCount = 0;
            var line = oldStart;
            for (var c = i; c <= last; c++)
            {
                var core = cores[c];
                for (; line < core.First; line++)
                {
                    AppendLine(body, ' ', Line(text, starts, line));
                    newCount++;
                }

                for (; line < core.End; line++)
                {
                    AppendLine(body, '-', Line(text, starts, line));
                }

                foreach (var added in SplitLines(core.NewText(text, starts)))
                {
                    AppendLine(body, '+', added);
                    newCount++;
                }
            }

            for (; line < oldEnd; line++)
            {
                AppendLine(body, ' ', Line(text, starts, line));
                newCount++;
            }

            var oldCount = oldEnd - oldStart;
            var newStart = oldStart + delta;
            output.Write($"@@ -{Range(oldStart, oldCount)} +{Range(newStart, newCount)} @@\n");
            output.Write(body.ToString());
            delta += newCount - oldCount;
            i = last + 1;
        }
    }

    /// <summary>A hunk range, 1-based; an empty range names the line before it, and a count of one is left out.</summary>
    private static string Range(int start, int count) => count switch
    {
        0 => string.Create(CultureInfo.InvariantCulture, $"{start},0"),
        1 => (start + 1).ToString(CultureInfo.InvariantCulture),
        _ => string.Create(CultureInfo.InvariantCulture, $"{start + 1},{count}"),
    };

    private static void AppendLine(StringBuilder body, char prefix, string line)
    {
        body.Append(prefix).Append(line);
        if (!line.EndsWith('\n'))
        {
            body.Append("\n\\ No newline at end of file\n");
        }
    }

    /// <summary>The start of each line, then the text's length: a text ending with LF has no empty last line.</summary>
    private static List<int> LineStarts(string text)
    {
        var starts = new List<int>();
        if (text.Length > 0)
        {
            starts.Add(0);
        }

        for (var i = text.IndexOf('\n', StringComparison.Ordinal); i >= 0 && i + 1 < text.Length; i = text.IndexOf('\n', i + 1))
        {
            starts.Add(i + 1);
        }

        starts.Add(text.Length);
        return starts;
    }

    /// <summary>The line holding <paramref name="position"/>; the line count for the end of a text that ends with LF (or is empty).</summary>
    private static int LineOf(string text, List<int> starts, int position)
    {
        var lineCount = starts.Count - 1;
        if (position >= text.Length && (text.Length == 0 || text[^1] == '\n'))
        {
            return lineCount;
        }

        var index = starts.BinarySearch(0, lineCount, position, null);
        return index >= 0 ? index : ~index - 1;
    }

    private static string Line(string text, List<int> starts, int line) => text[starts[line]..starts[line + 1]];

    private static IEnumerable<string> SplitLines(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            var lf = text.IndexOf('\n', start);
            var end = lf < 0 ? text.Length : lf + 1;
            yield return text[start..end];
            start = end;
        }
    }

    /// <summary>A run of old lines [First, End) that changes replace, with those changes.</summary>
    private sealed class Core(int first, int end, TextChange change)
    {
        public int First { get; } = first;

        public int End { get; set; } = end;

        public List<TextChange> Changes { get; } = [change];

        /// <summary>What the lines become: the old lines with the changes applied.</summary>
        public string NewText(string text, List<int> starts)
        {
            var from = starts[First];
            var to = starts[End];
            var builder = new StringBuilder();
            var position = from;
            foreach (var change in Changes)
            {
                builder.Append(text, position, change.Span.Start - position).Append(change.NewText);
                position = change.Span.End;
            }

            return builder.Append(text, position, to - position).ToString();
        }
    }
}

using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using MediaRules.Analysis;
using MediaRules.Cli.Inputs;
using MediaRules.Diagnostics;
using MediaRules.Formatting;
using MediaRules.Inputs;
using MediaRules.Suppression;
using MediaRules.Text;

namespace MediaRules.Cli.Commands;

/// <summary><c>mediarules lint PATH... [--rules FILE|DIR]... [--no-default-rules] [--format F] [--output FILE]</c>.</summary>
internal sealed class LintCommand
{
    /// <summary>At most this many bytes of input are read ahead of the document being written (one file may exceed it).</summary>
    private const long ReadAheadBytes = 256L * 1024 * 1024;

    private readonly RuleOptions _ruleOptions = new();
    private readonly TextWriter _stdout;
    private readonly TextWriter _stderr;

    private readonly InputArguments _inputs = new();

    private readonly Option<string> _format = new("--format", "-f")
    {
        Description = "The output format: text, json, sarif, github or html.",
        DefaultValueFactory = _ => "text",
        HelpName = "text|json|sarif|github|html",
    };

    private readonly Option<string> _output = OutputTarget.CreateOption();

    public LintCommand(TextWriter stdout, TextWriter stderr)
    {
        _stdout = stdout;
        _stderr = stderr;
        _format.AcceptOnlyFromAmong([.. ResultFormatter.FormatNames]);
        Command = new Command("lint", "Lint files and folders of news text.");
        _inputs.AddTo(Command);
        _ruleOptions.AddTo(Command);
        Command.Options.Add(_format);
        Command.Options.Add(_output);
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

        var files = InputFinder.Find(paths);
        var setup = LintSetup.Create(parseResult, _ruleOptions, _inputs.Config, files, _stderr);
        if (setup is null)
        {
            return ExitCodes.Usage;
        }

        var target = OutputTarget.TryOpen(parseResult.GetValue(_output), _stdout, _stderr);
        if (target is null)
        {
            return ExitCodes.Usage;
        }

        using (target)
        {
            using var formatter = ResultFormatter.Create(parseResult.GetValue(_format) ?? "text", target.Writer);
            var totalBytes = files.Sum(SizeOf);
            var anyError = ProgressDisplay.Run(_stderr, totalBytes, files.Count, progress => Lint(setup, files, formatter, progress));
            target.Commit();
            return anyError ? ExitCodes.Errors : ExitCodes.Success;
        }
    }

    /// <summary>
    /// Analyses the files in parallel and writes each result as soon as its turn comes, in the order of
    /// <paramref name="files"/>. At most a few documents per processor (and about <see cref="ReadAheadBytes"/> of
    /// input) are held at once, so memory stays bounded however many files there are.
    /// </summary>
    /// <returns>Whether any diagnostic of severity error was written or any input could not be read.</returns>
    internal bool Lint(Linter linter, IReadOnlyList<string> files, ResultFormatter formatter) => Lint(LintSetup.For(linter), files, formatter);

    /// <summary>As <see cref="Lint(Linter, IReadOnlyList{string}, ResultFormatter)"/>, each file with its own configuration.</summary>
    /// <returns>Whether any unsuppressed diagnostic of severity error was written or any input could not be read.</returns>
    internal bool Lint(LintSetup setup, IReadOnlyList<string> files, ResultFormatter formatter, Action<long>? progress = null)
    {
        formatter.Begin(setup.Descriptors);
        var anyError = false;
        var maxInFlight = Math.Max(2, Environment.ProcessorCount * 2);
        var pending = new Queue<(Task<FileOutcome> Task, long Size)>();
        long pendingBytes = 0;

        void WriteNext()
        {
            var (task, size) = pending.Dequeue();
            pendingBytes -= size;
            var outcome = task.GetAwaiter().GetResult();
            anyError |= WriteOutcome(outcome, formatter);
            progress?.Invoke(size);
        }

        foreach (var file in files)
        {
            var size = SizeOf(file);
            while (pending.Count > 0 && (pending.Count >= maxInFlight || pendingBytes + size > ReadAheadBytes))
            {
                WriteNext();
            }

            pending.Enqueue((Task.Run(() => Analyze(setup, file)), size));
            pendingBytes += size;
        }

        while (pending.Count > 0)
        {
            WriteNext();
        }

        formatter.End();
        return anyError;
    }

    private bool WriteOutcome(FileOutcome outcome, ResultFormatter formatter)
    {
        if (outcome.Result is { } result)
        {
            formatter.Write(result, outcome.Text);
            return result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error && !d.IsSuppressed);
        }

        _stderr.Write($"{outcome.Path}: error {outcome.ErrorId}: {outcome.Error}\n");
        if (outcome.ErrorId == EngineDiagnostics.UnreadableInput.Id)
        {
            formatter.WriteUnreadableInput(outcome.Path, outcome.Error!);
        }

        return true;
    }

    private static FileOutcome Analyze(LintSetup setup, string path)
    {
        var read = InputReader.Read(path);
        if (read.Text is null)
        {
            return new FileOutcome(path, null, EngineDiagnostics.UnreadableInput.Id, read.Error, null);
        }

        try
        {
            return new FileOutcome(path, setup.Analyze(path, read.Text), null, null, read.Text);
        }
#pragma warning disable CA1031 // One document that breaks the engine must not stop the run; it is reported and skipped.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return new FileOutcome(path, null, EngineDiagnostics.RuleFailed.Id, $"analysis failed and the file was skipped: {ex.GetType().Name}: {ex.Message}", null);
        }
    }

    /// <summary>
    /// Analyses the decoded text of one input the way <c>lint</c> does. Every command that lints a file's text (lint,
    /// fix) goes through here, so they agree on what is analysed. The path's extension chooses the format: of
    /// Markdown and HTML only the prose is analysed (<see cref="ProseExtractor"/>), in a text of the same length and
    /// line starts as the file's, so the result's spans, lines and columns are those of <paramref name="text"/> itself.
    /// </summary>
    /// <param name="linter">The linter.</param>
    /// <param name="path">The input's path as given (it names the document, and its extension chooses how it is read).</param>
    /// <param name="text">The file's decoded text, as <see cref="InputReader"/> returns it.</param>
    /// <returns>The analysis.</returns>
    internal static AnalysisResult AnalyzeText(Linter linter, string path, SourceText text) =>
        InlineSuppressions.Apply(linter.Analyze(ProseExtractor.Extract(text, DocumentFormats.FromPath(path)).Text, path), text);

    private static long SizeOf(string path)
    {
        try
        {
            return new FileInfo(path).Length;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return 0;
        }
    }

    /// <summary>What became of one input; <see cref="Text"/> is the file's text as read (the html report shows it).</summary>
    private sealed record FileOutcome(string Path, AnalysisResult? Result, string? ErrorId, string? Error, SourceText? Text);
}

using System;
using System.Buffers;
using System.CommandLine;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using MediaRules.Analysis;
using MediaRules.Diagnostics;
using MediaRules.Formatting;
using MediaRules.Text;

namespace MediaRules.Cli.Commands;

/// <summary>
/// <c>mediarules batch [FILE|-] [--rules FILE|DIR]... [--no-default-rules] [--output FILE]</c>: JSON Lines in
/// (<c>{"id": …, "text": "…"}</c>), one JSON line out per input line, in input order
/// (<c>{"id": …, "diagnostics": [ … ]}</c>, or <c>{"line": N, "error": "…"}</c> for a line that is not a document).
/// The input is streamed through a bounded window, so memory does not grow with the input; see docs/batch.md.
/// </summary>
internal sealed class BatchCommand
{
    /// <summary>The longest input line accepted, in bytes (not counting its line end). A longer line is an error line.</summary>
    public const int MaxLineBytes = 16 * 1024 * 1024;

    /// <summary>
    /// At most about this many bytes of input not yet analysed plus output not yet written are held at once (a single
    /// line may exceed it: it then runs alone).
    /// </summary>
    public const long MaxBytesInFlight = 64L * 1024 * 1024;

    /// <summary>The longest the output goes unflushed while lines are being written.</summary>
    private static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(1);

    /// <summary>Compact (one line: JSON escapes every line break inside strings), non-ASCII kept as is, like the json format.</summary>
    internal static readonly JsonWriterOptions LineWriterOptions = new()
    {
        Indented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly RuleOptions _ruleOptions = new();
    private readonly TextWriter _stdout;
    private readonly TextWriter _stderr;

    private readonly Argument<string> _input = new("input")
    {
        Description = "A JSON Lines file of {\"id\": …, \"text\": \"…\"} objects, or - (the default) for the standard input.",
        Arity = ArgumentArity.ZeroOrOne,
        DefaultValueFactory = _ => "-",
        HelpName = "FILE|-",
    };

    private readonly Option<string> _output = OutputTarget.CreateOption();

    public BatchCommand(TextWriter stdout, TextWriter stderr)
    {
        _stdout = stdout;
        _stderr = stderr;
        _input.Validators.Add(result =>
        {
            // An unknown option lands here as the input; call it what it is (a file named like an option still works).
            foreach (var token in result.Tokens)
            {
                if (token.Value.Length > 1 && token.Value[0] == '-' && !File.Exists(token.Value))
                {
                    result.AddError($"Unrecognized option '{token.Value}'.");
                }
            }
        });
        Command = new Command("batch", "Lint a stream of JSON Lines documents, {\"id\": …, \"text\": \"…\"}, writing one JSON line of findings per input line, in order.");
        Command.Arguments.Add(_input);
        _ruleOptions.AddTo(Command);
        Command.Options.Add(_output);
        Command.SetAction(Execute);
    }

    public Command Command { get; }

    /// <summary>
    /// Reads JSON Lines from <paramref name="input"/> and writes one line per input line to <paramref name="output"/>,
    /// in input order. Documents are analysed in parallel; at most <paramref name="maxLinesInFlight"/> lines (and about
    /// <paramref name="maxBytesInFlight"/> bytes of pending input and output) are held at once. The output is flushed
    /// whenever the input is not keeping up, and at least about once a second while analysis is running.
    /// </summary>
    /// <exception cref="IOException">Reading the input or writing the output failed; the lines before were written.</exception>
    internal static BatchSummary Run(
        Linter linter,
        Stream input,
        TextWriter output,
        int maxLinesInFlight = 0,
        long maxBytesInFlight = MaxBytesInFlight,
        int maxLineBytes = MaxLineBytes)
    {
        if (maxLinesInFlight <= 0)
        {
            maxLinesInFlight = Math.Max(4, Environment.ProcessorCount * 4);
        }

        return RunAsync(linter, input, output, maxLinesInFlight, maxBytesInFlight, maxLineBytes).GetAwaiter().GetResult();
    }

    private int Execute(ParseResult parseResult)
    {
        var inputPath = parseResult.GetValue(_input) ?? "-";
        if (inputPath != "-" && !File.Exists(inputPath))
        {
            _stderr.Write($"mediarules: error: the input '{inputPath}' does not exist\n");
            return ExitCodes.Usage;
        }

        var linter = _ruleOptions.BuildLinter(parseResult, _stderr);
        if (linter is null)
        {
            return ExitCodes.Usage;
        }

        Stream input;
        try
        {
            input = inputPath == "-"
                ? Console.OpenStandardInput()
                : new FileStream(inputPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            _stderr.Write($"mediarules: error: cannot read '{inputPath}': {ex.Message}\n");
            return ExitCodes.Usage;
        }

        using (input)
        {
            var target = OutputTarget.TryOpen(parseResult.GetValue(_output), _stdout, _stderr);
            if (target is null)
            {
                return ExitCodes.Usage;
            }

            using (target)
            {
                try
                {
                    long? total = input.CanSeek ? input.Length : null;
                    ProgressDisplay.RunStream(_stderr, total, progress => Run(linter, new CountingStream(input, progress), target.Writer));
                    target.Commit();
                }
                catch (IOException ex)
                {
                    // The input could not be read to its end, or the output could not be written: the output is
                    // incomplete (a file given with --output is left as it was).
                    _stderr.Write($"mediarules: error: the batch stopped: {ex.Message.ReplaceLineEndings(" ")}\n");
                    return ExitCodes.Usage;
                }

                return ExitCodes.Success;
            }
        }
    }

    private static async Task<BatchSummary> RunAsync(Linter linter, Stream input, TextWriter output, int maxLinesInFlight, long maxBytesInFlight, int maxLineBytes)
    {
        // Bounded: the reader waits when the writer is this many lines behind, so a slow consumer or one slow document
        // never lets the input pile up in memory.
        var channel = Channel.CreateBounded<Task<LineOutcome>>(new BoundedChannelOptions(maxLinesInFlight)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        var budget = new ByteBudget(maxBytesInFlight);

        // Not disposed: when the writer fails, the reader may be blocked in a read that the stream cannot cancel (a
        // pipe with nothing to say); it stops at its next line, and the failure is reported without waiting for it.
        var stop = new CancellationTokenSource();
        var producer = Task.Run(() => ReadLinesAsync(linter, input, maxLineBytes, channel.Writer, budget, stop.Token));
        try
        {
            var summary = await WriteOutcomesAsync(channel.Reader, output, budget).ConfigureAwait(false);
            await producer.ConfigureAwait(false);
            return summary;
        }
        catch
        {
            await stop.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Reads lines and starts their analysis, in order; a read failure completes the channel with it.</summary>
    private static async Task ReadLinesAsync(Linter linter, Stream input, int maxLineBytes, ChannelWriter<Task<LineOutcome>> pending, ByteBudget budget, CancellationToken cancellationToken)
    {
        try
        {
            var reader = new LineReader(input, maxLineBytes);
            long lineNumber = 0;
            while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                var number = ++lineNumber;
                var held = line.Bytes?.Length ?? 0;
                await budget.AcquireAsync(held, cancellationToken).ConfigureAwait(false);
                var work = Task.Run(() => Process(linter, number, line, budget, maxLineBytes), CancellationToken.None);
                await pending.WriteAsync(work, cancellationToken).ConfigureAwait(false);
            }

            pending.TryComplete();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The writer failed and reported it; nothing is waiting for this reader.
            pending.TryComplete();
        }
#pragma warning disable CA1031 // The failure is handed to the writer, which reports it after the lines before it.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            pending.TryComplete(ex);
        }
    }

    /// <summary>Writes each line's outcome in input order; flushes when the input is idle, and at least once a second.</summary>
    private static async Task<BatchSummary> WriteOutcomesAsync(ChannelReader<Task<LineOutcome>> pending, TextWriter output, ByteBudget budget)
    {
        var summary = default(BatchSummary);
        var lastFlush = Stopwatch.GetTimestamp();
        while (true)
        {
            if (!pending.TryRead(out var work))
            {
                // The input is not keeping up (a pipe waiting on its producer, or its end): let downstream see
                // everything done so far, so request-and-answer use over a pipe never stalls.
                output.Flush();
                lastFlush = Stopwatch.GetTimestamp();
                if (!await pending.WaitToReadAsync().ConfigureAwait(false))
                {
                    break;
                }

                continue;
            }

            if (!work.IsCompleted && Stopwatch.GetElapsedTime(lastFlush) > FlushInterval)
            {
                // A long document holds up the lines after it: let downstream have the ones before it meanwhile.
                output.Flush();
                lastFlush = Stopwatch.GetTimestamp();
            }

            var outcome = await work.ConfigureAwait(false);
            output.Write(outcome.Json);
            output.Write('\n');
            budget.Release(outcome.Json.Length);
            summary = summary.Add(outcome);
            if (Stopwatch.GetElapsedTime(lastFlush) > FlushInterval)
            {
                // A map task shows progress by its output (Hadoop kills a task that shows none for 10 minutes).
                output.Flush();
                lastFlush = Stopwatch.GetTimestamp();
            }
        }

        output.Flush();
        return summary;
    }

    /// <summary>Turns one input line into its output line. Never throws.</summary>
    private static LineOutcome Process(Linter linter, long lineNumber, InputLine line, ByteBudget budget, int maxLineBytes)
    {
        var outcome = Analyze(linter, lineNumber, line, maxLineBytes);

        // The input line is no longer held; its output line is, until it is written.
        budget.Adjust(outcome.Json.Length - (line.Bytes?.Length ?? 0));
        return outcome;
    }

    private static LineOutcome Analyze(Linter linter, long lineNumber, InputLine line, int maxLineBytes)
    {
        if (line.Bytes is not { } bytes)
        {
            return LineOutcome.Error(lineNumber, $"the line is longer than {maxLineBytes} bytes, the limit");
        }

        if (bytes.AsSpan().Trim(" \t\r"u8).IsEmpty)
        {
            return LineOutcome.Error(lineNumber, "blank line (each line must be a JSON object with a \"text\" string)");
        }

        if (!System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return LineOutcome.Error(lineNumber, $"not valid UTF-8 (byte {FirstInvalidUtf8Byte(bytes) + 1})");
        }

        var document = ReadDocument(bytes);
        if (document.Error is { } error)
        {
            return LineOutcome.Error(lineNumber, error);
        }

        AnalysisResult result;
        try
        {
            // Through lint's own entry point, so both commands analyse a text alike. The document has no path: "-"
            // (the standard input's name) has no extension, so the text is plain text, as lint reads a .txt file.
            result = LintCommand.AnalyzeText(linter, "-", SourceText.From(document.Text!));
        }
#pragma warning disable CA1031 // One document that breaks the engine must not stop the batch; it becomes its error line.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return LineOutcome.Error(lineNumber, $"analysis failed: {ex.GetType().Name}: {ex.Message.ReplaceLineEndings(" ")}");
        }

        var buffer = new ArrayBufferWriter<byte>(256);
        var errors = 0;
        using (var writer = new Utf8JsonWriter(buffer, LineWriterOptions))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("id"u8);
            if (document.IdLength > 0)
            {
                // Echoed as given: the exact token, so "\u00e9", 1.0, 1e3 and integers beyond 2^53 come back unchanged.
                writer.WriteRawValue(bytes.AsSpan(document.IdStart, document.IdLength), skipInputValidation: true);
            }
            else
            {
                writer.WriteNullValue();
            }

            writer.WriteStartArray("diagnostics"u8);
            foreach (var diagnostic in result.Diagnostics)
            {
                JsonResultFormatter.WriteDiagnostic(writer, diagnostic);
                if (diagnostic.Severity == DiagnosticSeverity.Error)
                {
                    errors++;
                }
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return new LineOutcome(Encoding.UTF8.GetString(buffer.WrittenSpan), IsError: false, result.Diagnostics.Count, errors);
    }

    /// <summary>
    /// Reads one line as a document: a JSON object with a string <c>text</c> and an optional <c>id</c> (string, number
    /// or null); other properties are ignored. Streams over the bytes (no document tree, whose index would be many
    /// times the size of the line).
    /// </summary>
    private static LineDocument ReadDocument(ReadOnlySpan<byte> bytes)
    {
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        string? problem = null;
        string? text = null;
        JsonTokenType? textToken = null;
        int idStart = 0, idLength = 0;
        var seenId = false;
        try
        {
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                problem = $"not a JSON object but {KindName(reader.TokenType)}";
                reader.Skip();
            }
            else
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var isId = reader.ValueTextEquals("id"u8);
                    var isText = !isId && reader.ValueTextEquals("text"u8);
                    if ((isId && seenId) || (isText && textToken is not null))
                    {
                        problem ??= $"\"{(isId ? "id" : "text")}\" appears twice";
                    }

                    reader.Read();
                    if (isId)
                    {
                        seenId = true;
                        if (reader.TokenType is JsonTokenType.String or JsonTokenType.Number or JsonTokenType.Null)
                        {
                            idStart = (int)reader.TokenStartIndex;
                            idLength = reader.TokenType switch
                            {
                                JsonTokenType.String => reader.ValueSpan.Length + 2,
                                JsonTokenType.Null => 4,
                                _ => reader.ValueSpan.Length,
                            };
                        }
                        else
                        {
                            problem ??= $"\"id\" is {KindName(reader.TokenType)}; it must be a string, a number or null";
                        }
                    }
                    else if (isText)
                    {
                        textToken = reader.TokenType;
                        if (reader.TokenType != JsonTokenType.String)
                        {
                            problem ??= $"\"text\" is {KindName(reader.TokenType)}; it must be a string";
                        }
                        else if (problem is null)
                        {
                            try
                            {
                                text = reader.GetString();
                            }
                            catch (InvalidOperationException)
                            {
                                problem = "\"text\" is not valid UTF-16 (an escaped lone surrogate)";
                            }
                        }
                    }

                    reader.Skip();
                }
            }

            // The rest of the line may only be white space.
            if (reader.Read())
            {
                return new LineDocument(null, 0, 0, "not valid JSON: more after the object");
            }
        }
        catch (JsonException ex)
        {
            return new LineDocument(null, 0, 0, $"not valid JSON: {JsonErrorMessage(ex)}");
        }

        problem ??= textToken is null ? "no \"text\" property" : null;
        return problem is null ? new LineDocument(text, idStart, idLength, null) : new LineDocument(null, 0, 0, problem);
    }

    private static string JsonErrorMessage(JsonException ex)
    {
        // System.Text.Json ends its messages with "Path: … | LineNumber: … | BytePositionInLine: …"; a byte
        // position is all that means something here.
        var message = ex.Message;
        foreach (var marker in new[] { " Path:", " LineNumber:" })
        {
            var at = message.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                message = message[..at];
            }
        }

        message = message.TrimEnd(' ', '.', '|');
        return ex.BytePositionInLine is { } position ? $"{message} (byte {position + 1})" : message;
    }

    private static int FirstInvalidUtf8Byte(ReadOnlySpan<byte> bytes)
    {
        var at = 0;
        while (at < bytes.Length && Rune.DecodeFromUtf8(bytes[at..], out _, out var consumed) == OperationStatus.Done)
        {
            at += consumed;
        }

        return at;
    }

    private static string KindName(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => "not a value",
    };

    /// <summary>A line read as a document: its text and the span of its <c>id</c> token (length 0: none), or why it is not one.</summary>
    private readonly record struct LineDocument(string? Text, int IdStart, int IdLength, string? Error);

    /// <summary>One input line: its bytes without the line end (and without a leading byte order mark), or <see langword="null"/> when it exceeds the cap.</summary>
    private readonly record struct InputLine(byte[]? Bytes);

    /// <summary>
    /// Reads lines (ended by LF, CR LF, or the end of the input) from a stream. Its buffer grows to hold a long line, up
    /// to the cap; a longer line is skipped as it streams past, never held, and the buffer shrinks back after a long line.
    /// </summary>
    private sealed class LineReader(Stream stream, int maxLineBytes)
    {
        private const int SmallBuffer = 1 << 16;
        private byte[] _buffer = new byte[SmallBuffer];
        private int _start;
        private int _end;
        private int _scanned;
        private bool _endOfInput;
        private bool _first = true;

        public async ValueTask<InputLine?> ReadLineAsync(CancellationToken cancellationToken)
        {
            var skipping = false;
            while (true)
            {
                var newline = _buffer.AsSpan(_scanned, _end - _scanned).IndexOf((byte)'\n');
                if (newline >= 0)
                {
                    var end = _scanned + newline;
                    var line = skipping ? null : Take(_buffer.AsSpan(_start, end - _start));
                    _start = _scanned = end + 1;
                    Shrink();
                    return new InputLine(line);
                }

                _scanned = _end;
                if (_endOfInput)
                {
                    // The last line may have no line end; an input that ends with one has no empty line after it.
                    if (_start == _end && !skipping)
                    {
                        return null;
                    }

                    var line = skipping ? null : Take(_buffer.AsSpan(_start, _end - _start));
                    _start = _scanned = _end;
                    _first = false;
                    return new InputLine(line);
                }

                // Make room: drop what is consumed (or, past the cap, the whole line so far), then grow if still full.
                // The cap is on the line without its line end, so cap + 1 bytes (a CR) may be held.
                if (_end - _start > maxLineBytes + 1)
                {
                    skipping = true;
                }

                if (skipping)
                {
                    _start = _scanned = _end = 0;
                }
                else if (_start > 0)
                {
                    _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
                    _end -= _start;
                    _scanned = _end;
                    _start = 0;
                }

                if (_end == _buffer.Length)
                {
                    Array.Resize(ref _buffer, (int)Math.Max(_buffer.Length, Math.Min((long)_buffer.Length * 2, maxLineBytes + 2L)));
                }

                var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
                _endOfInput = read == 0;
                _end += read;
            }
        }

        /// <summary>Copies a line out (without its CR, and without a byte order mark at the start of the input).</summary>
        private byte[]? Take(ReadOnlySpan<byte> line)
        {
            if (line.EndsWith((byte)'\r'))
            {
                line = line[..^1];
            }

            if (_first && line.StartsWith("\uFEFF"u8))
            {
                line = line[3..];
            }

            _first = false;
            return line.Length > maxLineBytes ? null : line.ToArray();
        }

        /// <summary>After a long line, goes back to a small buffer, keeping what was read after the line.</summary>
        private void Shrink()
        {
            _first = false;
            if (_buffer.Length > SmallBuffer && _end - _start <= SmallBuffer)
            {
                var small = new byte[SmallBuffer];
                _buffer.AsSpan(_start, _end - _start).CopyTo(small);
                _end -= _start;
                _scanned -= _start;
                _start = 0;
                _buffer = small;
            }
        }
    }

    /// <summary>
    /// Counts the bytes held between reading and writing: a line's input until it is analysed, then its output until
    /// it is written. The reader waits while the count is over the limit (unless nothing is held, so any line fits).
    /// </summary>
    private sealed class ByteBudget(long limit)
    {
        private readonly Lock _gate = new();
        private long _held;
        private TaskCompletionSource? _released;

        public async ValueTask AcquireAsync(long bytes, CancellationToken cancellationToken)
        {
            while (true)
            {
                Task released;
                lock (_gate)
                {
                    if (_held == 0 || _held + bytes <= limit)
                    {
                        _held += bytes;
                        return;
                    }

                    _released ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    released = _released.Task;
                }

                await released.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        public void Adjust(long delta)
        {
            if (delta < 0)
            {
                Release(-delta);
                return;
            }

            lock (_gate)
            {
                _held += delta;
            }
        }

        public void Release(long bytes)
        {
            TaskCompletionSource? released;
            lock (_gate)
            {
                _held -= bytes;
                released = _released;
                _released = null;
            }

            released?.TrySetResult();
        }
    }
}

/// <summary>What became of one input line: its output line (without the line end), and what it holds.</summary>
internal readonly record struct LineOutcome(string Json, bool IsError, int Diagnostics, int ErrorDiagnostics)
{
    public static LineOutcome Error(long lineNumber, string message)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer, BatchCommand.LineWriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteNumber("line"u8, lineNumber);
            writer.WriteString("error"u8, message);
            writer.WriteEndObject();
        }

        return new LineOutcome(Encoding.UTF8.GetString(buffer.WrittenSpan), IsError: true, 0, 0);
    }
}

/// <summary>Counts over a batch: lines read, documents analysed, malformed lines, diagnostics.</summary>
internal readonly record struct BatchSummary(long Lines, long Documents, long MalformedLines, long Diagnostics, long ErrorDiagnostics)
{
    public BatchSummary Add(LineOutcome outcome) => outcome.IsError
        ? this with { Lines = Lines + 1, MalformedLines = MalformedLines + 1 }
        : this with { Lines = Lines + 1, Documents = Documents + 1, Diagnostics = Diagnostics + outcome.Diagnostics, ErrorDiagnostics = ErrorDiagnostics + outcome.ErrorDiagnostics };
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using System.Text.Json.Nodes;
using Xunit;
using static MediaRules.Tests.Cli.BatchTestSupport;

namespace MediaRules.Tests.Cli;

/// <summary><c>mediarules batch</c>: the line format, malformed lines, equality with <c>lint</c>, order, exit codes.</summary>
public class BatchCommandTests
{
    [Fact]
    public void Each_document_gets_its_id_and_the_same_diagnostics_as_lint_of_the_same_text()
    {
        using var temp = new TempFolder();
        var input = new StringBuilder();
        var files = new List<string>();
        for (var i = 0; i < SampleTexts.Count; i++)
        {
            files.Add(temp.Write($"docs/{i:D3}.txt", SampleTexts[i]));
            input.Append(Document($"doc-{i}", SampleTexts[i])).Append('\n');
        }

        var lint = CliHarness.Run(["lint", .. files, "--format", "json"]);
        var batch = CliHarness.Run("batch", temp.Write("in.jsonl", input.ToString()));

        Assert.Equal(0, batch.Code);
        Assert.Equal("", batch.Err);
        var expected = JsonNode.Parse(lint.Out)!["files"]!.AsArray();
        var lines = Lines(batch.Out);
        Assert.Equal(SampleTexts.Count, lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = ParseLine(lines[i]);
            Assert.Equal(["id", "diagnostics"], line.AsObject().Select(p => p.Key));
            Assert.Equal($"doc-{i}", line["id"]!.GetValue<string>());
            Assert.True(JsonNode.DeepEquals(expected[i]!["diagnostics"], line["diagnostics"]), $"line {i + 1} differs from lint:\n{lines[i]}\n{expected[i]!["diagnostics"]!.ToJsonString()}");
        }

        Assert.True(ParseLine(lines[0])["diagnostics"]!.AsArray().Count > 10);
    }

    [Fact]
    public void A_diagnostic_has_the_contract_keys_and_the_line_is_compact_json()
    {
        var output = Run(Pack, Document(7, "Then\r\nthe zorgs left. A blorp.") + "\n");

        var line = Assert.Single(Lines(output));
        Assert.Equal(
            """{"id":7,"diagnostics":[{"ruleId":"MR2901","severity":"warning","message":"'zorgs' is loaded: 50%, really","startLine":2,"startColumn":5,"endLine":2,"endColumn":10,"offset":10,"length":5,"fix":{"title":"Replace with 'fighters'","replacements":[{"offset":10,"length":5,"text":"fighters"}]}},{"ruleId":"MR2902","severity":"error","message":"'blorp' is forbidden","startLine":2,"startColumn":19,"endLine":2,"endColumn":24,"offset":24,"length":5}]}""",
            line);
    }

    [Fact]
    public void Ids_are_echoed_as_given()
    {
        var input = string.Join('\n',
            """{"id": "a\u00e9\"b", "text": "x"}""",
            """{"id": 42, "text": "x"}""",
            """{"id": 1.50, "text": "x"}""",
            """{"id": 123456789012345678901234567890, "text": "x"}""",
            """{"id": -1e3, "text": "x"}""",
            """{"id": null, "text": "x"}""",
            """{"text": "x"}""",
            """{"text": "x", "id": "after", "source": {"extra": [1, 2]}}""",
            """{"id":"שלום 😀","text":"x"}""") + "\n";

        var lines = Lines(Run(TestSupport.Default, input));

        Assert.Equal(
            [
                """{"id":"a\u00e9\"b","diagnostics":[]}""",
                """{"id":42,"diagnostics":[]}""",
                """{"id":1.50,"diagnostics":[]}""",
                """{"id":123456789012345678901234567890,"diagnostics":[]}""",
                """{"id":-1e3,"diagnostics":[]}""",
                """{"id":null,"diagnostics":[]}""",
                """{"id":null,"diagnostics":[]}""",
                """{"id":"after","diagnostics":[]}""",
                """{"id":"שלום 😀","diagnostics":[]}""",
            ],
            lines);
    }

    [Fact]
    public void Malformed_lines_become_error_lines_and_the_batch_goes_on()
    {
        var good = Document("ok", "The zorgs left.");
        List<byte[]> input =
        [
            Encoding.UTF8.GetBytes(good),                                          // 1
            Encoding.UTF8.GetBytes("""{"id": "broken", "text": "unterminated"""),  // 2
            Encoding.UTF8.GetBytes("""{"id": "no text"}"""),                       // 3
            Encoding.UTF8.GetBytes("""{"id": 1, "text": 5}"""),                    // 4
            Encoding.UTF8.GetBytes("""{"id": {"a": 1}, "text": "x"}"""),           // 5
            Encoding.UTF8.GetBytes("""{"id": true, "text": "x"}"""),               // 6
            Encoding.UTF8.GetBytes("""["text", "x"]"""),                           // 7
            [],                                                                    // 8: empty
            Encoding.UTF8.GetBytes(" \t "),                                        // 9: blank
            [(byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}'], // 10: invalid UTF-8
            Encoding.UTF8.GetBytes("""{"id": 2, "text": "lone \ud800 surrogate"}"""), // 11
            Encoding.UTF8.GetBytes("""{"id": 3, "text": "a", "text": "b"}"""),     // 12: duplicate key
            Encoding.UTF8.GetBytes("""{"id": 4, "text": "a"} trailing"""),         // 13
            Encoding.UTF8.GetBytes("""{"id": 5, "text": null}"""),                 // 14
            Encoding.UTF8.GetBytes("{\"id\": 6, \"text\": \"" + new string('x', 300) + "\"}"), // 15: over the cap of this run
            Encoding.UTF8.GetBytes(good),                                          // 16
        ];
        var bytes = input.SelectMany(l => l.Append((byte)'\n')).ToArray();

        var lines = Lines(Run(Pack, bytes, maxLineBytes: 200));

        Assert.Equal(input.Count, lines.Length);
        var errors = lines.Select(ParseLine).Select((o, i) => (Line: i + 1, Node: o)).Where(x => x.Node["error"] is not null).ToList();
        Assert.Equal(Enumerable.Range(2, 14), errors.Select(e => e.Line));
        foreach (var (number, node) in errors)
        {
            Assert.Equal(["line", "error"], node.AsObject().Select(p => p.Key));
            Assert.Equal(number, node["line"]!.GetValue<long>());
        }

        string Error(int line) => ParseLine(lines[line - 1])["error"]!.GetValue<string>();
        Assert.StartsWith("not valid JSON", Error(2));
        Assert.Equal("no \"text\" property", Error(3));
        Assert.Equal("\"text\" is a number; it must be a string", Error(4));
        Assert.Equal("\"id\" is an object; it must be a string, a number or null", Error(5));
        Assert.Equal("\"id\" is a boolean; it must be a string, a number or null", Error(6));
        Assert.Equal("not a JSON object but an array", Error(7));
        Assert.StartsWith("blank line", Error(8));
        Assert.StartsWith("blank line", Error(9));
        Assert.Equal("not valid UTF-8 (byte 3)", Error(10));
        Assert.Contains("lone surrogate", Error(11));
        Assert.Equal("\"text\" appears twice", Error(12));
        Assert.StartsWith("not valid JSON", Error(13));
        Assert.Equal("\"text\" is null; it must be a string", Error(14));
        Assert.Equal("the line is longer than 200 bytes, the limit", Error(15));
        Assert.Equal(ParseLine(lines[0]).ToJsonString(), ParseLine(lines[15]).ToJsonString());
        Assert.Contains("MR2901", lines[0]);
    }

    [Theory]
    [InlineData("", 0, 0)]
    [InlineData("\n", 1, 1)]
    [InlineData("\n\n", 2, 2)]
    [InlineData("{\"text\":\"a\"}", 1, 0)]
    [InlineData("{\"text\":\"a\"}\n", 1, 0)]
    [InlineData("{\"text\":\"a\"}\r\n{\"text\":\"b\"}\r\n", 2, 0)]
    [InlineData("{\"text\":\"a\"}\n\n{\"text\":\"b\"}", 3, 1)]
    [InlineData("\uFEFF{\"text\":\"a\"}\n", 1, 0)]
    public void One_output_line_per_input_line_and_a_final_line_end_adds_none(string input, int lines, int errors)
    {
        var output = Lines(Run(TestSupport.Default, input));

        Assert.Equal(lines, output.Length);
        Assert.Equal(errors, output.Count(l => ParseLine(l)["error"] is not null));
    }

    [Fact]
    public void A_line_longer_than_the_read_buffer_and_under_the_cap_is_a_document()
    {
        var text = string.Concat(Enumerable.Repeat("The zorgs left. ", 20_000));
        var input = Document("long", text) + "\n" + Document("next", "It rained.") + "\n";

        var lines = Lines(Run(Pack, input));

        Assert.Equal(2, lines.Length);
        Assert.Equal(20_000, ParseLine(lines[0])["diagnostics"]!.AsArray().Count);
        Assert.Equal("next", ParseLine(lines[1])["id"]!.GetValue<string>());
    }

    [Fact]
    public void A_line_over_the_cap_is_skipped_without_being_held_and_the_next_line_is_read()
    {
        var big = Document("big", new string('a', 1_000_000));
        var input = big + "\r\n" + Document("next", "x") + "\n" + big;

        var lines = Lines(Run(TestSupport.Default, input, maxLineBytes: 100_000));

        Assert.Equal(
            ["""{"line":1,"error":"the line is longer than 100000 bytes, the limit"}""", """{"id":"next","diagnostics":[]}""", """{"line":3,"error":"the line is longer than 100000 bytes, the limit"}"""],
            lines);
    }

    [Fact]
    public void The_cap_does_not_count_the_line_end()
    {
        var line = Document("x", "abc");
        var bytes = Encoding.UTF8.GetByteCount(line);

        Assert.Equal("""{"id":"x","diagnostics":[]}""", Lines(Run(TestSupport.Default, line + "\r\n", maxLineBytes: bytes))[0]);
        Assert.Contains("longer than", Lines(Run(TestSupport.Default, line + "\r\n", maxLineBytes: bytes - 1))[0]);
    }

    [Fact]
    public void Output_order_is_input_order_when_documents_finish_out_of_order()
    {
        var input = new StringBuilder();
        for (var i = 0; i < 200; i++)
        {
            var text = SampleTexts[i % SampleTexts.Count];
            input.Append(Document(i, i % 7 == 0 ? text + text : text[..(text.Length * (i % 5) / 5)])).Append('\n');
        }

        var parallel = Run(Slow, input.ToString(), maxLinesInFlight: 32);
        var sequential = Run(Slow, input.ToString(), maxLinesInFlight: 1);

        var ids = Lines(parallel).Select(l => ParseLine(l)["id"]!.GetValue<int>());
        Assert.Equal(Enumerable.Range(0, 200), ids);
        Assert.Equal(sequential, parallel);
    }

    [Fact]
    public void The_built_tool_reads_the_standard_input_and_gives_the_same_bytes_on_one_core_and_on_many()
    {
        var input = new StringBuilder();
        for (var i = 0; i < 60; i++)
        {
            input.Append(i % 13 == 5 ? "{broken" : Document($"d{i}", SampleTexts[i % SampleTexts.Count])).Append('\n');
        }

        var bytes = Encoding.UTF8.GetBytes(input.ToString());
        var one = RunChild(bytes, new Dictionary<string, string> { ["DOTNET_PROCESSOR_COUNT"] = "1" }, "batch");
        var many = RunChild(bytes, new Dictionary<string, string> { ["DOTNET_PROCESSOR_COUNT"] = "8" }, "batch", "-");

        Assert.Equal(0, one.Code);
        Assert.Equal("", one.Err);
        Assert.Equal(60, Lines(one.Out).Length);
        Assert.Equal(one.Out, many.Out);
        Assert.Equal(Run(TestSupport.Default, input.ToString()), one.Out);
    }

    [Fact]
    public void A_small_byte_window_still_processes_every_line_in_order()
    {
        var input = string.Join('\n', Enumerable.Range(0, 50).Select(i => Document(i, SampleTexts[i % SampleTexts.Count]))) + "\n";

        var tight = Run(TestSupport.Default, Encoding.UTF8.GetBytes(input), maxLinesInFlight: 8, maxBytesInFlight: 1);
        var wide = Run(TestSupport.Default, input);

        Assert.Equal(wide, tight);
        Assert.Equal(50, Lines(tight).Length);
    }

    [Fact]
    public void An_input_that_fails_midway_stops_the_batch_after_the_lines_before_it()
    {
        var lines = Encoding.UTF8.GetBytes(Document(1, "a") + "\n" + Document(2, "b") + "\n" + Document(3, "c"));
        using var input = new ScriptedStream(lines, thenFail: true);
        using var output = new StringWriter { NewLine = "\n" };

        var ex = Assert.Throws<IOException>(() => MediaRules.Cli.Commands.BatchCommand.Run(Pack, input, output));

        Assert.Equal("the disk went away", ex.Message);
        Assert.Equal(["""{"id":1,"diagnostics":[]}""", """{"id":2,"diagnostics":[]}"""], Lines(output.ToString()));
    }

    [Fact]
    public async Task An_output_that_fails_stops_the_batch_even_while_the_input_waits()
    {
        var lines = Encoding.UTF8.GetBytes(Document(1, "a") + "\n" + Document(2, "b") + "\n");
        using var input = new ScriptedStream(lines, thenFail: false);
        using var output = new FailingWriter();

        var run = Task.Run(() => MediaRules.Cli.Commands.BatchCommand.Run(Pack, input, output));

        // A TimeoutException here would mean the batch waits for an input that never comes.
        var ex = await Assert.ThrowsAsync<IOException>(() => run.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal("no space left", ex.Message);
    }

    /// <summary>Returns its bytes a few at a time, then fails, or never answers again (a pipe whose writer went quiet).</summary>
    private sealed class ScriptedStream(byte[] bytes, bool thenFail) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_position < bytes.Length)
            {
                var n = Math.Min(Math.Min(buffer.Length, 7), bytes.Length - _position);
                bytes.AsSpan(_position, n).CopyTo(buffer.Span);
                _position += n;
                return new ValueTask<int>(n);
            }

            return thenFail
                ? ValueTask.FromException<int>(new IOException("the disk went away"))
                : new ValueTask<int>(new TaskCompletionSource<int>().Task);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private sealed class FailingWriter : StringWriter
    {
        public override void Write(char value) => throw new IOException("no space left");

        public override void Write(string? value) => throw new IOException("no space left");
    }

    [Fact]
    public void Rules_options_and_output_file_work_like_lint()
    {
        using var temp = new TempFolder();
        var input = temp.Write("in.jsonl", Document("a", "The zorgs left. A blorp. It reportedly rained.") + "\n");
        var outFile = temp.PathOf("out/result.jsonl");

        var run = CliHarness.Run("batch", input, "--rules", temp.Pack(), "--no-default-rules", "--output", outFile);

        Assert.Equal(0, run.Code);
        Assert.Equal("", run.Out);
        var line = Assert.Single(Lines(File.ReadAllText(outFile)));
        var ids = ParseLine(line)["diagnostics"]!.AsArray().Select(d => d!["ruleId"]!.GetValue<string>());
        Assert.Equal(["MR2901", "MR2902"], ids);
        Assert.Single(Directory.GetFiles(temp.PathOf("out")));
    }

    [Fact]
    public void Error_diagnostics_and_malformed_lines_still_exit_0()
    {
        using var temp = new TempFolder();
        var input = temp.Write("in.jsonl", Document("a", "A blorp.") + "\nnot json\n");

        var run = CliHarness.Run("batch", input, "--rules", temp.Pack(), "--no-default-rules");

        Assert.Equal(0, run.Code);
        Assert.Equal("", run.Err);
        Assert.Equal(2, Lines(run.Out).Length);
        Assert.Contains("\"severity\":\"error\"", run.Out);
    }

    [Theory]
    [InlineData("batch", "missing.jsonl")]
    [InlineData("batch", "--bogus")]
    [InlineData("batch", "a.jsonl", "b.jsonl")]
    [InlineData("batch", "-", "--rules", "missing-pack.yaml")]
    public void Usage_errors_exit_2(params string[] args)
    {
        var run = CliHarness.Run(args);

        Assert.Equal(2, run.Code);
        Assert.Contains("error", run.Err);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void A_bad_rule_pack_exits_2_with_its_position()
    {
        using var temp = new TempFolder();
        var pack = temp.Write("bad.yaml", "rules:\n  - id: MR2901\n    kind: nope\n");

        var run = CliHarness.Run("batch", temp.Write("in.jsonl", "{\"text\":\"x\"}\n"), "--rules", pack, "--no-default-rules");

        Assert.Equal(2, run.Code);
        Assert.Contains("bad.yaml(", run.Err);
        Assert.Contains("MR9001", run.Err);
    }

    [Fact]
    public void Help_lists_batch()
    {
        var run = CliHarness.Run("--help");

        Assert.Contains("batch", run.Out);
        Assert.Contains("FILE|-", CliHarness.Run("batch", "--help").Out);
    }
}

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using MediaRules.Tests.Cli;

namespace MediaRules.Tests.Lsp;

/// <summary>
/// A small LSP client that starts <c>mediarules lsp</c> as a process and speaks to it over its standard input and
/// output: JSON-RPC messages framed by <c>Content-Length</c> headers, written and parsed here by hand (not with the
/// server's JSON-RPC library), so the framing on the wire is what is tested. Requests from the server
/// (client/registerCapability) are answered with null and recorded.
/// </summary>
internal sealed class LspTestClient : IDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly Stream _input;
    private readonly BlockingCollection<JsonObject?> _inbox = new();
    private readonly List<JsonObject> _pending = [];
    private readonly StringBuilder _stderr = new();
    private readonly Thread _reader;
    private int _nextId;

    private LspTestClient(Process process)
    {
        _process = process;
        _input = process.StandardInput.BaseStream;
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_stderr)
                {
                    _stderr.Append(e.Data).Append('\n');
                }
            }
        };
        process.BeginErrorReadLine();
        _reader = new Thread(ReadMessages) { IsBackground = true, Name = "lsp test client reader" };
        _reader.Start();
    }

    /// <summary>Every request the server sent (method names), in order.</summary>
    public List<string> ServerRequests { get; } = [];

    /// <summary>Every request the server sent (the whole messages), in order; lock <see cref="ServerRequests"/> to read it.</summary>
    public List<JsonObject> ServerRequestMessages { get; } = [];

    public string StandardError
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>
    /// Starts <c>mediarules lsp</c>: the built CLI through <c>dotnet</c>, or, when the environment variable
    /// <c>MEDIARULES_LSP_EXECUTABLE</c> names one, that executable (the Native AOT build: docs/lsp.md, "Native build").
    /// </summary>
    public static LspTestClient Start(string workingDirectory, params string[] args)
    {
        var start = CliHarness.StartInfo(["lsp", .. args]);
        if (Environment.GetEnvironmentVariable("MEDIARULES_LSP_EXECUTABLE") is { Length: > 0 } executable)
        {
            start.FileName = executable;
            start.ArgumentList.RemoveAt(0); // the dll
        }

        start.RedirectStandardInput = true;
        start.WorkingDirectory = workingDirectory;
        return new LspTestClient(Process.Start(start)!);
    }

    public static string FileUri(string path) => new Uri(path).AbsoluteUri;

    /// <summary>Sends <c>initialize</c> (with the given client capabilities) and <c>initialized</c>; returns the result.</summary>
    public JsonObject Initialize(object? capabilities = null)
    {
        var response = Request("initialize", new
        {
            processId = Environment.ProcessId,
            rootUri = (string?)null,
            capabilities = capabilities ?? new
            {
                textDocument = new
                {
                    publishDiagnostics = new { },
                    codeAction = new { codeActionLiteralSupport = new { codeActionKind = new { valueSet = new[] { "quickfix" } } } },
                    hover = new { contentFormat = new[] { "markdown", "plaintext" } },
                },
            },
        });
        Notify("initialized", new { });
        return response["result"]!.AsObject();
    }

    /// <summary>Sends a request and waits for its response (the whole response object, with result or error).</summary>
    public JsonObject Request(string method, object? parameters)
    {
        var id = Interlocked.Increment(ref _nextId);
        Send(Message(method, parameters, id));
        return WaitFor(m => m["id"] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.GetValue<int>() == id && m["method"] is null, $"the response to {method} #{id}");
    }

    public void Notify(string method, object? parameters) => Send(Message(method, parameters, null));

    /// <summary>Writes raw bytes to the server (for malformed input).</summary>
    public void SendRaw(byte[] bytes)
    {
        _input.Write(bytes);
        _input.Flush();
    }

    /// <summary>The next message (received or already waiting) that <paramref name="predicate"/> accepts; others wait for later calls.</summary>
    public JsonObject WaitFor(Func<JsonObject, bool> predicate, string what, TimeSpan? timeout = null)
    {
        var found = _pending.FirstOrDefault(predicate);
        if (found is not null)
        {
            _pending.Remove(found);
            return found;
        }

        var end = DateTime.UtcNow + (timeout ?? Timeout);
        while (DateTime.UtcNow < end)
        {
            if (!_inbox.TryTake(out var message, end - DateTime.UtcNow > TimeSpan.Zero ? end - DateTime.UtcNow : TimeSpan.Zero))
            {
                break;
            }

            if (message is null)
            {
                throw new InvalidOperationException($"the server closed its output while the test waited for {what}; stderr:\n{StandardError}");
            }

            if (predicate(message))
            {
                return message;
            }

            _pending.Add(message);
        }

        throw new TimeoutException($"timed out waiting for {what}; stderr:\n{StandardError}");
    }

    /// <summary>The next publishDiagnostics for <paramref name="uri"/> (its params).</summary>
    public JsonObject NextDiagnostics(string uri) =>
        WaitFor(m => (string?)m["method"] == "textDocument/publishDiagnostics" && (string?)m["params"]!["uri"] == uri, $"diagnostics for {uri}")["params"]!.AsObject();

    /// <summary>Publishes for <paramref name="uri"/> until one satisfies <paramref name="accept"/> (for reloads, which may publish more than once).</summary>
    public JsonObject DiagnosticsUntil(string uri, Func<JsonArray, bool> accept, string what)
    {
        var end = DateTime.UtcNow + Timeout;
        while (true)
        {
            var left = end - DateTime.UtcNow;
            var published = WaitFor(m => (string?)m["method"] == "textDocument/publishDiagnostics" && (string?)m["params"]!["uri"] == uri, what, left > TimeSpan.Zero ? left : TimeSpan.Zero)["params"]!.AsObject();
            if (accept(published["diagnostics"]!.AsArray()))
            {
                return published;
            }
        }
    }

    public int WaitForExit()
    {
        if (!_process.WaitForExit(Timeout))
        {
            throw new TimeoutException($"the server did not exit; stderr:\n{StandardError}");
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void CloseInput() => _input.Close();

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
        _inbox.Dispose();
    }

    private static JsonObject Message(string method, object? parameters, int? id)
    {
        var message = new JsonObject { ["jsonrpc"] = "2.0" };
        if (id is { } i)
        {
            message["id"] = i;
        }

        message["method"] = method;
        if (parameters is not null)
        {
            message["params"] = JsonSerializer.SerializeToNode(parameters);
        }

        return message;
    }

    private void Send(JsonObject message)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        lock (_input)
        {
            _input.Write(Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"));
            _input.Write(body);
            _input.Flush();
        }
    }

    private void ReadMessages()
    {
        var output = _process.StandardOutput.BaseStream;
        try
        {
            while (true)
            {
                var length = -1;
                while (true)
                {
                    var line = ReadHeaderLine(output);
                    if (line is null)
                    {
                        return;
                    }

                    if (line.Length == 0)
                    {
                        break;
                    }

                    var colon = line.IndexOf(':', StringComparison.Ordinal);
                    if (colon < 0)
                    {
                        throw new InvalidDataException($"not a header line on the server's output: '{line}'");
                    }

                    if (line[..colon].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                    {
                        length = int.Parse(line[(colon + 1)..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
                    }
                }

                if (length < 0)
                {
                    throw new InvalidDataException("a message without Content-Length on the server's output");
                }

                var body = new byte[length];
                output.ReadExactly(body);
                var message = JsonNode.Parse(body)!.AsObject();
                if (message["method"] is not null && message["id"] is not null)
                {
                    lock (ServerRequests)
                    {
                        ServerRequests.Add((string)message["method"]!);
                        ServerRequestMessages.Add(message);
                    }

                    Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = message["id"]!.DeepClone(), ["result"] = null });
                    continue;
                }

                _inbox.Add(message);
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or JsonException or EndOfStreamException or ObjectDisposedException)
        {
            lock (_stderr)
            {
                _stderr.Append("test client: ").Append(ex.Message).Append('\n');
            }
        }
        finally
        {
            try
            {
                _inbox.Add(null);
            }
            catch (InvalidOperationException)
            {
                // Disposed (ObjectDisposedException is one) or already completed: nobody is waiting any more.
            }
        }
    }

    private static string? ReadHeaderLine(Stream stream)
    {
        var bytes = new List<byte>();
        while (true)
        {
            var b = stream.ReadByte();
            if (b < 0)
            {
                return bytes.Count == 0 ? null : throw new EndOfStreamException("the server's output ended inside a header");
            }

            if (b == '\n')
            {
                if (bytes.Count == 0 || bytes[^1] != '\r')
                {
                    throw new InvalidDataException("a header line not ended by CRLF on the server's output");
                }

                return Encoding.ASCII.GetString(bytes.ToArray(), 0, bytes.Count - 1);
            }

            bytes.Add((byte)b);
        }
    }
}

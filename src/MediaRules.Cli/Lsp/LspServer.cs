using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Tasks;
using Microsoft.VisualStudio.Threading;
using StreamJsonRpc;

namespace MediaRules.Cli.Lsp;

/// <summary>
/// The Language Server Protocol endpoint of <c>mediarules lsp</c>: JSON-RPC over two streams (standard input and
/// output), framed with <c>Content-Length</c> headers by StreamJsonRpc's <see cref="HeaderDelimitedMessageHandler"/>
/// and serialized by its <see cref="SystemTextJsonFormatter"/>. Messages are handled one at a time in the order they
/// arrive (a <see cref="NonConcurrentSynchronizationContext"/>), so every edit is applied before the next request
/// reads the document. The public methods are the protocol's; a method the server does not know gets MethodNotFound
/// (requests) or is ignored (notifications); an exception in a handler is logged to stderr and never ends the server.
/// </summary>
internal sealed class LspServer : ILspClient, IDisposable
{
    private readonly object _gate = new();
    private readonly TextWriter _log;
    private readonly LspWorkspace _workspace;
    private readonly TaskCompletionSource<int> _exit = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private JsonRpc? _rpc;
    private FolderWatcher? _watcher;
    private bool _initialized;
    private bool _shutdown;
    private bool _markdownHover = true;
    private bool _codeActionLiterals;
    private bool _clientWatchesFiles;

    public LspServer(LspRules rules, TextWriter log)
    {
        _log = TextWriter.Synchronized(log);
        _workspace = new LspWorkspace(rules, this, _log);
    }

    /// <summary>
    /// Property names in camelCase, null members left out. Plain reflection-based System.Text.Json: the tool is not
    /// trimmed, and the project already uses System.Text.Json, so no second serializer (Newtonsoft.Json, the default
    /// formatter's) is in the path.
    /// </summary>
    internal static JsonSerializerOptions SerializerOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Serves until <c>exit</c> (or until the input ends).</summary>
    /// <returns>The exit code: 0 after <c>shutdown</c> then <c>exit</c>, 1 when the client exits (or goes away) without <c>shutdown</c>.</returns>
    internal async Task<int> RunAsync(Stream input, Stream output)
    {
        var formatter = new SystemTextJsonFormatter { JsonSerializerOptions = SerializerOptions };
        using var handler = new HeaderDelimitedMessageHandler(output, input, formatter);
        using var rpc = new JsonRpc(handler)
        {
            SynchronizationContext = new NonConcurrentSynchronizationContext(sticky: false),
            TraceSource = new TraceSource("MediaRules.Lsp", SourceLevels.Critical),
        };
        rpc.TraceSource.Listeners.Clear();
        rpc.TraceSource.Listeners.Add(new TextWriterTraceListener(_log));
        rpc.AddLocalRpcTarget(this, new JsonRpcTargetOptions { UseSingleObjectParameterDeserialization = true });
        _rpc = rpc;
        rpc.StartListening();
        try
        {
            var finished = await Task.WhenAny(rpc.Completion, _exit.Task).ConfigureAwait(false);
            if (finished == _exit.Task)
            {
                return await _exit.Task.ConfigureAwait(false);
            }

            try
            {
                await rpc.Completion.ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException or RemoteRpcException)
            {
                _log.Write($"mediarules lsp: the connection ended: {ex.Message}\n");
            }

            lock (_gate)
            {
                return _shutdown ? 0 : 1;
            }
        }
        finally
        {
            Dispose();
        }
    }

    /// <summary>Stops watching files (not a protocol method).</summary>
    [JsonRpcIgnore]
    public void Dispose()
    {
        lock (_gate)
        {
            _watcher?.Dispose();
            _watcher = null;
        }
    }

    [JsonRpcMethod("initialize")]
    public InitializeResult Initialize(InitializeParams request)
    {
        lock (_gate)
        {
            if (_shutdown)
            {
                throw new LocalRpcException("the server is shutting down") { ErrorCode = LspConstants.InvalidRequest };
            }

            var capabilities = request?.Capabilities;
            _codeActionLiterals = Find(capabilities, "textDocument", "codeAction", "codeActionLiteralSupport") is not null;
            _markdownHover = Find(capabilities, "textDocument", "hover", "contentFormat") is not { ValueKind: JsonValueKind.Array } formats
                || formats.EnumerateArray().Any(f => f.ValueKind == JsonValueKind.String && f.GetString() == LspConstants.Markdown);
            _clientWatchesFiles = Find(capabilities, "workspace", "didChangeWatchedFiles", "dynamicRegistration") is { ValueKind: JsonValueKind.True };
            _initialized = true;
            object codeActions = _codeActionLiterals ? new CodeActionOptions([LspConstants.QuickFix]) : true;
            return new InitializeResult(
                new ServerCapabilities("utf-16", new TextDocumentSyncOptions(OpenClose: true, LspConstants.SyncIncremental, new SaveOptions(IncludeText: false)), codeActions, HoverProvider: true),
                new ServerInfo("MediaRules", Program.Version));
        }
    }

    [JsonRpcMethod("initialized")]
    public void Initialized(JsonElement? request = null)
    {
        _ = request;
        Notification(() =>
        {
            _workspace.WarmUp();
            if (_clientWatchesFiles)
            {
                // The editor watches the workspace's YAML files for the server (and the --rules packs, wherever they are).
                var registration = new Registration("mediarules-watch", "workspace/didChangeWatchedFiles", new DidChangeWatchedFilesRegistrationOptions(
                    [new FileSystemWatcherRegistration("**/*.yaml"), new FileSystemWatcherRegistration("**/*.yml"),
                     .. _workspace.WatchedFolders().Select(f => new FileSystemWatcherRegistration(f.Replace('\\', '/') + "/*.{yaml,yml}"))]));
                Send(_rpc!.InvokeWithParameterObjectAsync("client/registerCapability", new RegistrationParams([registration])), "client/registerCapability");
            }
            else
            {
                _watcher ??= new FolderWatcher(OnFilesChanged, _log);
                _watcher.WatchOnly(_workspace.WatchedFolders());
            }
        });
    }

    [JsonRpcMethod("shutdown")]
    public object? Shutdown()
    {
        lock (_gate)
        {
            RequireInitialized();
            _shutdown = true;
            _watcher?.Dispose();
            _watcher = null;
            return null;
        }
    }

    [JsonRpcMethod("exit")]
    public void Exit()
    {
        lock (_gate)
        {
            _exit.TrySetResult(_shutdown ? 0 : 1);
        }
    }

    [JsonRpcMethod("textDocument/didOpen")]
    public void DidOpen(DidOpenTextDocumentParams request) => Notification(() =>
    {
        _workspace.Open(request.TextDocument);
        _watcher?.WatchOnly(_workspace.WatchedFolders());
    });

    [JsonRpcMethod("textDocument/didChange")]
    public void DidChange(DidChangeTextDocumentParams request) => Notification(() => _workspace.Change(request.TextDocument, request.ContentChanges));

    [JsonRpcMethod("textDocument/didClose")]
    public void DidClose(DidCloseTextDocumentParams request) => Notification(() => _workspace.Close(request.TextDocument.Uri));

    /// <summary>A save is a moment to look at the rule and configuration files again (for editors that do not watch them).</summary>
    [JsonRpcMethod("textDocument/didSave")]
    public void DidSave(DidSaveTextDocumentParams request) => Notification(() =>
    {
        _ = request;
        if (_workspace.Recheck())
        {
            _watcher?.WatchOnly(_workspace.WatchedFolders());
        }
    });

    [JsonRpcMethod("workspace/didChangeWatchedFiles")]
    public void DidChangeWatchedFiles(DidChangeWatchedFilesParams request) => Notification(() =>
    {
        var reported = (request.Changes ?? []).Select(c => LspWorkspace.FilePath(c.Uri)).OfType<string>().ToList();
        if (_workspace.Recheck(reported))
        {
            _watcher?.WatchOnly(_workspace.WatchedFolders());
        }
    });

    [JsonRpcMethod("textDocument/codeAction")]
    public IReadOnlyList<CodeAction> CodeAction(CodeActionParams request) => Request(() => _workspace.CodeActions(request));

    [JsonRpcMethod("textDocument/hover")]
    public Hover? Hover(HoverParams request) => Request(() => _workspace.Hover(request, _markdownHover));

    void ILspClient.PublishDiagnostics(PublishDiagnosticsParams diagnostics) =>
        Send(_rpc?.NotifyWithParameterObjectAsync("textDocument/publishDiagnostics", diagnostics), "textDocument/publishDiagnostics");

    void ILspClient.ShowMessage(int type, string message) =>
        Send(_rpc?.NotifyWithParameterObjectAsync("window/showMessage", new ShowMessageParams(type, message)), "window/showMessage");

    private static JsonElement? Find(JsonElement? element, params string[] path)
    {
        foreach (var name in path)
        {
            if (element is not { ValueKind: JsonValueKind.Object } e || !e.TryGetProperty(name, out var next))
            {
                return null;
            }

            element = next;
        }

        return element;
    }

    private void OnFilesChanged()
    {
        lock (_gate)
        {
            if (_initialized && !_shutdown && _workspace.Recheck())
            {
                _watcher?.WatchOnly(_workspace.WatchedFolders());
            }
        }
    }

    private void RequireInitialized()
    {
        if (!_initialized)
        {
            throw new LocalRpcException("the server has not been initialized") { ErrorCode = LspConstants.ServerNotInitialized };
        }
    }

    /// <summary>Runs a notification's work under the lock; before initialize or after shutdown it is dropped, and a failure is logged.</summary>
    private void Notification(Action work)
    {
        lock (_gate)
        {
            if (!_initialized || _shutdown)
            {
                return;
            }

            try
            {
                work();
            }
#pragma warning disable CA1031 // A notification has no reply: a failure is logged and the server goes on.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _log.Write($"mediarules lsp: {ex}\n");
            }
        }
    }

    /// <summary>Runs a request's work under the lock; a failure is logged and answered with InternalError.</summary>
    private T Request<T>(Func<T> work)
    {
        lock (_gate)
        {
            RequireInitialized();
            if (_shutdown)
            {
                throw new LocalRpcException("the server is shutting down") { ErrorCode = LspConstants.InvalidRequest };
            }

            try
            {
                return work();
            }
            catch (Exception ex) when (ex is not LocalRpcException)
            {
                _log.Write($"mediarules lsp: {ex}\n");
                throw new LocalRpcException($"{ex.GetType().Name}: {ex.Message}") { ErrorCode = LspConstants.InternalError };
            }
        }
    }

    /// <summary>Lets a message go out without waiting for it; a failure to send is logged.</summary>
    private void Send(Task? sending, string what)
    {
        sending?.ContinueWith(
            t => _log.Write($"mediarules lsp: sending {what} failed: {t.Exception?.GetBaseException().Message}\n"),
            System.Threading.CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }
}

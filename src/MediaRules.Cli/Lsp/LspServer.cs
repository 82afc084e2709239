using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
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
/// reads the document. The protocol's methods are those of <see cref="ILanguageServer"/>; a method the server does
/// not know gets MethodNotFound (requests) or is ignored (notifications); an exception in a handler is logged to
/// stderr and never ends the server.
/// </summary>
/// <remarks>
/// Native AOT safe, as StreamJsonRpc's guidance asks (docs/lsp.md, "Native build"): the target is registered through
/// the source-generated shape of <see cref="ILanguageServer"/>, all JSON goes through the source-generated
/// <see cref="LspJsonContext"/>, and messages to the client pass their parameters as a dictionary with declared
/// types, never as an object to reflect over.
/// </remarks>
internal sealed class LspServer : ILanguageServer, ILspClient, IDisposable
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
    /// Property names in camelCase, null members left out; the types' metadata comes from the source-generated
    /// <see cref="LspJsonContext"/> only (no reflection-based System.Text.Json, which the Native AOT build lacks).
    /// System.Text.Json rather than the default formatter's Newtonsoft.Json, which the project does not otherwise use.
    /// </summary>
    internal static JsonSerializerOptions SerializerOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = LspJsonContext.Default,
    };

    /// <summary>Serves until <c>exit</c> (or until the input ends).</summary>
    /// <returns>The exit code: 0 after <c>shutdown</c> then <c>exit</c>, 1 when the client exits (or goes away) without <c>shutdown</c>.</returns>
    internal async Task<int> RunAsync(Stream input, Stream output)
    {
        var formatter = CreateFormatter();
        using var handler = new HeaderDelimitedMessageHandler(output, input, formatter);
        using var rpc = new JsonRpc(handler)
        {
            SynchronizationContext = new NonConcurrentSynchronizationContext(sticky: false),
            TraceSource = new TraceSource("MediaRules.Lsp", SourceLevels.Critical),
        };
        rpc.TraceSource.Listeners.Clear();
        rpc.TraceSource.Listeners.Add(new TextWriterTraceListener(_log));
        rpc.AddLocalRpcTarget(RpcTargetMetadata.FromShape<ILanguageServer>(), this, new JsonRpcTargetOptions { UseSingleObjectParameterDeserialization = true });
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
    public void Dispose()
    {
        lock (_gate)
        {
            _watcher?.Dispose();
            _watcher = null;
        }
    }

    public Task<InitializeResult> InitializeAsync(InitializeParams request) => Task.FromResult(Initialize(request));

    private InitializeResult Initialize(InitializeParams request)
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
                Send(
                    _rpc!.InvokeWithParameterObjectAsync(
                        "client/registerCapability",
                        new Dictionary<string, object?> { ["registrations"] = new[] { registration } },
                        new Dictionary<string, Type> { ["registrations"] = typeof(IReadOnlyList<Registration>) },
                        System.Threading.CancellationToken.None),
                    "client/registerCapability");
            }
            else
            {
                _watcher ??= new FolderWatcher(OnFilesChanged, _log);
                _watcher.WatchOnly(_workspace.WatchedFolders());
            }
        });
    }

    public Task<object?> ShutdownAsync() => Task.FromResult(Shutdown());

    private object? Shutdown()
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

    public void Exit()
    {
        lock (_gate)
        {
            _exit.TrySetResult(_shutdown ? 0 : 1);
        }
    }

    public void DidOpen(DidOpenTextDocumentParams request) => Notification(() =>
    {
        _workspace.Open(request.TextDocument);
        _watcher?.WatchOnly(_workspace.WatchedFolders());
    });

    public void DidChange(DidChangeTextDocumentParams request) => Notification(() => _workspace.Change(request.TextDocument, request.ContentChanges));

    public void DidClose(DidCloseTextDocumentParams request) => Notification(() => _workspace.Close(request.TextDocument.Uri));

    /// <summary>A save is a moment to look at the rule and configuration files again (for editors that do not watch them).</summary>
    public void DidSave(DidSaveTextDocumentParams request) => Notification(() =>
    {
        _ = request;
        if (_workspace.Recheck())
        {
            _watcher?.WatchOnly(_workspace.WatchedFolders());
        }
    });

    public void DidChangeWatchedFiles(DidChangeWatchedFilesParams request) => Notification(() =>
    {
        var reported = (request.Changes ?? []).Select(c => LspWorkspace.FilePath(c.Uri)).OfType<string>().ToList();
        if (_workspace.Recheck(reported))
        {
            _watcher?.WatchOnly(_workspace.WatchedFolders());
        }
    });

    public Task<IReadOnlyList<CodeAction>> CodeActionAsync(CodeActionParams request) => Task.FromResult(Request(() => _workspace.CodeActions(request)));

    public Task<Hover?> HoverAsync(HoverParams request) => Task.FromResult(Request(() => _workspace.Hover(request, _markdownHover)));

    void ILspClient.PublishDiagnostics(PublishDiagnosticsParams diagnostics)
    {
        // The members of PublishDiagnosticsParams, in its order; a null version is left out, as the serializer leaves out null members.
        var arguments = new Dictionary<string, object?>(3) { ["uri"] = diagnostics.Uri };
        var types = new Dictionary<string, Type>(3) { ["uri"] = typeof(string) };
        if (diagnostics.Version is { } version)
        {
            arguments["version"] = version;
            types["version"] = typeof(int);
        }

        arguments["diagnostics"] = diagnostics.Diagnostics;
        types["diagnostics"] = typeof(IReadOnlyList<LspDiagnostic>);
        Send(_rpc?.NotifyWithParameterObjectAsync("textDocument/publishDiagnostics", arguments, types), "textDocument/publishDiagnostics");
    }

    void ILspClient.ShowMessage(int type, string message) =>
        Send(
            _rpc?.NotifyWithParameterObjectAsync(
                "window/showMessage",
                new Dictionary<string, object?> { ["type"] = type, ["message"] = message },
                new Dictionary<string, Type> { ["type"] = typeof(int), ["message"] = typeof(string) }),
            "window/showMessage");

    /// <summary>
    /// StreamJsonRpc's <see cref="SystemTextJsonFormatter"/> as a whole is marked as needing unreferenced code and
    /// dynamic code, because with reflection-based System.Text.Json it would reflect over whatever it is given. Here
    /// every type it meets is in the source-generated <see cref="LspJsonContext"/>, the only resolver of its options;
    /// the parts that do need reflection (RPC marshalable objects, progress, streams and pipes) are not used by the
    /// protocol. This is the use StreamJsonRpc's own Native AOT guidance and sample suppress the same two warnings for.
    /// </summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026:RequiresUnreferencedCode", Justification = "Every serialized type comes from the source-generated LspJsonContext; no marshalable objects.")]
    [UnconditionalSuppressMessage("AOT", "IL3050:RequiresDynamicCode", Justification = "Every serialized type comes from the source-generated LspJsonContext; no marshalable objects.")]
    internal static SystemTextJsonFormatter CreateFormatter() => new() { JsonSerializerOptions = SerializerOptions };

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

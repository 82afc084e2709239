using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;
using PolyType;
using StreamJsonRpc;

namespace MediaRules.Cli.Lsp;

/// <summary>
/// The protocol methods that <c>mediarules lsp</c> serves, as a StreamJsonRpc contract. The PolyType shape generated
/// for it (<see cref="GenerateShapeAttribute"/>) is what <see cref="LspServer"/> is registered with
/// (<c>RpcTargetMetadata.FromShape</c>): the methods are found at compile time, not by reflecting over the server
/// class, so the language server also works in the Native AOT build. Requests return a completed
/// <see cref="Task{TResult}"/> (a contract's requests must be awaitable; <c>Task</c>, not <c>ValueTask</c>, is the
/// kind StreamJsonRpc's own Native AOT test uses), notifications <c>void</c>; every request's parameters arrive as one
/// object (<c>UseSingleObjectParameterDeserialization</c>).
/// </summary>
[JsonRpcContract]
[GenerateShape(IncludeMethods = MethodShapeFlags.PublicInstance)]
internal partial interface ILanguageServer
{
    [JsonRpcMethod("initialize")]
    Task<InitializeResult> InitializeAsync(InitializeParams request);

    [JsonRpcMethod("initialized")]
    void Initialized(JsonElement? request = null);

    /// <returns>null, as the protocol asks.</returns>
    [JsonRpcMethod("shutdown")]
    Task<object?> ShutdownAsync();

    [JsonRpcMethod("exit")]
    void Exit();

    [JsonRpcMethod("textDocument/didOpen")]
    void DidOpen(DidOpenTextDocumentParams request);

    [JsonRpcMethod("textDocument/didChange")]
    void DidChange(DidChangeTextDocumentParams request);

    [JsonRpcMethod("textDocument/didClose")]
    void DidClose(DidCloseTextDocumentParams request);

    [JsonRpcMethod("textDocument/didSave")]
    void DidSave(DidSaveTextDocumentParams request);

    [JsonRpcMethod("workspace/didChangeWatchedFiles")]
    void DidChangeWatchedFiles(DidChangeWatchedFilesParams request);

    [JsonRpcMethod("textDocument/codeAction")]
    Task<IReadOnlyList<CodeAction>> CodeActionAsync(CodeActionParams request);

    [JsonRpcMethod("textDocument/hover")]
    Task<Hover?> HoverAsync(HoverParams request);
}

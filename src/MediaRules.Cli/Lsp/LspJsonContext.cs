using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace MediaRules.Cli.Lsp;

/// <summary>
/// System.Text.Json source generation for every type the language server reads or writes: the metadata is generated
/// at compile time, so serialization needs no reflection (the Native AOT build has none to offer). Property names in
/// camelCase, null members left out, as <see cref="LspServer.SerializerOptions"/> also says at run time.
/// </summary>
/// <remarks>
/// A type missing here fails in every build, not only the native one: the formatter's options name this context as
/// their only resolver. <see cref="object"/> is the declared type of a null result (<c>shutdown</c>) and of the
/// result the server reads back from <c>client/registerCapability</c>; <see cref="bool"/> and
/// <see cref="CodeActionOptions"/> are the two runtime types of <see cref="ServerCapabilities.CodeActionProvider"/>.
/// <see cref="CommonErrorData"/> is the data StreamJsonRpc attaches to some errors (parameters that do not
/// deserialize), and <see cref="RequestId"/> the parameter of <c>$/cancelRequest</c>.
/// </remarks>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
// Requests and notifications the server receives, and its results.
[JsonSerializable(typeof(InitializeParams))]
[JsonSerializable(typeof(InitializeResult))]
[JsonSerializable(typeof(CodeActionOptions))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(JsonElement?))]
[JsonSerializable(typeof(DidOpenTextDocumentParams))]
[JsonSerializable(typeof(DidChangeTextDocumentParams))]
[JsonSerializable(typeof(DidCloseTextDocumentParams))]
[JsonSerializable(typeof(DidSaveTextDocumentParams))]
[JsonSerializable(typeof(DidChangeWatchedFilesParams))]
[JsonSerializable(typeof(CodeActionParams))]
[JsonSerializable(typeof(IReadOnlyList<CodeAction>))]
[JsonSerializable(typeof(HoverParams))]
[JsonSerializable(typeof(Hover))]
// Members of the messages the server sends (publishDiagnostics, showMessage, client/registerCapability).
[JsonSerializable(typeof(IReadOnlyList<LspDiagnostic>))]
[JsonSerializable(typeof(IReadOnlyList<Registration>))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(object))]
// StreamJsonRpc's own.
[JsonSerializable(typeof(CommonErrorData))]
[JsonSerializable(typeof(RequestId))]
internal sealed partial class LspJsonContext : JsonSerializerContext;

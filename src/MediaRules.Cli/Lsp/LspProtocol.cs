using System.Collections.Generic;
using System.Text.Json;

// The part of the Language Server Protocol (3.17) that `mediarules lsp` speaks, as plain records. Property names are
// camelCased by the serializer (LspServer.SerializerOptions, source-generated in LspJsonContext) and null members are
// left out. The parameters of the messages the server sends (publishDiagnostics, showMessage, registerCapability)
// go out as dictionaries of their members (LspServer), so only those members' types need serializing.
namespace MediaRules.Cli.Lsp;

/// <summary>A position: a zero-based line and a zero-based offset in UTF-16 code units within that line.</summary>
internal sealed record Position(int Line, int Character);

/// <summary>A range between two positions (the end is exclusive).</summary>
internal sealed record LspRange(Position Start, Position End);

internal sealed record TextDocumentIdentifier(string Uri);

internal sealed record VersionedTextDocumentIdentifier(string Uri, int Version);

internal sealed record TextDocumentItem(string Uri, string? LanguageId, int Version, string Text);

/// <summary>One change of a didChange: a range and its new text, or (no range) the whole new text.</summary>
internal sealed record TextDocumentContentChangeEvent(LspRange? Range, string Text);

internal sealed record DidOpenTextDocumentParams(TextDocumentItem TextDocument);

internal sealed record DidChangeTextDocumentParams(VersionedTextDocumentIdentifier TextDocument, IReadOnlyList<TextDocumentContentChangeEvent> ContentChanges);

internal sealed record DidCloseTextDocumentParams(TextDocumentIdentifier TextDocument);

internal sealed record DidSaveTextDocumentParams(TextDocumentIdentifier TextDocument);

internal sealed record InitializeParams(int? ProcessId, string? RootUri, JsonElement? Capabilities);

internal sealed record InitializeResult(ServerCapabilities Capabilities, ServerInfo ServerInfo);

internal sealed record ServerInfo(string Name, string Version);

/// <summary>What the server does; <see cref="CodeActionProvider"/> is <c>true</c> or a <see cref="CodeActionOptions"/> (serialized as its runtime type).</summary>
internal sealed record ServerCapabilities(
    string PositionEncoding,
    TextDocumentSyncOptions TextDocumentSync,
    object CodeActionProvider,
    bool HoverProvider);

internal sealed record TextDocumentSyncOptions(bool OpenClose, int Change, SaveOptions Save);

internal sealed record SaveOptions(bool IncludeText);

internal sealed record CodeActionOptions(IReadOnlyList<string> CodeActionKinds);

internal sealed record CodeDescription(string Href);

internal sealed record LspDiagnostic(
    LspRange Range,
    int Severity,
    string Code,
    CodeDescription? CodeDescription,
    string Source,
    string Message,
    IReadOnlyList<int>? Tags);

internal sealed record PublishDiagnosticsParams(string Uri, int? Version, IReadOnlyList<LspDiagnostic> Diagnostics);

/// <summary>A diagnostic as a client sends it back in a code action request: only what identifies it is read.</summary>
internal sealed record DiagnosticReference(LspRange Range, JsonElement? Code);

internal sealed record CodeActionContext(IReadOnlyList<DiagnosticReference>? Diagnostics, IReadOnlyList<string>? Only);

internal sealed record CodeActionParams(TextDocumentIdentifier TextDocument, LspRange Range, CodeActionContext? Context);

internal sealed record TextEdit(LspRange Range, string NewText);

internal sealed record WorkspaceEdit(IReadOnlyDictionary<string, IReadOnlyList<TextEdit>> Changes);

internal sealed record CodeAction(string Title, string Kind, IReadOnlyList<LspDiagnostic> Diagnostics, bool IsPreferred, WorkspaceEdit Edit);

internal sealed record HoverParams(TextDocumentIdentifier TextDocument, Position Position);

internal sealed record MarkupContent(string Kind, string Value);

internal sealed record Hover(MarkupContent Contents, LspRange? Range);

internal sealed record FileEvent(string Uri, int Type);

internal sealed record DidChangeWatchedFilesParams(IReadOnlyList<FileEvent>? Changes);

internal sealed record Registration(string Id, string Method, DidChangeWatchedFilesRegistrationOptions RegisterOptions);

internal sealed record DidChangeWatchedFilesRegistrationOptions(IReadOnlyList<FileSystemWatcherRegistration> Watchers);

internal sealed record FileSystemWatcherRegistration(string GlobPattern);

/// <summary>The protocol's numbers.</summary>
internal static class LspConstants
{
    public const int SyncIncremental = 2;
    public const int SeverityError = 1;
    public const int SeverityWarning = 2;
    public const int SeverityInformation = 3;
    public const int SeverityHint = 4;
    public const int TagUnnecessary = 1;
    public const int MessageError = 1;
    public const int MessageWarning = 2;
    public const int MessageInfo = 3;
    public const int ServerNotInitialized = -32002;
    public const int InvalidRequest = -32600;
    public const int InternalError = -32603;
    public const string QuickFix = "quickfix";
    public const string Markdown = "markdown";
    public const string PlainText = "plaintext";
}

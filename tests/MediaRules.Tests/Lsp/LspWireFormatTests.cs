using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using MediaRules.Cli.Lsp;
using MediaRules.Tests.Cli;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;
using Xunit;

namespace MediaRules.Tests.Lsp;

/// <summary>
/// The exact JSON the language server reads and writes. Serialization is System.Text.Json source generation only
/// (<see cref="LspJsonContext"/>, so that the Native AOT build serves LSP too): these tests pin the names (camelCase),
/// the members left out (nulls) and the polymorphic member (<c>codeActionProvider</c>), and check that every type of
/// the contract has generated metadata. The end-to-end tests run against the native executable as well when
/// <c>MEDIARULES_LSP_EXECUTABLE</c> names it (docs/lsp.md, "Native build").
/// </summary>
public sealed class LspWireFormatTests
{
    [Fact]
    public void Every_type_of_the_contract_has_source_generated_metadata_and_nothing_falls_back_to_reflection()
    {
        Assert.Same(LspJsonContext.Default, LspServer.SerializerOptions.TypeInfoResolver);
        var methods = typeof(ILanguageServer).GetMethods();
        Assert.Equal(11, methods.Length);
        foreach (var method in methods)
        {
            var types = method.GetParameters().Select(p => p.ParameterType).ToList();
            if (method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() == typeof(Task<>))
            {
                types.Add(method.ReturnType.GetGenericArguments()[0]);
            }
            else
            {
                Assert.Equal(typeof(void), method.ReturnType);
            }

            foreach (var type in types)
            {
                Assert.True(LspJsonContext.Default.GetTypeInfo(type) is not null, $"{method.Name}: no generated metadata for {type}");
            }
        }

        // What the server sends of its own accord (ILspClient), member by member, and what StreamJsonRpc itself reads or writes.
        foreach (var type in new[] { typeof(string), typeof(int), typeof(IReadOnlyList<LspDiagnostic>), typeof(IReadOnlyList<Registration>), typeof(object), typeof(RequestId), typeof(CommonErrorData) })
        {
            Assert.True(LspJsonContext.Default.GetTypeInfo(type) is not null, $"no generated metadata for {type}");
        }

        // A type outside the context is refused, not serialized by reflection.
        Assert.Throws<NotSupportedException>(() => JsonSerializer.Serialize(new Uri("file:///x"), LspServer.SerializerOptions));
    }

    [Fact]
    public void The_formatter_reads_a_cancelled_request_id_and_writes_error_data_through_the_generated_metadata()
    {
        var options = LspServer.CreateFormatter().JsonSerializerOptions;
        Assert.Equal(new RequestId(4242), JsonSerializer.Deserialize<RequestId>("4242", options));
        Assert.Equal(new RequestId("abc"), JsonSerializer.Deserialize<RequestId>("\"abc\"", options));
        var data = JsonNode.Parse(JsonSerializer.Serialize(new CommonErrorData(new InvalidOperationException("boom")), options))!;
        Assert.Equal("System.InvalidOperationException", (string?)data["type"]);
        Assert.Equal("boom", (string?)data["message"]);
    }

    [Fact]
    public void Results_are_camel_cased_leave_out_nulls_and_write_the_capability_as_its_runtime_type()
    {
        var options = LspServer.SerializerOptions;
        var capabilities = new ServerCapabilities("utf-16", new TextDocumentSyncOptions(OpenClose: true, 2, new SaveOptions(IncludeText: false)), true, HoverProvider: true);
        Assert.Equal(
            """{"capabilities":{"positionEncoding":"utf-16","textDocumentSync":{"openClose":true,"change":2,"save":{"includeText":false}},"codeActionProvider":true,"hoverProvider":true},"serverInfo":{"name":"MediaRules","version":"1"}}""",
            JsonSerializer.Serialize(new InitializeResult(capabilities, new ServerInfo("MediaRules", "1")), options));
        Assert.Equal(
            """{"codeActionKinds":["quickfix"]}""",
            JsonSerializer.Serialize<object>(new CodeActionOptions(["quickfix"]), options));
        var range = new LspRange(new Position(1, 2), new Position(1, 5));
        Assert.Equal(
            """{"range":{"start":{"line":1,"character":2},"end":{"line":1,"character":5}},"severity":2,"code":"MR1003","source":"MediaRules","message":"m"}""",
            JsonSerializer.Serialize(new LspDiagnostic(range, 2, "MR1003", null, "MediaRules", "m", null), options));
        Assert.Equal("""{"contents":{"kind":"markdown","value":"v"}}""", JsonSerializer.Serialize(new Hover(new MarkupContent("markdown", "v"), null), options));

        // Reading: names in any case (the web defaults), a missing optional member is null.
        var hover = JsonSerializer.Deserialize<HoverParams>("""{"textDocument":{"uri":"file:///a.txt"},"Position":{"line":3,"character":4},"workDoneToken":"t"}""", options)!;
        Assert.Equal(new HoverParams(new TextDocumentIdentifier("file:///a.txt"), new Position(3, 4)), hover);
        var init = JsonSerializer.Deserialize<InitializeParams>("""{"processId":null,"capabilities":{"textDocument":{}}}""", options)!;
        Assert.Null(init.RootUri);
        Assert.Equal(JsonValueKind.Object, init.Capabilities!.Value.ValueKind);
    }

    [Fact]
    public void Messages_the_server_sends_have_exactly_the_protocol_members()
    {
        using var temp = new TempFolder();
        var pack = temp.Write("pack.yaml", "rules:\n  - id: MR2901\n    kind: nonsense\n");
        var text = "The suspect reportedly fled.\n";
        var uri = LspTestClient.FileUri(temp.Write("article.txt", text));
        using var client = LspTestClient.Start(temp.Root, "--rules", pack);

        // No code action literals: the capability is the boolean; dynamic registration of watched files: the server asks for it.
        var init = client.Initialize(new { workspace = new { didChangeWatchedFiles = new { dynamicRegistration = true } } });
        init["serverInfo"]!["version"] = "V";
        Assert.Equal(
            """{"capabilities":{"positionEncoding":"utf-16","textDocumentSync":{"openClose":true,"change":2,"save":{"includeText":false}},"codeActionProvider":true,"hoverProvider":true},"serverInfo":{"name":"MediaRules","version":"V"}}""",
            init.ToJsonString());

        // The pack does not load: window/showMessage.
        var message = client.WaitFor(m => (string?)m["method"] == "window/showMessage", "a message about the broken pack")["params"]!.AsObject();
        Assert.Equal(["type", "message"], message.Select(p => p.Key));
        Assert.Equal(1, (int)message["type"]!);

        client.Notify("textDocument/didOpen", new { textDocument = new { uri, languageId = "plaintext", version = 7, text } });
        var published = client.NextDiagnostics(uri);
        Assert.Equal(["uri", "version", "diagnostics"], published.Select(p => p.Key));
        Assert.Equal(uri, (string)published["uri"]!);
        Assert.Equal(7, (int)published["version"]!);
        var diagnostics = published["diagnostics"]!.AsArray();
        Assert.NotEmpty(diagnostics);
        string[] order = ["range", "severity", "code", "codeDescription", "source", "message", "tags"];
        foreach (var diagnostic in diagnostics.Select(d => d!.AsObject()))
        {
            // In the record's order; codeDescription and tags only when there is one (never null).
            var keys = diagnostic.Select(p => p.Key).ToList();
            Assert.Equal(order.Where(keys.Contains), keys);
            Assert.Subset(keys.ToHashSet(), new HashSet<string> { "range", "severity", "code", "source", "message" });
            Assert.DoesNotContain(diagnostic, p => p.Value is null);
            Assert.Equal("MediaRules", (string)diagnostic["source"]!);
        }

        JsonObject registration;
        lock (client.ServerRequests)
        {
            registration = client.ServerRequestMessages.Single(m => (string?)m["method"] == "client/registerCapability");
        }

        var registrations = registration["params"]!.AsObject();
        Assert.Equal(["registrations"], registrations.Select(p => p.Key));
        var watch = registrations["registrations"]!.AsArray().Single()!;
        Assert.Equal("mediarules-watch", (string)watch["id"]!);
        Assert.Equal("workspace/didChangeWatchedFiles", (string)watch["method"]!);
        var globs = watch["registerOptions"]!["watchers"]!.AsArray().Select(w => (string)w!["globPattern"]!).ToList();
        Assert.Equal(["**/*.yaml", "**/*.yml"], globs.Take(2));
        Assert.Contains(globs, g => g.EndsWith("/*.{yaml,yml}", StringComparison.Ordinal));

        Assert.Null(client.Request("shutdown", null)["result"]);
        client.Notify("exit", null);
        Assert.Equal(0, client.WaitForExit());
    }

    [Fact]
    public void Cancellation_and_parameters_that_do_not_deserialize_leave_the_server_serving()
    {
        using var temp = new TempFolder();
        var text = "The suspect reportedly fled.\n";
        var uri = LspTestClient.FileUri(temp.Write("article.txt", text));
        using var client = LspTestClient.Start(temp.Root);
        client.Initialize();
        client.Notify("textDocument/didOpen", new { textDocument = new { uri, languageId = "plaintext", version = 1, text } });
        Assert.Contains(LspExpectations.Keys(client.NextDiagnostics(uri)["diagnostics"]!.AsArray()), k => k.Code == "MR1001");

        client.Notify("$/cancelRequest", new { id = 4242 });
        client.Notify("$/cancelRequest", new { id = "not-a-request" });
        var bad = client.Request("textDocument/hover", new { textDocument = new { uri }, position = "nowhere" });
        Assert.NotNull(bad["error"]);
        Assert.Contains("Position", (string)bad["error"]!["message"]!, StringComparison.Ordinal);

        var hover = client.Request("textDocument/hover", new { textDocument = new { uri }, position = new { line = 0, character = 14 } });
        Assert.Contains("MR1001", (string)hover["result"]!["contents"]!["value"]!, StringComparison.Ordinal);
        Assert.Null(client.Request("shutdown", null)["result"]);
        client.Notify("exit", null);
        Assert.Equal(0, client.WaitForExit());
    }
}

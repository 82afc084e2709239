using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MediaRules.Tests.Cli;
using Xunit;

namespace MediaRules.Tests.Lsp;

/// <summary>
/// <c>mediarules lsp</c> as an editor meets it: a real process, real LSP over its standard input and output
/// (<see cref="LspTestClient"/>). After every change the published diagnostics must equal what <c>mediarules lint</c>
/// reports for the same text (<see cref="LspExpectations"/>).
/// </summary>
public sealed class LspEndToEndTests
{
    private const string Seed = "000_31195212ecc3b151.txt";

    [Fact]
    public void Seed_article_publishes_follows_edits_and_undo_offers_fixes_and_hover_then_shuts_down()
    {
        using var temp = new TempFolder();
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", Seed));
        var path = temp.Write("seed.txt", text);
        var uri = LspTestClient.FileUri(path);
        using var client = LspTestClient.Start(temp.Root);

        var init = client.Initialize();
        Assert.Equal(2, (int)init["capabilities"]!["textDocumentSync"]!["change"]!);
        Assert.True((bool)init["capabilities"]!["textDocumentSync"]!["openClose"]!);
        Assert.True((bool)init["capabilities"]!["hoverProvider"]!);
        Assert.Contains("quickfix", init["capabilities"]!["codeActionProvider"]!["codeActionKinds"]!.AsArray().Select(k => (string)k!));
        Assert.Equal("MediaRules", (string)init["serverInfo"]!["name"]!);
        Assert.False(string.IsNullOrEmpty((string?)init["serverInfo"]!["version"]));

        client.Notify("textDocument/didOpen", new { textDocument = new { uri, languageId = "plaintext", version = 1, text } });
        var opened = client.NextDiagnostics(uri);
        Assert.Equal(1, (int)opened["version"]!);
        var initial = opened["diagnostics"]!.AsArray();
        Assert.True(initial.Count >= 10, $"only {initial.Count} diagnostics on the seed");
        Assert.All(initial, d =>
        {
            Assert.Matches(new Regex("^MR[0-9]{4}$"), (string)d!["code"]!);
            Assert.Equal("MediaRules", (string)d["source"]!);
            Assert.False(string.IsNullOrEmpty((string?)d["message"]));
            Assert.StartsWith("http", (string)d["codeDescription"]!["href"]!, StringComparison.Ordinal);
        });
        var initialKeys = LspExpectations.Keys(initial);
        Assert.Equal(LspExpectations.Expected(text, path), initialKeys);

        // Replace a flagged word that is neither on the first line nor at a line start, preferably with another finding after it on its line.
        var candidates = initialKeys.Where(k => k.StartLine > 0 && k.StartCharacter > 0 && k.StartLine == k.EndLine && k.Code[..3] is "MR1" or "MR2").ToList();
        var target = candidates.FirstOrDefault(k => initialKeys.Any(o => o.StartLine == k.StartLine && o.StartCharacter > k.EndCharacter)) ?? candidates[0];
        var start = LspExpectations.OffsetOf(text, target.StartLine, target.StartCharacter);
        var end = LspExpectations.OffsetOf(text, target.EndLine, target.EndCharacter);
        var removed = text[start..end];
        var edited = string.Concat(text.AsSpan(0, start), "xxxx", text.AsSpan(end));
        client.Notify("textDocument/didChange", new
        {
            textDocument = new { uri, version = 2 },
            contentChanges = new[] { new { range = LspExpectations.Range(target.StartLine, target.StartCharacter, target.EndLine, target.EndCharacter), text = "xxxx" } },
        });
        var changed = client.NextDiagnostics(uri);
        Assert.Equal(2, (int)changed["version"]!);
        var changedKeys = LspExpectations.Keys(changed["diagnostics"]!.AsArray());
        Assert.DoesNotContain(target, changedKeys);
        Assert.Equal(LspExpectations.Expected(edited, path), changedKeys);
        Assert.Equal(initialKeys.Where(k => k.StartLine != target.StartLine), changedKeys.Where(k => k.StartLine != target.StartLine));
        var delta = 4 - removed.Length;
        var after = initialKeys.Where(k => k.StartLine == target.StartLine && k.StartCharacter >= target.EndCharacter && k.EndLine == k.StartLine).ToList();
        var shifted = after.Select(k => k with { StartCharacter = k.StartCharacter + delta, EndCharacter = k.EndCharacter + delta }).ToList();
        if (shifted.Count > 0)
        {
            Assert.Contains(shifted, changedKeys.Contains);   // a later finding on the edited line moved by the edit's length difference
        }

        client.Notify("textDocument/didChange", new
        {
            textDocument = new { uri, version = 3 },
            contentChanges = new[] { new { range = LspExpectations.Range(target.StartLine, target.StartCharacter, target.StartLine, target.StartCharacter + 4), text = removed } },
        });
        var undone = client.NextDiagnostics(uri);
        Assert.Equal(initialKeys, LspExpectations.Keys(undone["diagnostics"]!.AsArray()));

        // A quick fix whose edit, applied, makes its diagnostic go.
        JsonObject? quickFix = null;
        JsonNode? fixedDiagnostic = null;
        foreach (var diagnostic in undone["diagnostics"]!.AsArray())
        {
            var actions = client.Request("textDocument/codeAction", new
            {
                textDocument = new { uri },
                range = diagnostic!["range"],
                context = new { diagnostics = new[] { diagnostic }, only = new[] { "quickfix" } },
            })["result"]!.AsArray();
            quickFix = actions.Select(a => a!.AsObject()).FirstOrDefault(a => (bool?)a["isPreferred"] == true && a["edit"]?["changes"]?[uri] is not null);
            if (quickFix is not null)
            {
                fixedDiagnostic = diagnostic;
                break;
            }
        }

        Assert.NotNull(quickFix);
        Assert.Equal("quickfix", (string)quickFix!["kind"]!);
        Assert.Equal((string)fixedDiagnostic!["code"]!, (string)quickFix["diagnostics"]![0]!["code"]!);
        var edits = quickFix["edit"]!["changes"]![uri]!.AsArray();
        var fixedText = LspExpectations.ApplyEdits(text, edits);
        client.Notify("textDocument/didChange", new
        {
            textDocument = new { uri, version = 4 },
            contentChanges = edits.OrderByDescending(e => LspExpectations.OffsetOf(text, e!["range"]!["start"]!))
                .Select(e => new { range = e!["range"], text = (string)e["newText"]! }).ToArray(),
        });
        var afterFix = LspExpectations.Keys(client.NextDiagnostics(uri)["diagnostics"]!.AsArray());
        Assert.DoesNotContain(LspExpectations.Keys(new JsonArray(fixedDiagnostic.DeepClone()))[0], afterFix);
        Assert.Equal(LspExpectations.Expected(fixedText, path), afterFix);

        var first = undone["diagnostics"]![0]!;
        var hover = client.Request("textDocument/hover", new { textDocument = new { uri }, position = first["range"]!["start"] })["result"]!;
        Assert.Equal("markdown", (string)hover["contents"]!["kind"]!);
        var markdown = (string)hover["contents"]!["value"]!;
        Assert.Contains((string)first["code"]!, markdown, StringComparison.Ordinal);
        Assert.Contains("Guidance it cites", markdown, StringComparison.Ordinal);
        var nothing = client.Request("textDocument/hover", new { textDocument = new { uri }, position = new { line = 500, character = 0 } });
        Assert.Null(nothing["result"]);

        client.Notify("textDocument/didClose", new { textDocument = new { uri } });
        Assert.Empty(client.NextDiagnostics(uri)["diagnostics"]!.AsArray());
        Assert.Null(client.Request("shutdown", null)["result"]);
        client.Notify("exit", null);
        Assert.Equal(0, client.WaitForExit());
    }

    [Fact]
    public void Markdown_lints_only_the_prose_honours_suppressions_and_offers_a_disable_comment()
    {
        using var temp = new TempFolder();
        var text = string.Join("\r\n",
            "---",
            "title: The minister claimed the figures were wrong",
            "---",
            "# A heading",
            "",
            "The minister claimed the figures were wrong. 😀 Officials insisted the vote was fair.",
            "",
            "```text",
            "He claimed that code is not prose.",
            "```",
            "",
            "<!-- mediarules-disable-next-line MR1003 -- quoted from the court record -->",
            "Officials admitted that the plan had been delayed.",
            "",
            "The suspect reportedly fled,",
            "and the minister claimed that it was over.",
            "");
        var path = temp.Write("story.md", text);
        var uri = LspTestClient.FileUri(path);
        using var client = LspTestClient.Start(temp.Root);
        client.Initialize();
        client.Notify("textDocument/didOpen", new { textDocument = new { uri, languageId = "markdown", version = 1, text } });
        var keys = LspExpectations.Keys(client.NextDiagnostics(uri)["diagnostics"]!.AsArray());
        Assert.Equal(LspExpectations.Expected(text, path), keys);
        Assert.Contains(keys, k => k is { Code: "MR1003", StartLine: 5, StartCharacter: 13 });
        Assert.Contains(keys, k => k is { Code: "MR1003", StartLine: 5, StartCharacter: 58 });   // after an astral character: two UTF-16 units
        Assert.DoesNotContain(keys, k => k.StartLine is 1 or 8 or 12);                           // front matter, code, suppressed

        // "Disable for this line" on a line inside a paragraph puts the comment at the end of the line above.
        var target = keys.Single(k => k is { Code: "MR1003", StartLine: 15 });
        var actions = client.Request("textDocument/codeAction", new
        {
            textDocument = new { uri },
            range = LspExpectations.Range(target.StartLine, target.StartCharacter, target.EndLine, target.EndCharacter),
            context = new { diagnostics = Array.Empty<object>() },
        })["result"]!.AsArray();
        var disable = actions.Single(a => ((string)a!["title"]!).StartsWith("Disable MR1003", StringComparison.Ordinal))!;
        Assert.False((bool)disable["isPreferred"]!);
        Assert.Contains(actions, a => (bool)a!["isPreferred"]! && (string)a["title"]! == "Replace with 'said'");
        var edits = disable["edit"]!["changes"]![uri]!.AsArray();
        var disabled = LspExpectations.ApplyEdits(text, edits);
        Assert.Contains("fled, <!-- mediarules-disable-next-line MR1003 -->\r\nand the minister", disabled, StringComparison.Ordinal);
        client.Notify("textDocument/didChange", new
        {
            textDocument = new { uri, version = 2 },
            contentChanges = new[] { new { range = edits[0]!["range"], text = (string)edits[0]!["newText"]! } },
        });
        var after = LspExpectations.Keys(client.NextDiagnostics(uri)["diagnostics"]!.AsArray());
        Assert.DoesNotContain(after, k => k.Code == "MR1003" && k.StartLine == 15);
        Assert.DoesNotContain(after, k => k.Code == "MR9005");
        Assert.Equal(LspExpectations.Expected(disabled, path), after);
    }

    [Fact]
    public void Configuration_change_reported_by_the_editor_reloads_and_a_broken_one_keeps_the_last_good()
    {
        using var temp = new TempFolder();
        var text = "The minister claimed the figures were wrong. The suspect reportedly fled.\n";
        var path = temp.Write("news/article.txt", text);
        var uri = LspTestClient.FileUri(path);
        using var client = LspTestClient.Start(temp.Root);
        // A client that watches files for the server: the server registers its watchers and relies on the notifications.
        client.Initialize(new { workspace = new { didChangeWatchedFiles = new { dynamicRegistration = true } } });
        client.Notify("textDocument/didOpen", new { textDocument = new { uri, languageId = "plaintext", version = 1, text } });
        Assert.Contains(LspExpectations.Keys(client.NextDiagnostics(uri)["diagnostics"]!.AsArray()), k => k.Code == "MR1003");
        lock (client.ServerRequests)
        {
            Assert.Contains("client/registerCapability", client.ServerRequests);
        }

        var config = temp.Write(".mediarules.yaml", "severity:\n  MR1003: none\n  MR1001: error\n");
        var configUri = LspTestClient.FileUri(config);
        client.Notify("workspace/didChangeWatchedFiles", new { changes = new[] { new { uri = configUri, type = 1 } } });
        var reloaded = LspExpectations.Keys(client.DiagnosticsUntil(uri, d => !LspExpectations.Keys(d).Any(k => k.Code == "MR1003"), "diagnostics without MR1003")["diagnostics"]!.AsArray());
        Assert.Contains(reloaded, k => k is { Code: "MR1001", Severity: 1 });

        File.WriteAllText(config, "severity:\n  MR1003: sometimes\n");
        client.Notify("workspace/didChangeWatchedFiles", new { changes = new[] { new { uri = configUri, type = 2 } } });
        var message = client.WaitFor(m => (string?)m["method"] == "window/showMessage", "a message about the broken configuration")["params"]!;
        Assert.Equal(1, (int)message["type"]!);
        Assert.Matches(new Regex(@"\.mediarules\.yaml\(2,\d+\): error MR9001"), (string)message["message"]!);
        var kept = LspExpectations.Keys(client.NextDiagnostics(uri)["diagnostics"]!.AsArray());
        Assert.Equal(reloaded, kept);

        // The server is still serving: an edit is analysed with the last good configuration.
        client.Notify("textDocument/didChange", new
        {
            textDocument = new { uri, version = 2 },
            contentChanges = new[] { new { range = LspExpectations.Range(1, 0, 1, 0), text = "Critics say it was a mistake.\n" } },
        });
        Assert.Contains(LspExpectations.Keys(client.NextDiagnostics(uri)["diagnostics"]!.AsArray()), k => k is { Code: "MR1001", StartLine: 1, Severity: 1 });

        File.Delete(config);
        client.Notify("workspace/didChangeWatchedFiles", new { changes = new[] { new { uri = configUri, type = 3 } } });
        client.DiagnosticsUntil(uri, d => LspExpectations.Keys(d).Any(k => k.Code == "MR1003"), "MR1003 back after the configuration went");
        Assert.Null(client.Request("shutdown", null)["result"]);
        client.Notify("exit", null);
        Assert.Equal(0, client.WaitForExit());
    }

    [Fact]
    public void Rule_pack_change_is_seen_on_disk_without_the_editor_and_a_broken_pack_is_reported()
    {
        using var temp = new TempFolder();
        var pack = temp.Pack();
        var text = "The zorgs left.\nThe frobnitz stayed.\n";
        var path = temp.Write("article.txt", text);
        var uri = LspTestClient.FileUri(path);
        using var client = LspTestClient.Start(temp.Root, "--rules", pack, "--no-default-rules");
        client.Initialize();
        client.Notify("textDocument/didOpen", new { textDocument = new { uri, languageId = "plaintext", version = 1, text } });
        var keys = LspExpectations.Keys(client.NextDiagnostics(uri)["diagnostics"]!.AsArray());
        Assert.Equal(["MR2901"], keys.Select(k => k.Code));

        // No notification: the server's own file watcher sees the pack change.
        File.WriteAllText(pack, CliHarness.TestPack.Replace("terms: [blorp]", "terms: [blorp, frobnitz]", StringComparison.Ordinal));
        client.DiagnosticsUntil(uri, d => LspExpectations.Keys(d).Any(k => k is { Code: "MR2902", StartLine: 1, Severity: 1 }), "MR2902 after the pack changed");

        File.WriteAllText(pack, "rules:\n  - id: MR2901\n    kind: nonsense\n");
        var message = client.WaitFor(m => (string?)m["method"] == "window/showMessage", "a message about the broken pack")["params"]!;
        Assert.Contains("pack.yaml(", (string)message["message"]!, StringComparison.Ordinal);
        Assert.Contains("MR9001", (string)message["message"]!, StringComparison.Ordinal);
        var kept = LspExpectations.Keys(client.NextDiagnostics(uri)["diagnostics"]!.AsArray());
        Assert.Contains(kept, k => k.Code == "MR2902");
        Assert.Contains(kept, k => k.Code == "MR2901");
    }

    [Fact]
    public void Protocol_errors_never_end_the_server_and_exit_without_shutdown_is_code_1()
    {
        using var temp = new TempFolder();
        using var client = LspTestClient.Start(temp.Root);
        var early = client.Request("textDocument/hover", new { textDocument = new { uri = "file:///x.txt" }, position = new { line = 0, character = 0 } });
        Assert.Equal(-32002, (int)early["error"]!["code"]!);
        client.Initialize();
        Assert.Equal(-32601, (int)client.Request("mediarules/noSuchMethod", new { })["error"]!["code"]!);
        client.Notify("$/noSuchNotification", new { });
        client.Notify("textDocument/didChange", new { textDocument = new { uri = "file:///never/opened.txt", version = 2 }, contentChanges = new[] { new { text = "x" } } });

        // Ranges past the end of a line or of the text are clamped, as the protocol says.
        var uri = "untitled:Untitled-1";
        client.Notify("textDocument/didOpen", new { textDocument = new { uri, languageId = "plaintext", version = 1, text = "One line.\r\nTwo" } });
        Assert.Empty(client.NextDiagnostics(uri)["diagnostics"]!.AsArray());
        client.Notify("textDocument/didChange", new
        {
            textDocument = new { uri, version = 2 },
            contentChanges = new[] { new { range = LspExpectations.Range(0, 400, 9, 9), text = " The suspect reportedly fled." } },
        });
        var keys = LspExpectations.Keys(client.NextDiagnostics(uri)["diagnostics"]!.AsArray());
        Assert.Equal(LspExpectations.Expected("One line. The suspect reportedly fled.", "untitled.txt"), keys);
        Assert.Contains(keys, k => k is { Code: "MR1001", StartLine: 0, StartCharacter: 22 });
        var hover = client.Request("textDocument/hover", new { textDocument = new { uri }, position = new { line = 0, character = 24 } });
        Assert.Contains("MR1001", (string)hover["result"]!["contents"]!["value"]!, StringComparison.Ordinal);

        client.Notify("exit", null);
        Assert.Equal(1, client.WaitForExit());
    }
}

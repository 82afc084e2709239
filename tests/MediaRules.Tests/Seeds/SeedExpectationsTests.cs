using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MediaRules.Text;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace MediaRules.Tests.Seeds;

/// <summary>Checks the machine-readable expectations kept beside each seed article against the default packs.</summary>
public class SeedExpectationsTests
{
    public static TheoryData<string, int> Entries()
    {
        var data = new TheoryData<string, int>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "seeds"), "*.expected.yaml"))
        {
            var count = Load(file).Count;
            for (var i = 0; i < count; i++)
            {
                data.Add(Path.GetFileName(file), i);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void Seed_expectation_holds(string expectationsFile, int index)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "seeds", expectationsFile);
        var entry = Load(path)[index];
        var text = SourceText.From(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", entry.Seed)));
        var diagnostics = TestSupport.Default.Analyze(text, entry.Seed).Diagnostics;

        var line = text.GetLineSpan(entry.Line - 1);
        var lineText = text.ToString(line);
        var occurrences = new List<TextSpan>();
        for (var at = lineText.IndexOf(entry.Text, StringComparison.Ordinal); at >= 0; at = lineText.IndexOf(entry.Text, at + 1, StringComparison.Ordinal))
        {
            occurrences.Add(new TextSpan(line.Start + at, entry.Text.Length));
        }

        Assert.True(occurrences.Count > 0, $"{entry}: the text does not occur on line {entry.Line}");
        if (entry.Occurrence is int n)
        {
            occurrences = new List<TextSpan> { occurrences[n - 1] };
        }

        var relevant = diagnostics.Where(d => (entry.Rule is null || d.Id == entry.Rule) && (entry.Category is null || d.Descriptor.Category == entry.Category)).ToList();
        var met = entry.MustFlag
            ? occurrences.Any(o => relevant.Any(d => d.Location.SourceSpan.OverlapsWith(o)))
            : occurrences.All(o => !relevant.Any(d => d.Location.SourceSpan.OverlapsWith(o)));
        var onLine = string.Join("; ", diagnostics.Where(d => d.Location.LineSpan.Start.Line == entry.Line - 1).Select(d => $"{d.Id} '{text.ToString(d.Location.SourceSpan)}'"));

        if (entry.Pending is null)
        {
            Assert.True(met, $"{entry} is not met. Diagnostics on the line: {onLine}");
        }
        else
        {
            Assert.False(met, $"{entry} is now met: remove 'pending: {entry.Pending}' from {expectationsFile}.");
        }
    }

    internal static List<Entry> Load(string path)
    {
        var stream = new YamlStream();
        using (var reader = File.OpenText(path))
        {
            stream.Load(reader);
        }

        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var seed = ((YamlScalarNode)root.Children[new YamlScalarNode("seed")]).Value!;
        var entries = new List<Entry>();
        foreach (var (key, mustFlag) in new[] { ("must-flag", true), ("must-not-flag", false) })
        {
            foreach (YamlMappingNode item in (YamlSequenceNode)root.Children[new YamlScalarNode(key)])
            {
                string? Get(string name) => item.Children.TryGetValue(new YamlScalarNode(name), out var v) ? ((YamlScalarNode)v).Value : null;
                entries.Add(new Entry(
                    seed,
                    mustFlag,
                    int.Parse(Get("line")!, System.Globalization.CultureInfo.InvariantCulture),
                    Get("text")!,
                    Get("rule"),
                    Get("category"),
                    Get("occurrence") is { } o ? int.Parse(o, System.Globalization.CultureInfo.InvariantCulture) : null,
                    Get("pending")));
            }
        }

        return entries;
    }

    internal sealed record Entry(string Seed, bool MustFlag, int Line, string Text, string? Rule, string? Category, int? Occurrence, string? Pending)
    {
        public override string ToString() =>
            $"{(MustFlag ? "must-flag" : "must-not-flag")} line {Line} '{Text}' {Rule ?? Category ?? "any rule"}";
    }
}

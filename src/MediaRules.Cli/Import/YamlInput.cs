using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MediaRules.Cli.Import;

/// <summary>Reads a prh or Vale YAML file into nodes, with positions for every error.</summary>
internal static class YamlInput
{
    /// <summary>The file's root mapping.</summary>
    /// <exception cref="ImportException">The file cannot be read, is malformed, or is not a mapping.</exception>
    public static YamlMappingNode Load(string file)
    {
        string text;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new ImportException($"{file}: cannot read: {ex.Message}", ex);
        }

        var stream = new YamlStream();
        try
        {
            using var reader = new StringReader(text);
            stream.Load(reader);
        }
        catch (YamlException ex)
        {
            var message = ex.InnerException is YamlException inner ? inner.Message : ex.Message;
            throw new ImportException($"{PatternCheck.Position(file, ex.Start)}: malformed YAML: {message}", ex);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var mark = stream.Documents.Count == 0 ? Mark.Empty : stream.Documents[0].RootNode.Start;
            throw new ImportException($"{PatternCheck.Position(file, mark)}: expected a mapping at the top of the file");
        }

        return root;
    }

    public static string? Scalar(YamlNode? node) => node is YamlScalarNode scalar ? scalar.Value : null;

    public static YamlNode? Get(YamlMappingNode map, string key) =>
        map.Children.FirstOrDefault(e => Scalar(e.Key) == key).Value;

    public static IEnumerable<string> Keys(YamlMappingNode map) => map.Children.Keys.Select(k => Scalar(k) ?? "?");

    /// <summary>A scalar or a list of scalars as strings; null when the node is something else.</summary>
    public static List<string>? Strings(YamlNode? node) => node switch
    {
        null => [],
        YamlScalarNode scalar => scalar.Value is null ? [] : [scalar.Value],
        YamlSequenceNode list when list.Children.All(c => c is YamlScalarNode) => list.Children.Select(c => Scalar(c) ?? string.Empty).ToList(),
        _ => null,
    };

    public static bool IsTrue(YamlNode? node) => string.Equals(Scalar(node), "true", StringComparison.OrdinalIgnoreCase);
}

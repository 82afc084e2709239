using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using MediaRules.Diagnostics;
using MediaRules.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MediaRules.Tests.Corpus;

/// <summary>One hand label: a finding an editor following the guidance would make.</summary>
/// <param name="Category">attribution, terminology, consistency or quotation.</param>
/// <param name="Spans">The substrings it names (one, or several for one finding, e.g. both spellings).</param>
/// <param name="Display">The label as written in the file.</param>
/// <param name="Line">The line of the label in the file.</param>
internal sealed record CorpusLabel(string Category, IReadOnlyList<TextSpan> Spans, string Display, int Line);

/// <summary>One sentence (or two-sentence snippet) of the evaluation corpus.</summary>
internal sealed record CorpusSentence(
    string Id,
    string Beat,
    string Text,
    IReadOnlyList<CorpusLabel> Labels,
    IReadOnlyList<TextSpan> HardNegatives,
    int Line)
{
    public bool IsCleanOrHardNegative => Labels.Count == 0 || HardNegatives.Count > 0;
}

/// <summary>One mirrored pair: the same sentence with the label of one side (A) and of the other (B).</summary>
internal sealed record MirroredPair(string Id, string Topic, string? Expect, string? Why, string A, int LineA, string B, int LineB, int Line);

/// <summary>A corpus file that is not well formed; the message names every problem with its line.</summary>
public sealed class CorpusFormatException : Exception
{
    public CorpusFormatException()
    {
    }

    public CorpusFormatException(string message)
        : base(message)
    {
    }

    public CorpusFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// Strict readers for <c>news-sentences.yaml</c> and <c>mirrored-pairs.yaml</c>: unknown keys, missing values,
/// unknown categories and label texts that do not occur in their sentence are all reported, each with
/// <c>file(line N, col M)</c>, in one <see cref="CorpusFormatException"/>.
/// </summary>
internal static class CorpusYaml
{
    public static readonly string[] Categories =
    {
        DiagnosticCategory.Attribution, DiagnosticCategory.Terminology, DiagnosticCategory.Consistency, DiagnosticCategory.Quotation,
    };

    private static readonly string[] SentenceKeys = { "id", "beat", "text", "labels", "hard-negatives", "note" };
    private static readonly string[] LabelKeys = { "category", "text", "occurrence", "note" };
    private static readonly string[] PairKeys = { "id", "topic", "expect", "why", "a", "b" };

    public static IReadOnlyList<CorpusSentence> LoadSentences(string path) =>
        ParseSentences(File.ReadAllText(path), Path.GetFileName(path));

    public static IReadOnlyList<MirroredPair> LoadPairs(string path) =>
        ParsePairs(File.ReadAllText(path), Path.GetFileName(path));

    public static IReadOnlyList<CorpusSentence> ParseSentences(string yaml, string fileName)
    {
        var errors = new Errors(fileName);
        var items = RootSequence(yaml, "sentences", errors);
        var result = new List<CorpusSentence>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (item is not YamlMappingNode map)
            {
                errors.Add(item, "each sentence must be a mapping with 'id', 'text' and optional 'labels'");
                continue;
            }

            CheckKeys(map, SentenceKeys, "sentence", errors);
            var id = RequiredScalar(map, "id", errors);
            var text = RequiredScalar(map, "text", errors);
            var beat = OptionalScalar(map, "beat", errors) ?? string.Empty;
            if (id is not null)
            {
                if (ids.TryGetValue(id, out var firstLine))
                {
                    errors.Add(map, $"duplicate id '{id}' (first used on line {firstLine})");
                }
                else
                {
                    ids[id] = Line(map);
                }
            }

            if (text is null)
            {
                continue;
            }

            var labels = new List<CorpusLabel>();
            if (Child(map, "labels") is { } labelsNode)
            {
                if (labelsNode is not YamlSequenceNode labelSeq)
                {
                    errors.Add(labelsNode, "'labels' must be a list of {category, text} mappings");
                }
                else
                {
                    foreach (var labelNode in labelSeq)
                    {
                        if (ParseLabel(labelNode, text, id, errors) is { } label)
                        {
                            labels.Add(label);
                        }
                    }
                }
            }

            var hardNegatives = new List<TextSpan>();
            if (Child(map, "hard-negatives") is { } negativesNode)
            {
                foreach (var (value, node) in ScalarList(negativesNode, "hard-negatives", errors))
                {
                    if (Find(text, value, 1) is { } span)
                    {
                        hardNegatives.Add(span);
                    }
                    else
                    {
                        errors.Add(node, $"hard negative '{value}' does not occur in sentence {id}");
                    }
                }
            }

            result.Add(new CorpusSentence(id ?? "?", beat, text, labels, hardNegatives, Line(map)));
        }

        errors.ThrowIfAny();
        return result;
    }

    public static IReadOnlyList<MirroredPair> ParsePairs(string yaml, string fileName)
    {
        var errors = new Errors(fileName);
        var items = RootSequence(yaml, "pairs", errors);
        var result = new List<MirroredPair>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (item is not YamlMappingNode map)
            {
                errors.Add(item, "each pair must be a mapping with 'id', 'a' and 'b'");
                continue;
            }

            CheckKeys(map, PairKeys, "pair", errors);
            var id = RequiredScalar(map, "id", errors);
            var a = RequiredScalar(map, "a", errors);
            var b = RequiredScalar(map, "b", errors);
            var expect = OptionalScalar(map, "expect", errors);
            if (expect is not null and not "both" and not "neither")
            {
                errors.Add(Child(map, "expect")!, $"'expect' must be 'both' or 'neither', not '{expect}'");
            }

            if (id is not null && !ids.Add(id))
            {
                errors.Add(map, $"duplicate id '{id}'");
            }

            if (a is not null && b is not null)
            {
                if (string.Equals(a, b, StringComparison.Ordinal))
                {
                    errors.Add(map, $"pair {id}: 'a' and 'b' are the same sentence");
                }

                result.Add(new MirroredPair(
                    id ?? "?", OptionalScalar(map, "topic", errors) ?? string.Empty, expect, OptionalScalar(map, "why", errors),
                    a, Line(Child(map, "a")!), b, Line(Child(map, "b")!), Line(map)));
            }
        }

        errors.ThrowIfAny();
        return result;
    }

    /// <summary>The <paramref name="occurrence"/>-th occurrence of <paramref name="value"/> whose ends fall on word boundaries.</summary>
    public static TextSpan? Find(string text, string value, int occurrence)
    {
        if (value.Length == 0)
        {
            return null;
        }

        var seen = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + 1, StringComparison.Ordinal))
        {
            var end = at + value.Length;
            var startOk = !char.IsLetterOrDigit(value[0]) || at == 0 || !char.IsLetterOrDigit(text[at - 1]);
            var endOk = !char.IsLetterOrDigit(value[^1]) || end == text.Length || !char.IsLetterOrDigit(text[end]);
            if (startOk && endOk && ++seen == occurrence)
            {
                return new TextSpan(at, value.Length);
            }
        }

        return null;
    }

    private static CorpusLabel? ParseLabel(YamlNode node, string text, string? sentenceId, Errors errors)
    {
        if (node is not YamlMappingNode map)
        {
            errors.Add(node, "a label must be a mapping {category, text}");
            return null;
        }

        CheckKeys(map, LabelKeys, "label", errors);
        var category = RequiredScalar(map, "category", errors);
        if (category is not null && !Categories.Contains(category, StringComparer.Ordinal))
        {
            errors.Add(Child(map, "category")!, $"unknown category '{category}' (expected {string.Join(", ", Categories)})");
            category = null;
        }

        var occurrence = 1;
        if (OptionalScalar(map, "occurrence", errors) is { } occurrenceText)
        {
            if (!int.TryParse(occurrenceText, NumberStyles.None, CultureInfo.InvariantCulture, out occurrence) || occurrence < 1)
            {
                errors.Add(Child(map, "occurrence")!, $"'occurrence' must be a whole number from 1, not '{occurrenceText}'");
                return null;
            }
        }

        var textNode = Child(map, "text");
        if (textNode is null)
        {
            errors.Add(map, "the label has no 'text'");
            return null;
        }

        var values = ScalarList(textNode, "text", errors);
        if (values.Count == 0)
        {
            errors.Add(textNode, "the label's 'text' is empty");
            return null;
        }

        if (values.Count > 1 && occurrence != 1)
        {
            errors.Add(Child(map, "occurrence")!, "'occurrence' goes with a single text, not a list");
            return null;
        }

        var spans = new List<TextSpan>();
        foreach (var (value, valueNode) in values)
        {
            if (Find(text, value, occurrence) is { } span)
            {
                spans.Add(span);
            }
            else
            {
                errors.Add(valueNode, occurrence == 1
                    ? $"label text '{value}' does not occur (on word boundaries) in sentence {sentenceId}"
                    : $"label text '{value}' does not occur {occurrence} times in sentence {sentenceId}");
            }
        }

        if (category is null || spans.Count != values.Count)
        {
            return null;
        }

        var display = values.Count == 1 ? $"'{values[0].Value}'" : string.Join(" / ", values.Select(v => $"'{v.Value}'"));
        if (occurrence > 1)
        {
            display += $" (occurrence {occurrence})";
        }

        return new CorpusLabel(category, spans, display, Line(map));
    }

    private static List<YamlNode> RootSequence(string yaml, string key, Errors errors)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            throw new CorpusFormatException(
                $"{errors.FileName}(line {ex.Start.Line}, col {ex.Start.Column}): malformed YAML: {ex.InnerException?.Message ?? ex.Message}", ex);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new CorpusFormatException($"{errors.FileName}(line 1, col 1): the file must be a mapping with a '{key}' list");
        }

        CheckKeys(root, new[] { key }, "file", errors);
        if (Child(root, key) is not YamlSequenceNode seq)
        {
            errors.Add(root, $"the file must have a '{key}' list");
            errors.ThrowIfAny();
            return new List<YamlNode>();
        }

        return seq.Children.ToList();
    }

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    private static void CheckKeys(YamlMappingNode map, string[] allowed, string what, Errors errors)
    {
        foreach (var key in map.Children.Keys)
        {
            if (key is not YamlScalarNode { Value: { } name } || !allowed.Contains(name, StringComparer.Ordinal))
            {
                errors.Add(key, $"unknown key '{key}' in a {what} (allowed: {string.Join(", ", allowed)})");
            }
        }
    }

    private static string? RequiredScalar(YamlMappingNode map, string key, Errors errors)
    {
        var node = Child(map, key);
        if (node is null)
        {
            errors.Add(map, $"missing '{key}'");
            return null;
        }

        if (node is not YamlScalarNode { Value: { Length: > 0 } value })
        {
            errors.Add(node, $"'{key}' must be a non-empty string");
            return null;
        }

        return value;
    }

    private static string? OptionalScalar(YamlMappingNode map, string key, Errors errors)
    {
        var node = Child(map, key);
        if (node is null)
        {
            return null;
        }

        if (node is not YamlScalarNode scalar)
        {
            errors.Add(node, $"'{key}' must be a string");
            return null;
        }

        return scalar.Value;
    }

    private static List<(string Value, YamlNode Node)> ScalarList(YamlNode node, string key, Errors errors)
    {
        var list = new List<(string, YamlNode)>();
        if (node is YamlScalarNode { Value: { Length: > 0 } single })
        {
            list.Add((single, node));
        }
        else if (node is YamlSequenceNode seq)
        {
            foreach (var child in seq)
            {
                if (child is YamlScalarNode { Value: { Length: > 0 } value })
                {
                    list.Add((value, child));
                }
                else
                {
                    errors.Add(child, $"each item of '{key}' must be a non-empty string");
                }
            }
        }
        else
        {
            errors.Add(node, $"'{key}' must be a string or a list of strings");
        }

        return list;
    }

    private static int Line(YamlNode node) => (int)node.Start.Line;

    private sealed class Errors(string fileName)
    {
        private readonly List<string> _messages = new();

        public string FileName { get; } = fileName;

        public void Add(YamlNode node, string message) =>
            _messages.Add($"{FileName}(line {node.Start.Line}, col {node.Start.Column}): {message}");

        public void ThrowIfAny()
        {
            if (_messages.Count > 0)
            {
                throw new CorpusFormatException(
                    $"{_messages.Count} problem(s) in {FileName}:{Environment.NewLine}{string.Join(Environment.NewLine, _messages)}");
            }
        }
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using MediaRules.Analysis;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace MediaRules.Loading;

/// <summary>Reads one YAML document strictly, for rule packs and configuration files alike, with positions for errors.</summary>
internal static class YamlSource
{
    /// <summary>The root node, or null after recording why not (malformed YAML, aliases, empty, several documents).</summary>
    public static YamlNode? Parse(string yaml, string source, string what, List<RuleLoadError> errors)
    {
        AliasRefusingParser? reading = null;
        try
        {
            // Refuse aliases before building the tree: these files do not need them, and refusing them makes
            // "billion laughs" style expansion impossible whatever walks the tree later. The tree is built from the
            // same pass over the events, which stops at the first alias.
            var stream = new YamlStream();
            try
            {
                reading = new AliasRefusingParser(new Parser(new StringReader(yaml)));
                stream.Load(reading);
            }
            catch (AliasFoundException found)
            {
                errors.Add(ErrorAt(source, found.Alias.Start, $"YAML aliases (*{found.Alias.Value}) are not allowed in a {what}"));
                return null;
            }
            catch (YamlException)
            {
                // Reading stopped early (a syntax error, or a duplicate key found while building the tree). Report what
                // a pass over all the events reports first, as when that pass ran on its own before the tree was built:
                // an alias further on, or the first syntax error (FirstAlias throws it), or else this error.
                if (FirstAlias(yaml) is { } alias)
                {
                    errors.Add(ErrorAt(source, alias.Start, $"YAML aliases (*{alias.Value}) are not allowed in a {what}"));
                    return null;
                }

                throw;
            }

            if (stream.Documents.Count == 0)
            {
                errors.Add(new RuleLoadError(source, 1, 1, $"the {what} is empty"));
                return null;
            }

            if (stream.Documents.Count > 1)
            {
                errors.Add(ErrorAt(source, stream.Documents[1].RootNode.Start, $"a {what} holds one YAML document"));
                return null;
            }

            return stream.Documents[0].RootNode;
        }
        catch (YamlException ex)
        {
            var message = ex.InnerException is { } inner && ex.Message.StartsWith("(Line", StringComparison.Ordinal) ? inner.Message : ex.Message;

            // YamlDotNet's End is the problem mark (where reading failed), Start the context it was reading.
            var problem = ex.End.Line > 0 ? ex.End : ex.Start;
            var context = ex.Start.Line > 0 && ex.Start.Line != problem.Line ? $" (while reading from line {ex.Start.Line})" : string.Empty;
            errors.Add(ErrorAt(source, problem, $"malformed YAML: {StripPosition(message)}{context}"));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner gives up on some malformed flow collections ("[1, 2" left open before a new key)
            // with this exception instead of a YamlException: the problem lies after the last event it read.
            var mark = reading?.LastEnd is { Line: > 0 } end ? end : new Mark(0, 1, 1);
            errors.Add(ErrorAt(source, mark, "malformed YAML: cannot read on from here (an unclosed [ or { before this point?)"));
            return null;
        }
    }

    // The first alias of a text, or null when it has none; a syntax error before any alias throws.
    private static AnchorAlias? FirstAlias(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        while (parser.MoveNext())
        {
            if (parser.Current is AnchorAlias alias)
            {
                return alias;
            }
        }

        return null;
    }

    public static RuleLoadError ErrorAt(string source, Mark mark, string message) =>
        new(source, (int)mark.Line, (int)mark.Column, message);

    // YamlDotNet puts "(Line: 3, Col: 1, Idx: 22) - (…): " in front of its messages; we report the position ourselves.
    private static string StripPosition(string message)
    {
        var at = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line", StringComparison.Ordinal) && at >= 0 ? message.Substring(at + 3) : message;
    }

    /// <summary>Passes the events on, and throws <see cref="AliasFoundException"/> at the first alias.</summary>
    private sealed class AliasRefusingParser : IParser
    {
        private readonly IParser _inner;

        public AliasRefusingParser(IParser inner) => _inner = inner;

        public ParsingEvent? Current => _inner.Current;

        /// <summary>Where the last event read ends.</summary>
        public Mark? LastEnd { get; private set; }

        public bool MoveNext()
        {
            if (!_inner.MoveNext())
            {
                return false;
            }

            LastEnd = _inner.Current?.End;

            return _inner.Current is AnchorAlias alias ? throw new AliasFoundException(alias) : true;
        }
    }

#pragma warning disable CA1064, CA1032 // Private: thrown and caught within this class only.
    private sealed class AliasFoundException : Exception
    {
        public AliasFoundException(AnchorAlias alias) => Alias = alias;

        public AnchorAlias Alias { get; }
    }
#pragma warning restore CA1064, CA1032
}

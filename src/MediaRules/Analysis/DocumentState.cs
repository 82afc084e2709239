using System;
using System.Collections.Generic;
using System.Text;
using MediaRules.Diagnostics;
using MediaRules.Documents;
using MediaRules.Rules;
using MediaRules.Text;

namespace MediaRules.Analysis;

/// <summary>The analysed state of one session document: its blocks with their cached results, and what the document-level rules reported. Immutable, except the rules' memos, which only the session's writer touches.</summary>
internal sealed class DocumentState
{
    public DocumentState(
        Block[] blocks,
        int[] starts,
        int length,
        (DiagnosticDescriptor Descriptor, IReadOnlyList<DocumentRuleReport> Reports)[] documentReports,
        Diagnostic[] wholeTextDiagnostics,
        object?[] caches,
        SessionUpdateStatistics statistics)
    {
        Blocks = blocks;
        Starts = starts;
        Length = length;
        DocumentReports = documentReports;
        WholeTextDiagnostics = wholeTextDiagnostics;
        Caches = caches;
        Statistics = statistics;
    }

    public Block[] Blocks { get; }

    /// <summary>Where each block starts.</summary>
    public int[] Starts { get; }

    public int Length { get; }

    public (DiagnosticDescriptor Descriptor, IReadOnlyList<DocumentRuleReport> Reports)[] DocumentReports { get; }

    /// <summary>What rules of kinds the engine does not know reported over the whole text.</summary>
    public Diagnostic[] WholeTextDiagnostics { get; }

    /// <summary>The document-level rules' memos, by rule.</summary>
    public object?[] Caches { get; }

    public SessionUpdateStatistics Statistics { get; }

    /// <summary>The index of the block that holds <paramref name="position"/> (the last block for the end of the text).</summary>
    public int BlockAt(int position) => IncrementalEngine.BlockOf(Starts, Blocks.Length, position);

    public SourceText GetText()
    {
        var builder = new StringBuilder(Length);
        foreach (var block in Blocks)
        {
            builder.Append(block.Text);
        }

        return SourceText.From(builder.ToString());
    }

    public DocumentState WithStatistics(SessionUpdateStatistics statistics) =>
        new(Blocks, Starts, Length, DocumentReports, WholeTextDiagnostics, Caches, statistics);
}

/// <summary>A paragraph with the break that ends it (or a blank line), and its cached results.</summary>
internal sealed class Block
{
    public Block(string text, BlockResult result)
    {
        Text = text;
        Result = result;
    }

    public string Text { get; }

    public BlockResult Result { get; }
}

/// <summary>What analysing a block gave, positions relative to the block; compared by value.</summary>
internal sealed class BlockResult : IEquatable<BlockResult>
{
    public BlockResult(RawDiagnostic[] diagnostics, DocumentFacts?[] facts, int signature, bool hasContent)
    {
        Diagnostics = diagnostics;
        Facts = facts;
        Signature = signature;
        HasContent = hasContent;
    }

    /// <summary>The diagnostics of the paragraph-level rules that start in the block.</summary>
    public RawDiagnostic[] Diagnostics { get; }

    /// <summary>The facts of each document-level rule (null where the rule failed).</summary>
    public DocumentFacts?[] Facts { get; }

    /// <summary>A hash of the block's text model: sourcing, quotations, speakers, voice.</summary>
    public int Signature { get; }

    /// <summary>Whether the block holds a paragraph (not only whitespace).</summary>
    public bool HasContent { get; }

    public bool Equals(BlockResult? other)
    {
        if (other is null || Signature != other.Signature || HasContent != other.HasContent
            || !Diagnostics.AsSpan().SequenceEqual(other.Diagnostics) || Facts.Length != other.Facts.Length)
        {
            return false;
        }

        for (var i = 0; i < Facts.Length; i++)
        {
            if (!Equals(Facts[i], other.Facts[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as BlockResult);

    public override int GetHashCode() => Signature;
}

/// <summary>
/// A diagnostic without a location: its span (and its fix's changes) relative to a block. A fix that replaces the
/// diagnostic's own span is kept as its replacement text alone (<see cref="FixText"/>), any other as its changes.
/// </summary>
internal readonly struct RawDiagnostic : IEquatable<RawDiagnostic>
{
    private RawDiagnostic(DiagnosticDescriptor descriptor, TextSpan span, string message, DiagnosticSeverity severity, string? fixTitle, string? fixText, TextChange[]? fixChanges)
    {
        Descriptor = descriptor;
        Span = span;
        Message = message;
        Severity = severity;
        FixTitle = fixTitle;
        FixText = fixText;
        FixChanges = fixChanges;
    }

    public DiagnosticDescriptor Descriptor { get; }

    public TextSpan Span { get; }

    public string Message { get; }

    public DiagnosticSeverity Severity { get; }

    public string? FixTitle { get; }

    /// <summary>The replacement of <see cref="Span"/> a fix makes, when that is the whole fix.</summary>
    public string? FixText { get; }

    public TextChange[]? FixChanges { get; }

    public static RawDiagnostic From(Diagnostic diagnostic, int origin)
    {
        var span = new TextSpan(diagnostic.Span.Start - origin, diagnostic.Span.Length);
        if (diagnostic.TryGetReplacement(out var title, out var replaced, out var text) && replaced == diagnostic.Span)
        {
            return new RawDiagnostic(diagnostic.Descriptor, span, diagnostic.Message, diagnostic.Severity, title, text, null);
        }

        TextChange[]? changes = null;
        if (diagnostic.Fix is { } fix)
        {
            changes = new TextChange[fix.Changes.Count];
            for (var i = 0; i < changes.Length; i++)
            {
                var change = fix.Changes[i];
                changes[i] = new TextChange(new TextSpan(change.Span.Start - origin, change.Span.Length), change.NewText);
            }
        }

        return new RawDiagnostic(diagnostic.Descriptor, span, diagnostic.Message, diagnostic.Severity, diagnostic.Fix?.Title, null, changes);
    }

    public Diagnostic ToDiagnostic(string? path, SourceText text, int origin)
    {
        var span = new TextSpan(Span.Start + origin, Span.Length);
        if (FixChanges is null)
        {
            return new Diagnostic(Descriptor, path, text, span, Message, Severity, FixTitle, FixText);
        }

        var changes = new TextChange[FixChanges.Length];
        for (var i = 0; i < changes.Length; i++)
        {
            changes[i] = new TextChange(new TextSpan(FixChanges[i].Span.Start + origin, FixChanges[i].Span.Length), FixChanges[i].NewText);
        }

        return new Diagnostic(Descriptor, Location.Create(path, text, span), Message, Severity, new CodeFix(FixTitle!, changes));
    }

    public bool Equals(RawDiagnostic other) =>
        ReferenceEquals(Descriptor, other.Descriptor) && Span == other.Span && Severity == other.Severity
        && string.Equals(Message, other.Message, StringComparison.Ordinal)
        && string.Equals(FixTitle, other.FixTitle, StringComparison.Ordinal)
        && string.Equals(FixText, other.FixText, StringComparison.Ordinal)
        && (FixChanges is null ? other.FixChanges is null : other.FixChanges is not null && FixChanges.AsSpan().SequenceEqual(other.FixChanges));

    public override bool Equals(object? obj) => obj is RawDiagnostic other && Equals(other);

    public override int GetHashCode() => Span.GetHashCode();
}

/// <summary>Splits a text into blocks: each ends after a paragraph break (CR LF counts as one), as <see cref="TextChars.IsParagraphBreak"/> defines it.</summary>
internal static class BlockSplitter
{
    /// <summary>The blocks of a range of a text, as strings.</summary>
    public static List<string> Split(string text, int start, int end)
    {
        var blocks = new List<string>();
        if (start >= end)
        {
            return blocks;
        }

        var starts = Starts(text, start, end);
        for (var i = 0; i + 1 < starts.Count; i++)
        {
            blocks.Add(text.Substring(starts[i], starts[i + 1] - starts[i]));
        }

        return blocks;
    }

    /// <summary>Where each block of a range starts, then the range's end (so block <c>i</c> is <c>[starts[i], starts[i + 1])</c>).</summary>
    public static List<int> Starts(string text, int start, int end)
    {
        var starts = new List<int> { start };
        for (var i = start; i < end; i++)
        {
            // From break to break in one vectorized search (a long text's lines are hundreds of characters).
            i = text.IndexOfAny(TextChars.ParagraphBreaks, i, end - i);
            if (i < 0)
            {
                break;
            }

            if (text[i] == '\r' && i + 1 < end && text[i + 1] == '\n')
            {
                i++;
            }

            if (i + 1 < end)
            {
                starts.Add(i + 1);
            }
        }

        starts.Add(end);
        return starts;
    }

    public static bool HasContent(string block) => HasContent(block, 0, block.Length);

    /// <summary>Whether a range of a text holds anything but whitespace.</summary>
    public static bool HasContent(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (!TextChars.IsSpace(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// From block <paramref name="start"/>, walks in <paramref name="direction"/> past <paramref name="margin"/> blocks
    /// with content (of <paramref name="count"/>); returns the last block reached (the first or last block when
    /// <paramref name="start"/> lies beyond that end).
    /// </summary>
    public static int Step(int count, Func<int, bool> hasContent, int start, int direction, int margin)
    {
        var i = start;
        if (direction < 0 ? i < 0 : i >= count)
        {
            return direction < 0 ? 0 : count - 1;
        }

        var seen = 0;
        while (true)
        {
            if (hasContent(i) && ++seen == margin)
            {
                return i;
            }

            var next = i + direction;
            if (next < 0 || next >= count)
            {
                return i;
            }

            i = next;
        }
    }
}

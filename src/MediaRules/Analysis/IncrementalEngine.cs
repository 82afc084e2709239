using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using MediaRules.Diagnostics;
using MediaRules.Documents;
using MediaRules.Rules;
using MediaRules.Text;

namespace MediaRules.Analysis;

/// <summary>
/// Analyses session documents with one linter, paragraph by paragraph. A document is held as blocks: each paragraph
/// with the break that ends it (a line, or a stretch ended by U+001E), blank lines as blocks of their own. Each block
/// caches its results by content: the diagnostics of the paragraph-level rules (positions relative to the block), the
/// facts of every document-level rule, and a signature of the text model (sourcing, quotations and speakers, voice).
/// </summary>
/// <remarks>
/// An edit re-splits the blocks it touches and analyses them in a window with neighbouring paragraphs as context, since
/// speakers, pronouns and attribution reach across paragraph edges. The window's outer paragraphs are context only; the
/// paragraphs between them and the edit are re-analysed and compared with their cache: when they agree, the edit's
/// effect stops there and everything beyond keeps its cache; when they differ (an edit that changed who speaks in the
/// next paragraphs, say), the window widens on that side, doubling, up to the whole document. Document-level rules then
/// combine every block's facts; rules of kinds the engine does not know re-run over the whole text.
/// </remarks>
internal sealed class IncrementalEngine
{
    private const int InitialMargin = 2;

    private readonly CompiledRule[] _paragraphRules;
    private readonly CompiledRule[] _documentRules;
    private readonly CompiledRule[] _unknownRules;

    public IncrementalEngine(Linter linter)
    {
        Linter = linter;
        _paragraphRules = linter.CompiledRules.Where(r => r.Reach == RuleReach.Paragraph).ToArray();
        _documentRules = linter.CompiledRules.Where(r => r.Reach == RuleReach.Document).ToArray();
        _unknownRules = linter.CompiledRules.Where(r => r.Reach == RuleReach.Unknown).ToArray();
    }

    public Linter Linter { get; }

    /// <summary>Analyses a whole text.</summary>
    public DocumentState Analyze(string text, CancellationToken cancellationToken)
    {
        var texts = BlockSplitter.Split(text, 0, text.Length);
        return AnalyzeAll(texts, Array.Empty<object?>(), cancellationToken);
    }

    /// <summary>Analyses a document's blocks again with this engine's rules (after a rule reload).</summary>
    public DocumentState Reanalyze(DocumentState state, CancellationToken cancellationToken) =>
        AnalyzeAll(state.Blocks.Select(b => b.Text).ToList(), Array.Empty<object?>(), cancellationToken);

    /// <summary>Applies one change to a document and re-analyses what it touches.</summary>
    public DocumentState Apply(DocumentState state, TextChange change, CancellationToken cancellationToken)
    {
        var blocks = state.Blocks;
        var n = blocks.Length;
        if (n == 0)
        {
            return Analyze(change.NewText, cancellationToken);
        }

        // The blocks the change touches, with one more on each side so that a split or merged line break
        // (CR + LF, a paragraph joined to the next) is re-split as a whole.
        var r0 = Math.Max(0, state.BlockAt(change.Span.Start) - 1);
        var r1 = Math.Min(n - 1, state.BlockAt(change.Span.End) + 1);
        var regionStart = state.Starts[r0];
        var regionEnd = state.Starts[r1] + blocks[r1].Text.Length;
        var region = new StringBuilder(regionEnd - regionStart + change.NewText.Length);
        for (var i = r0; i <= r1; i++)
        {
            region.Append(blocks[i].Text);
        }

        region.Remove(change.Span.Start - regionStart, change.Span.Length).Insert(change.Span.Start - regionStart, change.NewText);
        var regionText = region.ToString();
        var inserted = BlockSplitter.Split(regionText, 0, regionText.Length);
        return Replace(state, r0, r1 - r0 + 1, inserted, cancellationToken);
    }

    /// <summary>Replaces a document's text, finding the changed blocks by comparing the old blocks with the new text.</summary>
    public DocumentState Apply(DocumentState state, string text, CancellationToken cancellationToken)
    {
        var blocks = state.Blocks;
        var prefix = 0;
        var at = 0;
        while (prefix < blocks.Length && at + blocks[prefix].Text.Length <= text.Length
            && string.CompareOrdinal(text, at, blocks[prefix].Text, 0, blocks[prefix].Text.Length) == 0)
        {
            at += blocks[prefix].Text.Length;
            prefix++;
        }

        var suffix = 0;
        var end = text.Length;
        while (suffix < blocks.Length - prefix && end - blocks[blocks.Length - 1 - suffix].Text.Length >= at
            && string.CompareOrdinal(text, end - blocks[blocks.Length - 1 - suffix].Text.Length, blocks[blocks.Length - 1 - suffix].Text, 0, blocks[blocks.Length - 1 - suffix].Text.Length) == 0)
        {
            end -= blocks[blocks.Length - 1 - suffix].Text.Length;
            suffix++;
        }

        if (prefix + suffix == blocks.Length && at == end)
        {
            return state.WithStatistics(new SessionUpdateStatistics(state.Statistics.ParagraphCount, 0, blocks.Length, 0, _documentRules.Length + _unknownRules.Length));
        }

        var oldStart = prefix < blocks.Length ? state.Starts[prefix] : state.Length;
        var oldEnd = suffix > 0 ? state.Starts[blocks.Length - suffix] : state.Length;
        return Apply(state, new TextChange(TextSpan.FromBounds(oldStart, oldEnd), text.Substring(at, end - at)), cancellationToken);
    }

    /// <summary>The diagnostics of a state, in the order <see cref="Linter"/> gives them.</summary>
    public static IReadOnlyList<Diagnostic> Materialize(DocumentState state, SourceText text, string? path)
    {
        var result = new List<Diagnostic>();
        for (var b = 0; b < state.Blocks.Length; b++)
        {
            var offset = state.Starts[b];
            foreach (var raw in state.Blocks[b].Result.Diagnostics)
            {
                result.Add(raw.ToDiagnostic(path, text, offset));
            }
        }

        foreach (var (descriptor, reports) in state.DocumentReports)
        {
            foreach (var report in reports)
            {
                result.Add(new Diagnostic(descriptor, path, text, report.Span, report.MessageIn(text), report.Severity));
            }
        }

        foreach (var diagnostic in state.WholeTextDiagnostics)
        {
            result.Add(RawDiagnostic.From(diagnostic, 0).ToDiagnostic(path, text, 0));
        }

        result.RemoveAll(d => d.Severity == DiagnosticSeverity.None);
        DiagnosticOrder.Sort(result);
        return result;
    }

    private DocumentState AnalyzeAll(List<string> texts, object?[] caches, CancellationToken cancellationToken)
    {
        var results = AnalyzeWindow(texts, 0, texts.Count - 1, cancellationToken);
        var blocks = new Block[texts.Count];
        for (var i = 0; i < blocks.Length; i++)
        {
            blocks[i] = new Block(texts[i], results[i]);
        }

        return Finish(blocks, caches, results.Count(r => r.HasContent), 0, cancellationToken);
    }

    /// <summary>Puts <paramref name="inserted"/> block texts in place of <paramref name="count"/> blocks from <paramref name="first"/>, and analyses.</summary>
    private DocumentState Replace(DocumentState state, int first, int count, List<string> inserted, CancellationToken cancellationToken)
    {
        var old = state.Blocks;
        var texts = new List<string>(old.Length - count + inserted.Count);
        for (var i = 0; i < first; i++)
        {
            texts.Add(old[i].Text);
        }

        texts.AddRange(inserted);
        for (var i = first + count; i < old.Length; i++)
        {
            texts.Add(old[i].Text);
        }

        if (texts.Count == 0)
        {
            return AnalyzeAll(texts, state.Caches, cancellationToken);
        }

        var delta = inserted.Count - count;
        var a = first;
        var b = first + inserted.Count - 1; // the new blocks; b < a when the edit removed every block of the region
        int leftMargin = InitialMargin, rightMargin = InitialMargin, analyzed = 0;
        while (true)
        {
            var lo = BlockSplitter.Step(texts.Count, k => BlockSplitter.HasContent(texts[k]), a - 1, -1, leftMargin);
            var hi = BlockSplitter.Step(texts.Count, k => BlockSplitter.HasContent(texts[k]), b + 1, +1, rightMargin);
            var results = AnalyzeWindow(texts, lo, hi, cancellationToken);
            analyzed += results.Count(r => r.HasContent);

            // The outermost trusted paragraph on each side (the first past the context) must agree with its cache:
            // then the edit's effect stops before it. Paragraphs between it and the edit may change (a speaker
            // renamed, a quotation closed); they had their context, so their new results stand.
            var leftTrusted = lo == 0 ? 0 : lo + 1;
            var leftAgrees = true;
            if (lo > 0)
            {
                var i = leftTrusted;
                while (i < a && !results[i - lo].HasContent)
                {
                    i++;
                }

                leftAgrees = i >= a || results[i - lo].Equals(old[i].Result);
            }

            var rightTrusted = hi == texts.Count - 1 ? hi : hi - 1;
            var rightAgrees = true;
            if (hi < texts.Count - 1)
            {
                var i = rightTrusted;
                while (i > b && !results[i - lo].HasContent)
                {
                    i--;
                }

                rightAgrees = i <= b || results[i - lo].Equals(old[i - delta].Result);
            }

            if ((!leftAgrees && lo > 0) || (!rightAgrees && hi < texts.Count - 1))
            {
                leftMargin = leftAgrees ? leftMargin : leftMargin * 2;
                rightMargin = rightAgrees ? rightMargin : rightMargin * 2;
                continue;
            }

            var blocks = new Block[texts.Count];
            var kept = 0;
            for (var i = 0; i < blocks.Length; i++)
            {
                var oldIndex = i < a ? i : i > b ? i - delta : -1;
                var inWindow = i >= leftTrusted && i <= rightTrusted;
                if (inWindow && (oldIndex < 0 || !results[i - lo].Equals(old[oldIndex].Result)))
                {
                    blocks[i] = new Block(texts[i], results[i - lo]);
                }
                else
                {
                    blocks[i] = old[oldIndex];
                    kept += blocks[i].Result.HasContent ? 1 : 0;
                }
            }

            return Finish(blocks, state.Caches, analyzed, kept, cancellationToken, delta == 0 ? state : null);
        }
    }

    private DocumentState Finish(Block[] blocks, object?[] caches, int analyzed, int reused, CancellationToken cancellationToken, DocumentState? previous = null)
    {
        var starts = new int[blocks.Length];
        var length = 0;
        for (var i = 0; i < blocks.Length; i++)
        {
            starts[i] = length;
            length += blocks[i].Text.Length;
        }

        var newCaches = new object?[_documentRules.Length];
        var reports = new (DiagnosticDescriptor, IReadOnlyList<DocumentRuleReport>)[_documentRules.Length];
        var reusedRules = 0;
        for (var r = 0; r < _documentRules.Length; r++)
        {
            var rule = _documentRules[r];
            if (previous is not null && SameOutcome((IDocumentRule)rule.Rule, previous.Blocks, blocks, r, r < caches.Length ? caches[r] : null)
                && Shift((IDocumentRule)rule.Rule, r, previous, blocks, starts) is { } moved)
            {
                // Every block gives the combine what it gave: the same reports, each moved with its block.
                reports[r] = (rule.Rule.Descriptor, moved);
                newCaches[r] = r < caches.Length ? caches[r] : null;
                reusedRules++;
                continue;
            }

            var facts = new DocumentFacts[blocks.Length];
            var failed = false;
            for (var i = 0; i < blocks.Length && !failed; i++)
            {
                var f = blocks[i].Result.Facts[r];
                failed = f is null;
                facts[i] = f!;
            }

            if (failed)
            {
                reports[r] = (rule.Rule.Descriptor, Array.Empty<DocumentRuleReport>());
                continue;
            }

            var combination = new DocumentCombination(rule.Rule.Descriptor, facts, starts, r < caches.Length ? caches[r] : null, cancellationToken);
            ((IDocumentRule)rule.Rule).Combine(combination);
            newCaches[r] = combination.Cache;
            reports[r] = (rule.Rule.Descriptor, combination.Reports.ToArray());
        }

        var wholeText = Array.Empty<Diagnostic>();
        if (_unknownRules.Length > 0)
        {
            var text = new StringBuilder(length);
            foreach (var block in blocks)
            {
                text.Append(block.Text);
            }

            var document = DocumentModel.Create(SourceText.From(text.ToString()));
            wholeText = Linter.RunRules(document, null, _unknownRules, null, cancellationToken).ToArray();
        }

        var statistics = new SessionUpdateStatistics(CountParagraphs(blocks), analyzed, reused, _documentRules.Length - reusedRules + _unknownRules.Length, reusedRules);
        return new DocumentState(blocks, starts, length, reports, wholeText, newCaches, statistics);
    }

    /// <summary>Whether two block lists of one length give rule <paramref name="r"/> the same combine, block by block.</summary>
    private static bool SameOutcome(IDocumentRule rule, Block[] old, Block[] blocks, int r, object? cache)
    {
        for (var i = 0; i < blocks.Length; i++)
        {
            if (ReferenceEquals(old[i], blocks[i]))
            {
                continue;
            }

            if (old[i].Result.Facts[r] is not { } before || blocks[i].Result.Facts[r] is not { } after || !rule.SameOutcome(before, after, cache))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Moves a previous state's reports of rule <paramref name="r"/> to the same places in the new blocks, or null when the rule cannot place one.</summary>
    private static DocumentRuleReport[]? Shift(IDocumentRule rule, int r, DocumentState previous, Block[] blocks, int[] starts)
    {
        var reports = previous.DocumentReports[r].Reports;
        var shifted = new DocumentRuleReport[reports.Count];
        for (var i = 0; i < shifted.Length; i++)
        {
            var report = reports[i];
            if (Move(rule, r, previous, blocks, starts, report.Span) is not { } span)
            {
                return null;
            }

            var line = report.LinePosition;
            if (line >= 0)
            {
                if (Move(rule, r, previous, blocks, starts, new TextSpan(line, 0)) is not { } moved)
                {
                    return null;
                }

                line = moved.Start;
            }

            shifted[i] = new DocumentRuleReport(span, report.Severity, report.Message, line);
        }

        return shifted;
    }

    private static TextSpan? Move(IDocumentRule rule, int r, DocumentState previous, Block[] blocks, int[] starts, TextSpan span)
    {
        var block = previous.BlockAt(span.Start);
        var relative = new TextSpan(span.Start - previous.Starts[block], span.Length);
        if (!ReferenceEquals(previous.Blocks[block], blocks[block]))
        {
            if (span.Length == 0)
            {
                return null; // a line position inside an edited block: not a name the rule can find again
            }

            var mapped = rule.Map(previous.Blocks[block].Result.Facts[r]!, blocks[block].Result.Facts[r]!, relative);
            if (mapped is null)
            {
                return null;
            }

            relative = mapped.Value;
        }

        return new TextSpan(relative.Start + starts[block], relative.Length);
    }

    private static int CountParagraphs(Block[] blocks)
    {
        var count = 0;
        foreach (var block in blocks)
        {
            count += block.Result.HasContent ? 1 : 0;
        }

        return count;
    }

    /// <summary>Analyses blocks <paramref name="lo"/> to <paramref name="hi"/> as one text and splits the results by block.</summary>
    private BlockResult[] AnalyzeWindow(List<string> texts, int lo, int hi, CancellationToken cancellationToken)
    {
        if (hi < lo)
        {
            return Array.Empty<BlockResult>();
        }

        var count = hi - lo + 1;
        var starts = new int[count + 1];
        var builder = new StringBuilder();
        for (var i = lo; i <= hi; i++)
        {
            starts[i - lo] = builder.Length;
            builder.Append(texts[i]);
        }

        starts[count] = builder.Length;
        var document = DocumentModel.Create(SourceText.From(builder.ToString()));

        var diagnostics = new List<RawDiagnostic>[count];
        for (var i = 0; i < count; i++)
        {
            diagnostics[i] = new List<RawDiagnostic>();
        }

        foreach (var diagnostic in Linter.RunRules(document, null, _paragraphRules, Linter.TermIndex, cancellationToken))
        {
            if (diagnostic.Severity == DiagnosticSeverity.None)
            {
                continue;
            }

            var k = BlockOf(starts, count, diagnostic.Span.Start);
            diagnostics[k].Add(RawDiagnostic.From(diagnostic, starts[k]));
        }

        var facts = new DocumentFacts?[count][];
        for (var i = 0; i < count; i++)
        {
            facts[i] = new DocumentFacts?[_documentRules.Length];
        }

        for (var r = 0; r < _documentRules.Length; r++)
        {
            var rule = _documentRules[r];
            var context = new RuleContext(document, null, rule.Rule.Descriptor, rule.Scope, new List<Diagnostic>(), cancellationToken);
            for (var i = 0; i < count; i++)
            {
                try
                {
                    facts[i][r] = ((IDocumentRule)rule.Rule).Collect(context, TextSpan.FromBounds(starts[i], starts[i + 1]));
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }
#pragma warning disable CA1031 // A rule that throws is skipped, never the analysis (the combine leaves it out).
                catch (Exception)
#pragma warning restore CA1031
                {
                    facts[i][r] = null;
                }
            }
        }

        var signatures = Signatures(document, starts, count);
        var results = new BlockResult[count];
        for (var i = 0; i < count; i++)
        {
            results[i] = new BlockResult(diagnostics[i].ToArray(), facts[i], signatures[i], BlockSplitter.HasContent(texts[lo + i]));
        }

        return results;
    }

    /// <summary>The index of the last of the first <paramref name="count"/> starts at or before <paramref name="position"/> (0 when none is).</summary>
    internal static int BlockOf(int[] starts, int count, int position) =>
        Math.Max(SortedStarts.FindLast(starts.AsSpan(0, count), position), 0);

    /// <summary>
    /// A hash per block of what its paragraph tells the paragraphs around it: each sentence's sourcing, each
    /// quotation with its speaker, each voice span (positions relative to the block).
    /// </summary>
    internal static int[] Signatures(DocumentModel document, int[] starts, int count)
    {
        // Each kind of item comes in document order: its block is found by walking forward from the previous item's.
        var hashes = new HashCode[count];
        var k = 0;
        foreach (var sentence in document.Sentences)
        {
            k = BlockFrom(starts, count, k, sentence.Span.Start);
            Add(ref hashes[k], sentence, starts, count, k);
        }

        k = 0;
        foreach (var quotation in document.Quotations)
        {
            k = BlockFrom(starts, count, k, quotation.Span.Start);
            Add(ref hashes[k], quotation, starts, count, k);
        }

        k = 0;
        foreach (var voice in document.VoiceSpans)
        {
            k = BlockFrom(starts, count, k, voice.Span.Start);
            Add(ref hashes[k], voice, starts, count, k);
        }

        var result = new int[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = hashes[i].ToHashCode();
        }

        return result;
    }

    /// <summary>
    /// <see cref="BlockOf"/> for a position at or after block <paramref name="k"/>'s start (the usual case: positions
    /// asked in order), by walking forward from <paramref name="k"/>; any other position is searched for.
    /// </summary>
    private static int BlockFrom(int[] starts, int count, int k, int position)
    {
        if (position < starts[k])
        {
            return BlockOf(starts, count, position);
        }

        while (k + 1 < count && starts[k + 1] <= position)
        {
            k++;
        }

        return k;
    }

    /// <summary>
    /// The signature of block <paramref name="k"/> alone, as <see cref="Signatures"/> gives it: from the items that
    /// start in the block, found by their sorted starts (a window's analysis needs only the blocks at its cuts).
    /// </summary>
    internal static int Signature(DocumentModel document, int[] starts, int count, int k)
    {
        // BlockOf puts every position before block 1 in block 0, and every position from the last block's start in it.
        var from = k == 0 ? int.MinValue : starts[k];
        var to = k == count - 1 ? int.MaxValue : starts[k + 1];
        var hash = default(HashCode);
        var sentences = document.Sentences;
        for (var i = FirstStartingAtOrAfter(document.SentenceStarts, from); i < sentences.Count && sentences[i].Span.Start < to; i++)
        {
            Add(ref hash, sentences[i], starts, count, k);
        }

        var quotations = document.Quotations;
        for (var i = FirstStartingAtOrAfter(document.QuotationStarts, from); i < quotations.Count && quotations[i].Span.Start < to; i++)
        {
            Add(ref hash, quotations[i], starts, count, k);
        }

        var voices = document.VoiceSpans;
        for (var i = FirstStartingAtOrAfter(document.VoiceStarts, from); i < voices.Count && voices[i].Span.Start < to; i++)
        {
            Add(ref hash, voices[i], starts, count, k);
        }

        return hash.ToHashCode();
    }

    private static void Add(ref HashCode hash, Sentence sentence, int[] starts, int count, int k)
    {
        var attribution = sentence.Attribution;
        hash.Add(Relative(sentence.Span, starts[k]));
        hash.Add(attribution.Kind);
        hash.Add(Elsewhere(attribution.SourceSpan, starts, count, k));
        hash.Add(Elsewhere(attribution.CueSpan, starts, count, k));
    }

    private static void Add(ref HashCode hash, Quotation quotation, int[] starts, int count, int k)
    {
        hash.Add(Relative(quotation.Span, starts[k]));
        hash.Add(Elsewhere(quotation.SpeakerSpan, starts, count, k));
        hash.Add(quotation.IsMention);
        hash.Add(quotation.IsMismatched);
    }

    private static void Add(ref HashCode hash, VoiceSpan voice, int[] starts, int count, int k)
    {
        hash.Add(Relative(voice.Span, starts[k]));
        hash.Add(voice.Voice);
        hash.Add(Elsewhere(voice.SourceSpan, starts, count, k));
    }

    // The index of the first item that starts at or after a position, from the items' ascending starts.
    private static int FirstStartingAtOrAfter(ReadOnlySpan<int> starts, int position) =>
        position == int.MinValue ? 0 : SortedStarts.FindLast(starts, position - 1) + 1;

    private static long Relative(TextSpan span, int origin) => ((long)(span.Start - origin) << 32) | (uint)span.Length;

    /// <summary>A span that may lie in another block (a speaker named a paragraph earlier): which block, and where in it.</summary>
    private static (int, long) Elsewhere(TextSpan? span, int[] starts, int count, int block)
    {
        if (span is not { } s)
        {
            return (int.MinValue, 0);
        }

        var k = BlockOf(starts, count, s.Start);
        return (k - block, Relative(s, starts[k]));
    }
}

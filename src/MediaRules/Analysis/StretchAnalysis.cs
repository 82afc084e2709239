using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MediaRules.Diagnostics;
using MediaRules.Documents;
using MediaRules.Rules;
using MediaRules.Text;

namespace MediaRules.Analysis;

/// <summary>
/// Analyses a long text stretch by stretch, so that only a stretch's text model is alive at a time (one per worker),
/// with the same diagnostics as an analysis of the whole text.
/// </summary>
/// <remarks>
/// The text is cut at paragraph breaks into stretches of about <c>stretchLength</c> characters. Each stretch is
/// analysed in a window with two paragraphs of context on each side (speakers, pronouns and attribution reach across
/// paragraph edges); the paragraph-level diagnostics that start in the stretch are kept, and each document-level rule
/// collects its facts from the stretch; the rules then combine the facts of all stretches, as
/// <see cref="IncrementalEngine"/> combines those of a session's blocks. At each cut, the paragraphs on either side
/// were analysed by both windows (as a stretch's own paragraph in one, as context in the other): when the two
/// analyses disagree about either paragraph (its diagnostics, its facts, or its sourcing, quotations and voice), the
/// context was too short there and the two stretches are analysed again as one. Rules of kinds whose reach is not
/// known are never cut: a linter with such rules analyses the whole text at once.
/// </remarks>
internal static class StretchAnalysis
{
    /// <summary>The length of a stretch when none is given: texts up to twice this length are analysed whole.</summary>
    public const int DefaultStretchLength = 1 << 18;

    /// <summary>The longest stretch <see cref="LengthFor"/> chooses.</summary>
    public const int MaxStretchLength = 1 << 20;

    /// <summary>
    /// The stretch length for a text analysed by <paramref name="parallelism"/> workers: a quarter of each worker's
    /// share, so that the workers stay busy to the end, but at least <see cref="DefaultStretchLength"/> and at most
    /// <see cref="MaxStretchLength"/>. A longer stretch costs less per character (fewer windows, edges and facts to
    /// combine) as long as its text and model stay in the processor's caches, which a megabyte of text about does.
    /// One worker has no one to keep busy: its stretches are the longest (so a text up to twice that is analysed whole).
    /// </summary>
    public static int LengthFor(int textLength, int parallelism)
    {
        if (parallelism <= 1)
        {
            return MaxStretchLength;
        }

        var share = textLength / (4L * parallelism);
        return (int)Math.Min(MaxStretchLength, Math.Max(DefaultStretchLength, share));
    }

    /// <summary>The paragraphs of context on each side of a stretch.</summary>
    public const int DefaultContext = 2;

    /// <summary>Whether a text is long enough to analyse in stretches, and the linter's rules allow it.</summary>
    public static bool Applies(Linter linter, SourceText text, int stretchLength)
    {
        if (text.Length <= 2L * stretchLength)
        {
            return false;
        }

        foreach (var rule in linter.CompiledRules)
        {
            if (rule.Reach == RuleReach.Unknown)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The diagnostics of <paramref name="text"/> (severity <c>none</c> left out, in document order), or null when a
    /// rule failed in some window, or joining stretches would cost more than the whole: the caller then analyses the
    /// whole text (which reports a failure as it should).
    /// </summary>
    public static List<Diagnostic>? Analyze(Linter linter, SourceText text, string? path, int stretchLength, int parallelism, CancellationToken cancellationToken, int context = DefaultContext, StretchStatistics? statistics = null)
    {
        var content = text.ToString();
        var blocks = BlockStarts(content);
        var documentRules = new List<CompiledRule>();
        var paragraphRules = new List<CompiledRule>();
        foreach (var rule in linter.CompiledRules)
        {
            (rule.Reach == RuleReach.Document ? documentRules : paragraphRules).Add(rule);
        }

        var job = new Job(linter, text, path, blocks, paragraphRules.ToArray(), documentRules.ToArray(), Math.Max(1, context), cancellationToken);
        var cuts = Cut(blocks, stretchLength);
        var stretches = new Stretch?[cuts.Count - 1];
        if (statistics is not null)
        {
            statistics.Stretches = stretches.Length;
        }

        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellationToken };
        try
        {
            Parallel.For(0, stretches.Length, options, k => stretches[k] = job.AnalyzeStretch(cuts[k], cuts[k + 1] - 1));
        }
        catch (AggregateException ex) when (ex.InnerException is OperationCanceledException inner)
        {
            throw inner;
        }

        var list = new List<Stretch>(stretches.Length);
        foreach (var stretch in stretches)
        {
            list.Add(stretch!);
        }

        // Each cut must be agreed on by the windows on either side; where they disagree, the two stretches become one.
        // A text whose paragraphs all depend on far-away ones (a quotation continued over hundreds of paragraphs) would
        // join stretch after stretch: once the joins have re-analysed as much text as the whole, it is analysed whole.
        long budget = text.Length;
        for (var k = 0; k + 1 < list.Count;)
        {
            if (list[k].Failed || list[k + 1].Failed)
            {
                return null;
            }

            if (Agree(list[k], list[k + 1]))
            {
                k++;
                continue;
            }

            budget -= blocks[list[k + 1].Last + 1] - blocks[list[k].First];
            if (budget < 0)
            {
                return null;
            }

            Release(list[k]);
            Release(list[k + 1]);
            list[k] = job.AnalyzeStretch(list[k].First, list[k + 1].Last);
            list.RemoveAt(k + 1);
            if (statistics is not null)
            {
                statistics.Joins++;
            }
            k = Math.Max(0, k - 1);
        }

        if (list.Count == 1 && list[0].Failed)
        {
            return null;
        }

        var documentLevel = new List<Diagnostic>();
        var combined = job.Combine(list, documentLevel);
        if (!combined)
        {
            foreach (var stretch in list)
            {
                Release(stretch);
            }

            return null;
        }

        DiagnosticOrder.Sort(documentLevel);
        documentLevel.RemoveAll(d => d.Severity == DiagnosticSeverity.None);

        // Each stretch's findings are sorted and start inside it, and the stretches are in order: one after another they
        // are in order. The document-level rules' findings, from anywhere, sorted apart, are merged in as they are
        // added: one list, as long as the result.
        var count = documentLevel.Count;
        foreach (var stretch in list)
        {
            count += stretch.Findings.Count;
        }

        var diagnostics = new List<Diagnostic>(count);
        var next = 0;
        foreach (var stretch in list)
        {
            stretch.Findings.AddTo(diagnostics, documentLevel, ref next);
            Release(stretch);
        }

        while (next < documentLevel.Count)
        {
            diagnostics.Add(documentLevel[next++]);
        }

        return diagnostics;
    }

    // Gives back what a stretch's facts borrowed; they are not read after (a joined stretch's are made anew).
    private static void Release(Stretch stretch)
    {
        foreach (var facts in stretch.Facts)
        {
            facts?.Release();
        }
    }

    /// <summary>The index of the first diagnostic of a list in diagnostic order that starts at or after <paramref name="position"/>.</summary>
    private static int FirstAtOrAfter(List<Diagnostic> diagnostics, int position)
    {
        int lo = 0, hi = diagnostics.Count;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            if (diagnostics[mid].Span.Start < position)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>Where each block (a paragraph with its break, or a blank line) starts, and the text's length last.</summary>
    internal static int[] BlockStarts(string text) => BlockSplitter.Starts(text, 0, text.Length).ToArray();

    /// <summary>The first block of each stretch (each at least <paramref name="stretchLength"/> long but the last), then the block count.</summary>
    private static List<int> Cut(int[] blocks, int stretchLength)
    {
        var count = blocks.Length - 1;
        var cuts = new List<int> { 0 };
        for (var b = 1; b < count; b++)
        {
            if (blocks[b] - blocks[cuts[cuts.Count - 1]] >= stretchLength && blocks[count] - blocks[b] >= stretchLength / 2)
            {
                cuts.Add(b);
            }
        }

        cuts.Add(count);
        return cuts;
    }

    private static bool Agree(Stretch left, Stretch right) =>
        Same(left.OwnLast, right.ContextBefore) && Same(left.ContextAfter, right.OwnFirst);

    private static bool Same((int Block, BlockResult? Result) a, (int Block, BlockResult? Result) b) =>
        a.Block == b.Block && (a.Result is null ? b.Result is null : a.Result.Equals(b.Result));

    /// <summary>What one window gave for its stretch.</summary>
    private sealed class Stretch
    {
        public int First { get; init; }

        public int Last { get; init; }

        public bool Failed { get; init; }

        /// <summary>The paragraph-level findings that start in the stretch, at their places in the whole text, in order.</summary>
        public StretchFindings Findings { get; init; } = StretchFindings.Empty;

        /// <summary>Each document-level rule's facts of the stretch.</summary>
        public DocumentFacts?[] Facts { get; init; } = Array.Empty<DocumentFacts?>();

        /// <summary>The last paragraph of the context before the stretch, as this window saw it (block -1 when none).</summary>
        public (int Block, BlockResult? Result) ContextBefore { get; init; }

        /// <summary>The stretch's first paragraph.</summary>
        public (int Block, BlockResult? Result) OwnFirst { get; init; }

        /// <summary>The stretch's last paragraph.</summary>
        public (int Block, BlockResult? Result) OwnLast { get; init; }

        /// <summary>The first paragraph of the context after the stretch (block -1 when none).</summary>
        public (int Block, BlockResult? Result) ContextAfter { get; init; }
    }

    private sealed class Job
    {
        private readonly Linter _linter;
        private readonly SourceText _source;
        private readonly string? _path;
        private readonly string _text;
        private readonly int[] _blocks;
        private readonly CompiledRule[] _paragraphRules;
        private readonly CompiledRule[] _documentRules;
        private readonly int _margin;
        private readonly CancellationToken _cancellationToken;

        public Job(Linter linter, SourceText source, string? path, int[] blocks, CompiledRule[] paragraphRules, CompiledRule[] documentRules, int margin, CancellationToken cancellationToken)
        {
            _margin = margin;
            _linter = linter;
            _source = source;
            _path = path;
            _text = source.ToString();
            _blocks = blocks;
            _paragraphRules = paragraphRules;
            _documentRules = documentRules;
            _cancellationToken = cancellationToken;
        }

        private int BlockCount => _blocks.Length - 1;

        /// <summary>Analyses blocks <paramref name="first"/> to <paramref name="last"/> in a window with context.</summary>
        public Stretch AnalyzeStretch(int first, int last)
        {
            var lo = BlockSplitter.Step(BlockCount, HasContent, first - 1, -1, _margin);
            var hi = BlockSplitter.Step(BlockCount, HasContent, last + 1, +1, _margin);
            // The window's model covers its blocks of the whole text, at their positions there: nothing is copied, and
            // its diagnostics are where they belong.
            var window = TextSpan.FromBounds(_blocks[lo], _blocks[hi + 1]);
            var document = DocumentModelBuilder.Build(_source, window, _linter.NeedsSourcing, pooled: true);
            try
            {
                return AnalyzeStretch(first, last, lo, hi, document);
            }
            finally
            {
                document.ReturnBuffers(); // nothing below keeps the window's model
            }
        }

        private Stretch AnalyzeStretch(int first, int last, int lo, int hi, DocumentModel document)
        {
            var own = TextSpan.FromBounds(_blocks[first], _blocks[last + 1]);
            var windowDiagnostics = Linter.RunRules(document, _path, _paragraphRules, _linter.TermIndex, _cancellationToken);
            foreach (var diagnostic in windowDiagnostics)
            {
                if (ReferenceEquals(diagnostic.Descriptor, EngineDiagnostics.RuleFailed))
                {
                    return new Stretch { First = first, Last = last, Failed = true };
                }
            }

            // In diagnostic order, the findings that start in the stretch (and, in the text's last stretch, at its end)
            // are one run of the list, and so are those of each block at a cut.
            DiagnosticOrder.Sort(windowDiagnostics);
            var from = FirstAtOrAfter(windowDiagnostics, own.Start);
            var to = last == BlockCount - 1 ? windowDiagnostics.Count : FirstAtOrAfter(windowDiagnostics, own.End);
            var kept = StretchFindings.Of(windowDiagnostics, from, to);

            var contexts = new RuleContext[_documentRules.Length];
            var facts = new DocumentFacts?[_documentRules.Length];
            for (var r = 0; r < _documentRules.Length; r++)
            {
                var rule = _documentRules[r];
                // The stretch's own facts are kept until the combine and then given back (Release); the edges' below
                // are compared at the cuts and dropped, owning what they hold.
                contexts[r] = new RuleContext(document, null, rule.Rule.Descriptor, rule.Scope, new List<Diagnostic>(), _cancellationToken) { FactsAreKept = true, FactsAreTransient = true };
                facts[r] = Collect(r, contexts[r], own);
                contexts[r].FactsAreTransient = false;
                if (facts[r] is null)
                {
                    return new Stretch { First = first, Last = last, Failed = true };
                }
            }

            // The paragraphs either side of each cut, as this window sees them.
            var count = hi - lo + 1;
            var starts = new int[count + 1];
            for (var i = 0; i <= count; i++)
            {
                starts[i] = _blocks[lo + i];
            }

            (int, BlockResult?) Edge(int block) =>
                block < 0 ? (-1, null) : (block, Result(block - lo, starts, windowDiagnostics, contexts, document));

            var result = new Stretch
            {
                First = first,
                Last = last,
                Findings = kept,
                Facts = facts,
                ContextBefore = Edge(lo == first ? -1 : Content(first - 1, -1, lo)),
                OwnFirst = Edge(Content(first, +1, last)),
                OwnLast = Edge(Content(last, -1, first)),
                ContextAfter = Edge(hi == last ? -1 : Content(last + 1, +1, hi)),
            };
            return result;
        }

        /// <summary>Combines every document-level rule's facts over the stretches; false when a rule failed.</summary>
        public bool Combine(List<Stretch> stretches, List<Diagnostic> diagnostics)
        {
            var offsets = new int[stretches.Count];
            for (var k = 0; k < offsets.Length; k++)
            {
                offsets[k] = _blocks[stretches[k].First];
            }

            for (var r = 0; r < _documentRules.Length; r++)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var facts = new DocumentFacts[stretches.Count];
                for (var k = 0; k < facts.Length; k++)
                {
                    facts[k] = stretches[k].Facts[r]!;
                }

                var rule = _documentRules[r];
                var combination = new DocumentCombination(rule.Rule.Descriptor, facts, offsets, null, _cancellationToken) { IsOnce = true };
                try
                {
                    ((IDocumentRule)rule.Rule).Combine(combination);
                }
                catch (OperationCanceledException) when (_cancellationToken.IsCancellationRequested)
                {
                    throw;
                }
#pragma warning disable CA1031 // A failing rule sends the text to a whole analysis, which reports the failure.
                catch (Exception)
#pragma warning restore CA1031
                {
                    return false;
                }

                foreach (var report in combination.Reports)
                {
                    diagnostics.Add(new Diagnostic(rule.Rule.Descriptor, _path, _source, report.Span, report.MessageIn(_source), report.Severity));
                }
            }

            return true;
        }

        private DocumentFacts? Collect(int r, RuleContext context, TextSpan range)
        {
            try
            {
                return ((IDocumentRule)_documentRules[r].Rule).Collect(context, range);
            }
            catch (OperationCanceledException) when (_cancellationToken.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // A failing rule sends the text to a whole analysis, which reports the failure.
            catch (Exception)
#pragma warning restore CA1031
            {
                return null;
            }
        }

        /// <summary>What the window gave one of its blocks (index <paramref name="k"/> in the window), as a session block caches it.</summary>
        private BlockResult Result(int k, int[] starts, List<Diagnostic> windowDiagnostics, RuleContext[] contexts, DocumentModel document)
        {
            // The window's findings are in diagnostic order: the block's are those from its start to the next block's
            // (the last block's run to the end: IncrementalEngine.BlockOf puts a finding at the window's end there).
            var range = TextSpan.FromBounds(starts[k], starts[k + 1]);
            var count = starts.Length - 1;
            var raw = new List<RawDiagnostic>();
            var end = k == count - 1 ? windowDiagnostics.Count : FirstAtOrAfter(windowDiagnostics, starts[k + 1]);
            for (var i = k == 0 ? 0 : FirstAtOrAfter(windowDiagnostics, range.Start); i < end; i++)
            {
                var diagnostic = windowDiagnostics[i];
                if (diagnostic.Severity != DiagnosticSeverity.None)
                {
                    raw.Add(RawDiagnostic.From(diagnostic, range.Start));
                }
            }

            var facts = new DocumentFacts?[_documentRules.Length];
            for (var r = 0; r < facts.Length; r++)
            {
                facts[r] = Collect(r, contexts[r], range);
            }

            return new BlockResult(raw.ToArray(), facts, IncrementalEngine.Signature(document, starts, starts.Length - 1, k), true);
        }

        /// <summary>The first block with content from <paramref name="from"/> towards <paramref name="bound"/> (inclusive), or -1.</summary>
        private int Content(int from, int direction, int bound)
        {
            for (var b = from; direction > 0 ? b <= bound : b >= bound; b += direction)
            {
                if (HasContent(b))
                {
                    return b;
                }
            }

            return -1;
        }

        private bool HasContent(int block) => BlockSplitter.HasContent(_text, _blocks[block], _blocks[block + 1]);
    }
}

/// <summary>What a stretch analysis did: how many stretches it cut, and how many times two had to be joined.</summary>
internal sealed class StretchStatistics
{
    /// <summary>The stretches the text was cut into.</summary>
    public int Stretches { get; set; }

    /// <summary>How many times the windows either side of a cut disagreed and the two stretches were analysed again as one.</summary>
    public int Joins { get; set; }
}

using System.Collections.Generic;
using MediaRules.Text;

namespace MediaRules.Documents;

/// <summary>
/// Lays the voice spans over each paragraph, in one pass per paragraph: the content of the innermost quotation is
/// a direct quote (with its speaker) or a mention; outside quotation content, an indirect-speech clause is indirect
/// speech (with its source); everything else, quotation marks included, is narrative. Adjacent spans with the same
/// voice, quotation and source merge, so the spans are sorted, do not overlap and cover every paragraph.
/// </summary>
internal sealed class VoiceAnalyzer
{
    private PooledArrayBuilder<VoiceSpan> _spans;
    private readonly IndirectClause[] _clauses;
    private int _clause;

    private VoiceAnalyzer(IndirectClause[] clauses, int capacity)
    {
        _clauses = clauses;
        _spans = new PooledArrayBuilder<VoiceSpan>(capacity);
    }

    /// <summary>Builds the voice spans.</summary>
    /// <param name="paragraphs">The paragraphs.</param>
    /// <param name="quotes">The quotations, with speakers.</param>
    /// <param name="clauses">The indirect-speech clauses, sorted and not overlapping.</param>
    /// <param name="pooled">Whether to hand out the rented buffer itself, longer than <paramref name="count"/> (see <see cref="PooledArrayBuilder{T}.ToArray(bool)"/>).</param>
    /// <param name="count">How many voice spans there are.</param>
    /// <returns>The voice spans.</returns>
    public static VoiceSpan[] Build(ParagraphInfo[] paragraphs, QuoteInfo[] quotes, IndirectClause[] clauses, bool pooled, out int count)
    {
        var analyzer = new VoiceAnalyzer(clauses, paragraphs.Length + (quotes.Length * 2) + (clauses.Length * 2));
        var stack = new List<QuoteInfo>(QuotationScanner.MaxDepth);
        var q = 0;
        for (var p = 0; p < paragraphs.Length; p++)
        {
            var span = paragraphs[p].Span;
            var cursor = span.Start;
            stack.Clear();
            for (; q < quotes.Length && quotes[q].Paragraph == p; q++)
            {
                var quote = quotes[q];
                cursor = analyzer.PopUntil(stack, quote.Span.Start, cursor);
                analyzer.Emit(stack, cursor, quote.Content.Start);
                cursor = quote.Content.Start;
                stack.Add(quote);
            }

            cursor = analyzer.PopUntil(stack, span.End, cursor);
            analyzer.Emit(stack, cursor, span.End);
        }

        count = analyzer._spans.Count;
        return analyzer._spans.ToArray(pooled);
    }

    /// <summary>Closes the quotations on the stack that end at or before <paramref name="position"/>, emitting their content.</summary>
    private int PopUntil(List<QuoteInfo> stack, int position, int cursor)
    {
        while (stack.Count > 0 && stack[stack.Count - 1].Content.End <= position)
        {
            var top = stack[stack.Count - 1];
            Emit(stack, cursor, top.Content.End);
            cursor = top.Content.End > cursor ? top.Content.End : cursor;
            stack.RemoveAt(stack.Count - 1);
        }

        return cursor;
    }

    /// <summary>Emits [start, end) in the voice of the innermost open quotation, or of the clauses outside quotations.</summary>
    private void Emit(List<QuoteInfo> stack, int start, int end)
    {
        if (start >= end)
        {
            return;
        }

        if (stack.Count > 0)
        {
            var quote = stack[stack.Count - 1];
            Add(new VoiceSpan(TextSpan.FromBounds(start, end), quote.IsMention ? Voice.Mention : Voice.DirectQuote, quote.Index, quote.IsMention ? null : quote.Speaker));
            return;
        }

        while (start < end)
        {
            while (_clause < _clauses.Length && _clauses[_clause].End <= start)
            {
                _clause++;
            }

            if (_clause < _clauses.Length && _clauses[_clause].Start <= start)
            {
                var stop = _clauses[_clause].End < end ? _clauses[_clause].End : end;
                Add(new VoiceSpan(TextSpan.FromBounds(start, stop), Voice.IndirectSpeech, -1, _clauses[_clause].Source));
                start = stop;
            }
            else
            {
                var stop = _clause < _clauses.Length && _clauses[_clause].Start < end ? _clauses[_clause].Start : end;
                Add(new VoiceSpan(TextSpan.FromBounds(start, stop), Voice.Narrative, -1, null));
                start = stop;
            }
        }
    }

    private void Add(VoiceSpan span)
    {
        if (_spans.Count > 0)
        {
            var last = _spans.Last;
            if (last.Span.End == span.Span.Start && last.Voice == span.Voice && last.QuotationIndex == span.QuotationIndex && last.SourceSpan == span.SourceSpan)
            {
                _spans.ReplaceLast(new VoiceSpan(TextSpan.FromBounds(last.Span.Start, span.Span.End), last.Voice, last.QuotationIndex, last.SourceSpan));
                return;
            }
        }

        _spans.Add(span);
    }
}

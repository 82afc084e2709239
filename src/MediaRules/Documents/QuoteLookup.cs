using System.Collections.Generic;
using MediaRules.Text;

namespace MediaRules.Documents;

/// <summary>Answers whether a position lies inside the content of an outer quotation (binary search; outer quotations never overlap).</summary>
internal sealed class QuoteLookup
{
    private readonly TextSpan[] _contents;
    private readonly int[] _starts;

    // The last answer's index (-1: none); one lookup serves one analysis on one thread.
    private int _hint = -1;

    /// <summary>Indexes the outer quotations.</summary>
    /// <param name="quotes">All quotations, in order.</param>
    public QuoteLookup(QuoteInfo[] quotes)
    {
        var contents = new List<TextSpan>();
        foreach (var quote in quotes)
        {
            if (quote.Depth == 0)
            {
                contents.Add(quote.Content);
            }
        }

        _contents = contents.ToArray();
        _starts = new int[_contents.Length];
        for (var i = 0; i < _starts.Length; i++)
        {
            _starts[i] = _contents[i].Start;
        }
    }

    /// <summary>Whether a position lies inside an outer quotation's content.</summary>
    /// <param name="position">A position.</param>
    /// <returns><see langword="true"/> if it does.</returns>
    public bool IsInsideContent(int position)
    {
        // Positions come in document order: the search starts from the last answer.
        var found = SortedStarts.FindLast(_starts, position, ref _hint);
        return found >= 0 && _contents[found].Contains(position);
    }
}

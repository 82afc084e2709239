using System.Collections.Generic;
using MediaRules.Text;

namespace MediaRules.Documents;

/// <summary>Answers whether a position lies inside the content of an outer quotation (binary search; outer quotations never overlap).</summary>
internal sealed class QuoteLookup
{
    private readonly TextSpan[] _contents;

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
    }

    /// <summary>Whether a position lies inside an outer quotation's content.</summary>
    /// <param name="position">A position.</param>
    /// <returns><see langword="true"/> if it does.</returns>
    public bool IsInsideContent(int position)
    {
        // Positions come in document order: start from the last answer when it still lies at or before the position.
        int lo = 0, hi = _contents.Length - 1, found = -1;
        var hint = _hint;
        if (hint >= 0 && hint <= hi && _contents[hint].Start <= position)
        {
            found = hint;
            lo = hint + 1;
            for (var step = 0; step < 8 && lo <= hi && _contents[lo].Start <= position; step++)
            {
                found = lo++;
            }

            if (lo > hi || _contents[lo].Start > position)
            {
                _hint = found;
                return _contents[found].Contains(position);
            }
        }

        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_contents[mid].Start <= position)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        _hint = found;
        return found >= 0 && _contents[found].Contains(position);
    }
}

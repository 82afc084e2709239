using System.Collections.Generic;
using MediaRules.Text;

namespace MediaRules.Documents;

/// <summary>Answers whether a position lies inside the content of an outer quotation (binary search; outer quotations never overlap).</summary>
internal sealed class QuoteLookup
{
    private readonly TextSpan[] _contents;

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
        int lo = 0, hi = _contents.Length - 1, found = -1;
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

        return found >= 0 && _contents[found].Contains(position);
    }
}

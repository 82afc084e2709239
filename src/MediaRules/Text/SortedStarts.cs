using System;

namespace MediaRules.Text;

/// <summary>
/// Searches of ascending start positions (of lines, paragraphs, sentences, voice spans, quotations): which item holds
/// a position. Lookups mostly come in document order, so the hinted search starts from the last answer.
/// </summary>
internal static class SortedStarts
{
    /// <summary>The index of the last start at or before <paramref name="position"/>, or -1.</summary>
    public static int FindLast(ReadOnlySpan<int> starts, int position)
    {
        int lo = 0, hi = starts.Length - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (starts[mid] <= position)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found;
    }

    /// <summary>
    /// <see cref="FindLast(ReadOnlySpan{int}, int)"/> from the last answer (<paramref name="hint"/>, read once and then set): forward
    /// in steps that double, then a binary search between the last two steps (the same index, as starts ascend); a
    /// position before the last answer searches the whole array. Callers that share a hint between threads pass a copy.
    /// </summary>
    public static int FindLast(ReadOnlySpan<int> starts, int position, ref int hint)
    {
        var lo = hint;
        if ((uint)lo >= (uint)starts.Length || starts[lo] > position)
        {
            var found = FindLast(starts, position);
            hint = Math.Max(found, 0);
            return found;
        }

        // starts[lo] <= position: the answer is lo or after it.
        int hi;
        for (var step = 1; ; step <<= 1)
        {
            if (step >= starts.Length - lo || starts[lo + step] > position)
            {
                hi = Math.Min(lo + step, starts.Length) - 1;
                break;
            }

            lo += step;
        }

        while (lo < hi)
        {
            var mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= position)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        hint = lo;
        return lo;
    }
}

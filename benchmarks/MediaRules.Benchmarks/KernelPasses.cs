using System;
using System.Buffers;
using MediaRules.Matching;

namespace MediaRules.Benchmarks;

/// <summary>The two raw passes the kernel benchmarks compare: the bare candidate search and the matcher's scan.</summary>
internal static class KernelPasses
{
    /// <summary>How many places any term starts (case-insensitively, boundaries unchecked): one IndexOfAny, restarted after each hit.</summary>
    public static int CountCandidates(ReadOnlySpan<char> text, SearchValues<string> search)
    {
        var count = 0;
        var position = 0;
        while (true)
        {
            var found = text.Slice(position).IndexOfAny(search);
            if (found < 0)
            {
                return count;
            }

            count++;
            position += found + 1;
        }
    }

    /// <summary>How many matches the matcher reports over <paramref name="text"/>.</summary>
    public static int CountMatches(MultiTermMatcher matcher, ReadOnlySpan<char> text)
    {
        var sink = new CountingSink();
        matcher.Scan(text, ref sink);
        return sink.Count;
    }

    private struct CountingSink : ITermMatchSink
    {
        public int Count;

        public void OnMatches(ReadOnlySpan<TermMatch> matches) => Count += matches.Length;
    }
}

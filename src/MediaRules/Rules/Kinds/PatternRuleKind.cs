using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using System.Threading;
using MediaRules.Diagnostics;
using MediaRules.Matching;

namespace MediaRules.Rules.Kinds;

/// <summary>
/// <c>kind: pattern</c> — regular expressions (<c>patterns</c>), matched within each paragraph. A named group
/// <c>match</c>, when present, narrows the reported span. Patterns cannot hang the engine: on .NET 10 they run on
/// the linear-time <c>RegexOptions.NonBacktracking</c> engine (constructs it cannot run — backreferences,
/// lookarounds, atomic groups — are rejected when the pack loads); on .NET Standard 2.0 hosts, which lack that
/// engine, each match has a time budget and a pattern that exceeds it fails the rule for that document (MR9003),
/// visibly, rather than silently losing findings. Paragraphs that hold none of a pattern's required literals
/// (<see cref="RegexPrefilter"/>) are skipped, and in the others the engine reads, where the pattern allows, only the
/// windows around the literals (<see cref="RegexWindows"/>).
/// </summary>
internal sealed class PatternRuleKind : IRuleKind
{
    private const int MaxPatternLength = 4096;
    private const int MaxCached = 1024;

    // One lazily built regex per pattern and options, shared by every linter built with it (see Compile).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Pattern, RegexOptions Options), Lazy<Regex>> Cache = new();

    public string Name => "pattern";

    public IRule Create(RuleDefinition definition)
    {
        if (definition.Patterns.Count == 0)
        {
            throw new RuleDefinitionException("patterns", "a pattern rule needs a non-empty 'patterns' list");
        }

        if (definition.Terms.Count > 0)
        {
            throw new RuleDefinitionException("terms", "a pattern rule takes 'patterns', not 'terms' (use kind: term)");
        }

        var regexes = new Lazy<Regex>[definition.Patterns.Count];
        var prefilters = new RegexPrefilter?[regexes.Length];
        for (var i = 0; i < regexes.Length; i++)
        {
            regexes[i] = CompileLazily(definition.Patterns[i], definition.CaseSensitive, i);
            prefilters[i] = RegexPrefilter.Create(definition.Patterns[i], !definition.CaseSensitive);

            // Patterns that require the same literals share one prefilter, so a text is searched for them once.
            for (var j = 0; j < i && prefilters[i] is { } mine; j++)
            {
                if (prefilters[j] is { } earlier && earlier.IgnoreCase == mine.IgnoreCase && System.Linq.Enumerable.SequenceEqual(earlier.Literals, mine.Literals))
                {
                    prefilters[i] = earlier;
                    break;
                }
            }
        }

#if NET9_0_OR_GREATER
        var memos = new CaptureMemo?[regexes.Length];
        var windows = new RegexWindows?[regexes.Length];
        for (var i = 0; i < memos.Length; i++)
        {
            memos[i] = CaptureMemo.For(definition.Patterns[i]);
            windows[i] = prefilters[i] is { } prefilter ? RegexWindows.Create(definition.Patterns[i], !definition.CaseSensitive, prefilter.Literals) : null;
        }

        return new PatternRule(definition.ToDescriptor(), regexes, prefilters, definition.Suggestions, memos, windows);
#else
        return new PatternRule(definition.ToDescriptor(), regexes, prefilters, definition.Suggestions);
#endif
    }

    /// <summary>The regex of a pattern, built now (a bad pattern throws <see cref="RuleDefinitionException"/>).</summary>
    internal static Regex Compile(string pattern, bool caseSensitive, int index) => CompileLazily(pattern, caseSensitive, index).Value;

    /// <summary>
    /// Checks a pattern now and returns its regex, built on first use. A linear-time (NonBacktracking) regex is costly to
    /// build — a few milliseconds and 1–5 MB of live memory each, most of it the engine's character-set tables for
    /// <c>\b</c>, <c>\w</c> and case-insensitivity — and a rule's regex runs only on paragraphs its prefilter lets
    /// through, so most texts need only some of them. Errors still surface here, at load: the pattern is parsed by the
    /// (cheap) interpreter, which reports the same syntax errors; a pattern that might use a construct the linear-time
    /// engine rejects (<see cref="NonBacktrackingCheck"/>) is built now, so its error too is reported at load.
    /// </summary>
    internal static Lazy<Regex> CompileLazily(string pattern, bool caseSensitive, int index)
    {
        if (pattern.Length > MaxPatternLength)
        {
            throw new RuleDefinitionException("patterns", $"pattern is longer than {MaxPatternLength} characters", index);
        }

        var options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;
        if (!caseSensitive)
        {
            options |= RegexOptions.IgnoreCase;
        }

        // Linters are built again and again with the same packs (per configuration, on every reload of the language
        // server): a Regex is immutable and thread-safe, so one instance per pattern and options serves them all, and a
        // pattern in the cache has been checked already.
        if (Cache.TryGetValue((pattern, options), out var cached))
        {
            return cached;
        }

        Lazy<Regex> regex;
        try
        {
#if NET
            // Syntax errors: the interpreter parses exactly as the linear-time engine does, at a fraction of the cost.
            _ = new Regex(pattern, options);
            regex = new Lazy<Regex>(() => Build(pattern, options), LazyThreadSafetyMode.ExecutionAndPublication);
            if (!NonBacktrackingCheck.IsSurelySupported(pattern))
            {
                _ = regex.Value; // report what the linear-time engine rejects here, with the pattern's position
            }
#else
            var built = Build(pattern, options);
            regex = new Lazy<Regex>(() => built, LazyThreadSafetyMode.PublicationOnly);
            _ = regex.Value;
#endif
        }
        catch (ArgumentException ex)
        {
            throw new RuleDefinitionException("patterns", $"pattern '{pattern}' is rejected (MR9002): {ex.Message}", index);
        }
        catch (NotSupportedException ex)
        {
            throw new RuleDefinitionException("patterns", $"pattern '{pattern}' uses a construct the linear-time engine cannot run (MR9002): {ex.Message}", index);
        }

        if (Cache.Count < MaxCached)
        {
            regex = Cache.GetOrAdd((pattern, options), regex);
        }

        return regex;
    }

    private static Regex Build(string pattern, RegexOptions options)
    {
#if NET
        // Linear time in the input whatever the pattern; no timeout, so results never depend on machine load.
        return new Regex(pattern, options | RegexOptions.NonBacktracking, Regex.InfiniteMatchTimeout);
#else
        return new Regex(pattern, options, TimeSpan.FromMilliseconds(250));
#endif
    }

    /// <summary>
    /// Whether the linear-time engine will surely accept a pattern the interpreter has parsed: it has none of the
    /// constructs that engine rejects (backreferences, lookarounds, atomic groups, conditionals, balancing groups,
    /// <c>\G</c>) and its automaton stays under the engine's size limit. Conservative: anything it does not
    /// recognise — any <c>(?</c> other than a plain or named group, any <c>\</c> before a digit, <c>k</c> or
    /// <c>G</c>, anywhere, even in a class — answers no, and the pattern is then built at load.
    /// </summary>
    internal static class NonBacktrackingCheck
    {
        // The .NET engine's own limit (SymbolicRegexThresholds), which a host may change through AppContext.
        private const string SizeLimitKey = "REGEX_NONBACKTRACKING_MAX_AUTOMATA_SIZE";
        private const int DefaultSizeLimit = 10_000;

        public static bool IsSurelySupported(string pattern)
        {
            if (HasSuspectConstruct(pattern))
            {
                return false;
            }

            var limit = AppContext.GetData(SizeLimitKey) is int configured && configured > 0 ? configured : DefaultSizeLimit;
            var size = new SizeBound(pattern).Estimate();

            // The engine estimates (1 + character positions, each multiplied by the bounds of the loops around it) × 5
            // when anchors are present; this bound counts every atom as a position. Keep a margin all the same.
            return size is long s && s * 5 <= limit / 2;
        }

        private static bool HasSuspectConstruct(string pattern)
        {
            for (var i = 0; i < pattern.Length; i++)
            {
                var c = pattern[i];
                if (c == '\\')
                {
                    if (i + 1 >= pattern.Length)
                    {
                        return true;
                    }

                    var e = pattern[++i];
                    if (char.IsDigit(e) || e is 'k' or 'G')
                    {
                        return true;
                    }
                }
                else if (c == '(' && i + 1 < pattern.Length && pattern[i + 1] == '?')
                {
                    var at = i + 2;
                    if (at < pattern.Length && pattern[at] == ':')
                    {
                        continue;
                    }

                    if (at < pattern.Length && pattern[at] is '<' or '\'')
                    {
                        var close = pattern[at] == '<' ? '>' : '\'';
                        var end = at + 1;
                        while (end < pattern.Length && (char.IsLetterOrDigit(pattern[end]) || pattern[end] == '_'))
                        {
                            end++;
                        }

                        if (end > at + 1 && end < pattern.Length && pattern[end] == close)
                        {
                            continue; // (?<name>…) or (?'name'…)
                        }
                    }

                    return true;
                }
            }

            return false;
        }

        /// <summary>An upper bound of the number of character positions of a pattern's automaton, loops unrolled.</summary>
        private sealed class SizeBound
        {
            private const long Cap = 1L << 40;
            private readonly string _pattern;
            private int _at;

            public SizeBound(string pattern) => _pattern = pattern;

            /// <summary>The bound, or null when the pattern is not read to its end.</summary>
            public long? Estimate()
            {
                try
                {
                    var size = Alternation();
                    return _at == _pattern.Length ? size : null;
                }
                catch (FormatException)
                {
                    return null;
                }
            }

            private long Alternation()
            {
                var size = Sequence();
                while (_at < _pattern.Length && _pattern[_at] == '|')
                {
                    _at++;
                    size = Math.Min(Cap, size + Sequence());
                }

                return size;
            }

            private long Sequence()
            {
                long size = 0;
                while (_at < _pattern.Length && _pattern[_at] is not '|' and not ')')
                {
                    var atom = Atom();
                    size = Math.Min(Cap, size + Math.Min(Cap, atom * Quantifier()));
                }

                return size;
            }

            private long Atom()
            {
                var c = _pattern[_at++];
                switch (c)
                {
                    case '(':
                        if (_at < _pattern.Length && _pattern[_at] == '?')
                        {
                            // Only (?:…) and named groups get here (see HasSuspectConstruct).
                            _at++;
                            if (_at < _pattern.Length && _pattern[_at] is '<' or '\'')
                            {
                                var end = _pattern.IndexOf(_pattern[_at] == '<' ? '>' : '\'', _at + 1);
                                _at = end >= 0 ? end + 1 : throw new FormatException();
                            }
                            else if (_at < _pattern.Length && _pattern[_at] == ':')
                            {
                                _at++;
                            }
                            else
                            {
                                throw new FormatException();
                            }
                        }

                        var inner = Alternation();
                        if (_at >= _pattern.Length || _pattern[_at] != ')')
                        {
                            throw new FormatException();
                        }

                        _at++;
                        return Math.Max(1, inner);
                    case '[':
                        SkipClass();
                        return 1;
                    case '\\':
                        if (_at >= _pattern.Length)
                        {
                            throw new FormatException();
                        }

                        var e = _pattern[_at++];
                        if (e is 'p' or 'P')
                        {
                            var end = _pattern.IndexOf('}', _at);
                            _at = end >= 0 ? end + 1 : throw new FormatException();
                        }
                        else if (e is 'x' or 'u' or 'c' or '0')
                        {
                            throw new FormatException(); // escapes with operands: not read, the pattern is built at load
                        }

                        return 1;
                    case '*' or '+' or '?' or '{':
                        // A quantifier with nothing before it ('{' may be a literal): not read.
                        throw new FormatException();
                    default:
                        return 1;
                }
            }

            private void SkipClass()
            {
                // A class is one position. Only plain classes are skipped: a ']' first (a literal) or a '[' inside
                // (a subtraction, or a literal) are not read, lest a misreading hide loops from the bound.
                if (_at < _pattern.Length && _pattern[_at] == '^')
                {
                    _at++;
                }

                if (_at < _pattern.Length && _pattern[_at] == ']')
                {
                    throw new FormatException();
                }

                while (_at < _pattern.Length)
                {
                    var c = _pattern[_at++];
                    if (c == '\\')
                    {
                        _at++;
                    }
                    else if (c == '[')
                    {
                        throw new FormatException();
                    }
                    else if (c == ']')
                    {
                        return;
                    }
                }

                throw new FormatException();
            }

            private long Quantifier()
            {
                if (_at >= _pattern.Length)
                {
                    return 1;
                }

                long factor;
                switch (_pattern[_at])
                {
                    case '*' or '?':
                        _at++;
                        factor = 1;
                        break;
                    case '+':
                        _at++;
                        factor = 2;
                        break;
                    case '{':
                        var end = _pattern.IndexOf('}', _at);
                        var parts = end < 0 ? null : _pattern.Substring(_at + 1, end - _at - 1).Split(',');
                        if (parts is null || parts.Length > 2 || !long.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var min))
                        {
                            return 1; // a literal '{'
                        }

                        long max;
                        if (parts.Length == 1)
                        {
                            max = min;
                        }
                        else if (parts[1].Length == 0)
                        {
                            max = min + 1;
                        }
                        else if (!long.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out max))
                        {
                            return 1; // a literal '{'
                        }

                        _at = end + 1;
                        factor = Math.Min(Cap, Math.Max(Math.Max(min, max), 1));
                        break;
                    default:
                        return 1;
                }

                if (_at < _pattern.Length && _pattern[_at] == '?')
                {
                    _at++; // lazy
                }

                if (_at < _pattern.Length && _pattern[_at] is '*' or '+' or '?' or '{')
                {
                    throw new FormatException(); // a nested quantifier: not read
                }

                return factor;
            }
        }
    }

    private sealed class PatternRule : IRule, ISourcingFreeRule
    {
        private readonly Lazy<Regex>[] _regexes;
        private readonly RegexPrefilter?[] _prefilters;
        private readonly RegexPrefilterSet _literals;

        // The index of each pattern's prefilter in _literals (-1: none).
        private readonly int[] _literalSlots;
        private readonly IReadOnlyList<string> _suggestions;
#if NET9_0_OR_GREATER
        private const int UnknownGroup = int.MinValue;
        private readonly CaptureMemo?[] _memos;

        // Where in a paragraph each pattern's matches can lie, from its literals' occurrences (null: read it whole).
        private readonly RegexWindows?[] _windows;

        // The number of each pattern's group "match" (-1: none), read once its regex is built (any thread may write it).
        private readonly int[] _groups;

        public PatternRule(DiagnosticDescriptor descriptor, Lazy<Regex>[] regexes, RegexPrefilter?[] prefilters, IReadOnlyList<string> suggestions, CaptureMemo?[] memos, RegexWindows?[] windows)
        {
            Descriptor = descriptor;
            _regexes = regexes;
            _prefilters = prefilters;
            _literals = new RegexPrefilterSet(System.Linq.Enumerable.OfType<RegexPrefilter>(prefilters));
            _literalSlots = SlotsOf(prefilters, _literals);
            _suggestions = suggestions;
            _memos = memos;
            _windows = windows;
            _groups = new int[regexes.Length];
            Array.Fill(_groups, UnknownGroup);
        }
#else
        public PatternRule(DiagnosticDescriptor descriptor, Lazy<Regex>[] regexes, RegexPrefilter?[] prefilters, IReadOnlyList<string> suggestions)
        {
            Descriptor = descriptor;
            _regexes = regexes;
            _prefilters = prefilters;
            _literals = new RegexPrefilterSet(System.Linq.Enumerable.OfType<RegexPrefilter>(prefilters));
            _literalSlots = SlotsOf(prefilters, _literals);
            _suggestions = suggestions;
        }
#endif

        public DiagnosticDescriptor Descriptor { get; }

        private static int[] SlotsOf(RegexPrefilter?[] prefilters, RegexPrefilterSet set)
        {
            var slots = new int[prefilters.Length];
            for (var r = 0; r < slots.Length; r++)
            {
                slots[r] = prefilters[r] is { } prefilter ? System.Linq.Enumerable.ToList(set.Prefilters).IndexOf(prefilter) : -1;
            }

            return slots;
        }

        public void Analyze(RuleContext context)
        {
            var text = context.Text.ToString();
            var paragraphs = context.Document.Paragraphs;

            // Paragraphs that hold none of a pattern's required literals cannot match it: the regex never sees them. All
            // the patterns' literals are searched for in one pass (RegexPrefilterSet), over the model's paragraphs only (a
            // stretch's model is one part of a longer text).
            var candidates = new bool[_regexes.Length][];
            // Where the literals were found (ascending), for the patterns that read windows around them.
            var positions = new List<int>?[_regexes.Length];
            var searched = paragraphs.Count == 0 ? default : Text.TextSpan.FromBounds(paragraphs[0].Span.Start, paragraphs[paragraphs.Count - 1].Span.End);
            if (_literals.Prefilters.Count > 0)
            {
                var found = _literals.FindCandidates(text, searched, _literals.AnyIgnoresCase ? context.Document.RegexCaseTraps : null);
                var marks = new bool[found.Length][];
                for (var f = 0; f < found.Length; f++)
                {
                    marks[f] = new bool[paragraphs.Count];
                    foreach (var at in found[f])
                    {
                        if (context.Document.GetParagraph(at) is { } p)
                        {
                            marks[f][p.Index] = true;
                        }
                    }
                }

                for (var r = 0; r < _regexes.Length; r++)
                {
                    if (_literalSlots[r] is var f and >= 0)
                    {
                        candidates[r] = marks[f];
                        positions[r] = found[f];
                    }
                }
            }

#if NET9_0_OR_GREATER
            List<(int Index, int Start, int Length)>? known = null;
            List<(int Start, int End)>? windows = null;
            var cursors = new int[_regexes.Length];
#endif
            foreach (var paragraph in paragraphs)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                var span = paragraph.Span;
                for (var r = 0; r < _regexes.Length; r++)
                {
                    if (candidates[r] is { } marks && !marks[paragraph.Index])
                    {
                        continue;
                    }

                    var regex = _regexes[r].Value; // built here, on the first paragraph that needs it
#if NET9_0_OR_GREATER
                    var matchGroup = _groups[r];
                    if (matchGroup == UnknownGroup)
                    {
                        _groups[r] = matchGroup = regex.GroupNumberFromName("match"); // once per pattern, not per paragraph
                    }

                    // The windows around the literals of this paragraph, when they do not cover all of it.
                    var windowed = false;
                    if (_windows[r] is { } plan && positions[r] is { } at)
                    {
                        var first = cursors[r];
                        while (first < at.Count && at[first] < span.Start)
                        {
                            first++;
                        }

                        var end = first;
                        while (end < at.Count && at[end] < span.End)
                        {
                            end++;
                        }

                        cursors[r] = end;
                        windowed = plan.TryFind(text.AsSpan(span.Start, span.Length), span.Start, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(at).Slice(first, end - first), windows ??= new());
                    }

                    if (TryFromBounds(context, regex, matchGroup >= 0, _memos[r], text, span, windowed ? windows : null, known ??= new()))
                    {
                        continue;
                    }
#endif
                    for (var match = regex.Match(text, span.Start, span.Length); match.Success; match = match.NextMatch())
                    {
                        var group = match.Groups["match"];
                        var found = group.Success ? group : (Group)match;
#if NET9_0_OR_GREATER
                        _memos[r]?.Add(text.AsSpan(span.Start, span.Length), match.Index - span.Start, match.Length, found.Index - match.Index, found.Length);
#endif
                        if (found.Length > 0)
                        {
                            context.Report(new Text.TextSpan(found.Index, found.Length), _suggestions);
                        }
                    }
                }
            }
        }

#if NET9_0_OR_GREATER
        // The matches of a paragraph from their bounds alone, which the engine finds without its group pass: all of
        // them when the pattern has no group "match", else when the memo knows every match's group. False when the
        // paragraph needs the full matches (then nothing was reported). With windows (see RegexWindows), the engine
        // reads only them, each with the paragraph before it as context.
        private bool TryFromBounds(RuleContext context, Regex regex, bool hasGroup, CaptureMemo? memo, string text, Text.TextSpan span, List<(int Start, int End)>? windows, List<(int Index, int Start, int Length)> known)
        {
            if (hasGroup && memo is null)
            {
                return false;
            }

            var chars = text.AsSpan(span.Start, span.Length);
            known.Clear();
            var count = windows?.Count ?? 1;
            for (var w = 0; w < count; w++)
            {
                var (from, to) = windows is null ? (0, chars.Length) : windows[w];
                foreach (var match in regex.EnumerateMatches(chars.Slice(0, to), from))
                {
                    var start = 0;
                    var length = match.Length;
                    if (hasGroup && !memo!.TryGet(chars, match.Index, match.Length, out start, out length))
                    {
                        return false;
                    }

                    known.Add((match.Index, start, length));
                }
            }

            foreach (var (index, start, length) in known)
            {
                if (length > 0)
                {
                    context.Report(new Text.TextSpan(span.Start + index + start, length), _suggestions);
                }
            }

            return true;
        }
#endif
    }
}

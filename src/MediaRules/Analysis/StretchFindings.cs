using System;
using System.Buffers;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using MediaRules.Diagnostics;
using MediaRules.Text;

namespace MediaRules.Analysis;

/// <summary>
/// The findings of one stretch of a long text (<see cref="StretchAnalysis"/>), kept as values until every stretch is
/// done and the diagnostics are made, in order, at the end. Kept as objects (a diagnostic, its location, its fix), a
/// stretch's thousands of findings were copied by each collection from one generation to the next while the other
/// stretches were analysed, and brought about full collections: values in one pooled array hold no references, and
/// what they name (messages, fix titles, descriptors) is kept once per stretch.
/// </summary>
internal sealed class StretchFindings
{
    private readonly Finding[] _items; // rented; the first Count are the findings
    private readonly string[] _strings;
    private readonly DiagnosticDescriptor[] _descriptors;
    private readonly Diagnostic[] _others; // findings kept as they are (a fix of several changes, a suppression)
    private readonly List<Diagnostic>? _diagnostics; // the findings as diagnostics, from _from on (Keep)
    private readonly int _from;
    private bool _returned;

    private StretchFindings(Finding[] items, int count, string[] strings, DiagnosticDescriptor[] descriptors, Diagnostic[] others)
    {
        _items = items;
        Count = count;
        _strings = strings;
        _descriptors = descriptors;
        _others = others;
    }

    private StretchFindings(List<Diagnostic> diagnostics, int from, int count)
        : this(Array.Empty<Finding>(), count, Array.Empty<string>(), Array.Empty<DiagnosticDescriptor>(), Array.Empty<Diagnostic>())
    {
        _diagnostics = diagnostics;
        _from = from;
        _returned = true;
    }

    /// <summary>An empty set of findings.</summary>
    public static StretchFindings Empty { get; } = new(Array.Empty<Finding>(), 0, Array.Empty<string>(), Array.Empty<DiagnosticDescriptor>(), Array.Empty<Diagnostic>()) { _returned = true };

    /// <summary>How many findings there are.</summary>
    public int Count { get; }

    /// <summary>
    /// <paramref name="diagnostics"/>[<paramref name="from"/>, <paramref name="to"/>) kept as they are: for the last
    /// stretch analysed, which no other stretch's analysis will follow, values would only be made into diagnostics again.
    /// </summary>
    public static StretchFindings Keep(List<Diagnostic> diagnostics, int from, int to) => to > from ? new(diagnostics, from, to - from) : Empty;

    /// <summary>The values of <paramref name="diagnostics"/>[<paramref name="from"/>, <paramref name="to"/>), in order.</summary>
    public static StretchFindings From(List<Diagnostic> diagnostics, int from, int to)
    {
        var count = to - from;
        if (count <= 0)
        {
            return Empty;
        }

        var items = ArrayPool<Finding>.Shared.Rent(count);
        var strings = new Dictionary<string, int>(ByReference.Instance);
        var stringList = new List<string>();
        var descriptors = new List<DiagnosticDescriptor>();
        List<Diagnostic>? others = null;
        DiagnosticDescriptor? lastDescriptor = null;
        var lastDescriptorIndex = -1;
        for (var i = 0; i < count; i++)
        {
            var diagnostic = diagnostics[from + i];
            var replaces = diagnostic.TryGetReplacement(out var fixTitle, out var fixSpan, out var fixText);
            if ((diagnostic.HasFix && !replaces) || diagnostic.Suppression is not null)
            {
                others ??= new List<Diagnostic>();
                items[i] = Finding.Other(others.Count);
                others.Add(diagnostic);
                continue;
            }

            if (!ReferenceEquals(diagnostic.Descriptor, lastDescriptor))
            {
                lastDescriptor = diagnostic.Descriptor;
                lastDescriptorIndex = descriptors.IndexOf(lastDescriptor);
                if (lastDescriptorIndex < 0)
                {
                    lastDescriptorIndex = descriptors.Count;
                    descriptors.Add(lastDescriptor);
                }
            }

            var span = diagnostic.Span;
            items[i] = replaces
                ? new Finding(lastDescriptorIndex, span, Index(diagnostic.Message), diagnostic.Severity, Index(fixTitle), Index(fixText), fixSpan)
                : new Finding(lastDescriptorIndex, span, Index(diagnostic.Message), diagnostic.Severity, -1, -1, default);
        }

        return new StretchFindings(items, count, stringList.ToArray(), descriptors.ToArray(), others?.ToArray() ?? Array.Empty<Diagnostic>());

        int Index(string value)
        {
            if (!strings.TryGetValue(value, out var index))
            {
                index = stringList.Count;
                strings.Add(value, index);
                stringList.Add(value);
            }

            return index;
        }
    }

    /// <summary>
    /// Makes the diagnostics, in order, into <paramref name="diagnostics"/> (leaving out those of severity <c>none</c>),
    /// at their places in <paramref name="text"/>, and gives the values back to the pool: they are not read after. Before
    /// each, it adds the diagnostics of <paramref name="merged"/> (in diagnostic order) from <paramref name="next"/> on
    /// that come before it, moving <paramref name="next"/> past them.
    /// </summary>
    public void AddTo(List<Diagnostic> diagnostics, string? path, SourceText text, List<Diagnostic> merged, ref int next)
    {
        for (var i = 0; i < Count; i++)
        {
            var diagnostic = Make(i, path, text);
            if (diagnostic is null || diagnostic.Severity == DiagnosticSeverity.None)
            {
                continue;
            }

            while (next < merged.Count && Linter.CompareDiagnostics(merged[next], diagnostic) < 0)
            {
                diagnostics.Add(merged[next++]);
            }

            diagnostics.Add(diagnostic);
        }

        Return();
    }

    // Finding i as a diagnostic: kept as it was, or made from its values (null for a value of severity none, which
    // would be left out at once).
    private Diagnostic? Make(int i, string? path, SourceText text)
    {
        if (_diagnostics is not null)
        {
            return _diagnostics[_from + i];
        }

        var item = _items[i];
        if (item.IsOther)
        {
            return _others[item.Message];
        }

        if (item.Severity == DiagnosticSeverity.None)
        {
            return null;
        }

        return item.FixTitle < 0 || item.FixSpan == item.Span
            ? new Diagnostic(_descriptors[item.Descriptor], path, text, item.Span, _strings[item.Message], item.Severity, item.FixTitle < 0 ? null : _strings[item.FixTitle], item.FixTitle < 0 ? null : _strings[item.FixText])
            : new Diagnostic(_descriptors[item.Descriptor], Location.Create(path, text, item.Span), _strings[item.Message], item.Severity, new CodeFix(_strings[item.FixTitle], new[] { new TextChange(item.FixSpan, _strings[item.FixText]) }));
    }

    /// <summary>Gives the values back to the pool (findings made again by a new analysis of the stretch are not these).</summary>
    public void Return()
    {
        if (!_returned)
        {
            _returned = true;
            ArrayPool<Finding>.Shared.Return(_items);
        }
    }

    /// <summary>One finding as values: indexes into the stretch's descriptors and strings, and spans.</summary>
    private readonly struct Finding
    {
        private readonly byte _severity;

        public Finding(int descriptor, TextSpan span, int message, DiagnosticSeverity severity, int fixTitle, int fixText, TextSpan fixSpan)
        {
            Descriptor = descriptor;
            Span = span;
            Message = message;
            _severity = (byte)severity;
            FixTitle = fixTitle;
            FixText = fixText;
            FixSpan = fixSpan;
        }

        /// <summary>The descriptor's index, or -1 for a finding kept as it is (its index in <see cref="Message"/>).</summary>
        public int Descriptor { get; }

        public TextSpan Span { get; }

        public int Message { get; }

        public DiagnosticSeverity Severity => (DiagnosticSeverity)_severity;

        /// <summary>The fix's title, or -1 without a fix.</summary>
        public int FixTitle { get; }

        public int FixText { get; }

        public TextSpan FixSpan { get; }

        public bool IsOther => Descriptor < 0;

        public static Finding Other(int index) => new(-1, default, index, default, -1, -1, default);
    }

    /// <summary>Strings by reference: a rule's messages and fix titles are pooled, so one text is nearly always one string.</summary>
    private sealed class ByReference : IEqualityComparer<string>
    {
        public static readonly ByReference Instance = new();

        public bool Equals(string? x, string? y) => ReferenceEquals(x, y);

        public int GetHashCode(string obj) => RuntimeHelpers.GetHashCode(obj);
    }
}

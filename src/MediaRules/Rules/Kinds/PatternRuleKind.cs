using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using MediaRules.Diagnostics;
using MediaRules.Matching;

namespace MediaRules.Rules.Kinds;

/// <summary>
/// <c>kind: pattern</c> — regular expressions (<c>patterns</c>), matched within each paragraph. A named group
/// <c>match</c>, when present, narrows the reported span. Patterns cannot hang the engine: on .NET 10 they run on
/// the linear-time <c>RegexOptions.NonBacktracking</c> engine (constructs it cannot run — backreferences,
/// lookarounds, atomic groups — are rejected when the pack loads); on .NET Standard 2.0 hosts, which lack that
/// engine, each match has a time budget and a pattern that exceeds it fails the rule for that document (MR9003),
/// visibly, rather than silently losing findings.
/// </summary>
internal sealed class PatternRuleKind : IRuleKind
{
    private const int MaxPatternLength = 4096;
    private const int MaxCached = 1024;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Pattern, RegexOptions Options), Regex> Cache = new();

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

        var regexes = new Regex[definition.Patterns.Count];
        var prefilters = new RegexPrefilter?[regexes.Length];
        for (var i = 0; i < regexes.Length; i++)
        {
            regexes[i] = Compile(definition.Patterns[i], definition.CaseSensitive, i);
            prefilters[i] = RegexPrefilter.Create(definition.Patterns[i], !definition.CaseSensitive);
        }

        return new PatternRule(definition.ToDescriptor(), regexes, prefilters, definition.Suggestions);
    }

    internal static Regex Compile(string pattern, bool caseSensitive, int index)
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

        // Building a linear-time regex is costly (tens of milliseconds for a long case-insensitive alternation), and
        // linters are built again and again with the same packs (per configuration, on every reload of the language
        // server): a Regex is immutable and thread-safe, so one instance per pattern and options serves them all.
        if (Cache.TryGetValue((pattern, options), out var cached))
        {
            return cached;
        }

        try
        {
#if NET
            // Linear time in the input whatever the pattern; no timeout, so results never depend on machine load.
            var regex = new Regex(pattern, options | RegexOptions.NonBacktracking, Regex.InfiniteMatchTimeout);
#else
            var regex = new Regex(pattern, options, TimeSpan.FromMilliseconds(250));
#endif
            if (Cache.Count < MaxCached)
            {
                Cache.TryAdd((pattern, options), regex);
            }

            return regex;
        }
        catch (ArgumentException ex)
        {
            throw new RuleDefinitionException("patterns", $"pattern '{pattern}' is rejected (MR9002): {ex.Message}", index);
        }
        catch (NotSupportedException ex)
        {
            throw new RuleDefinitionException("patterns", $"pattern '{pattern}' uses a construct the linear-time engine cannot run (MR9002): {ex.Message}", index);
        }
    }

    private sealed class PatternRule : IRule
    {
        private readonly Regex[] _regexes;
        private readonly RegexPrefilter?[] _prefilters;
        private readonly IReadOnlyList<string> _suggestions;

        public PatternRule(DiagnosticDescriptor descriptor, Regex[] regexes, RegexPrefilter?[] prefilters, IReadOnlyList<string> suggestions)
        {
            Descriptor = descriptor;
            _regexes = regexes;
            _prefilters = prefilters;
            _suggestions = suggestions;
        }

        public DiagnosticDescriptor Descriptor { get; }

        public void Analyze(RuleContext context)
        {
            var text = context.Text.ToString();
            var paragraphs = context.Document.Paragraphs;

            // Paragraphs that hold none of a pattern's required literals cannot match it: the regex never sees them.
            var candidates = new bool[_regexes.Length][];
            for (var r = 0; r < _regexes.Length; r++)
            {
                if (_prefilters[r] is { } prefilter)
                {
                    var marks = candidates[r] = new bool[paragraphs.Count];
                    prefilter.FindCandidates(text, at =>
                    {
                        if (context.Document.GetParagraph(at) is { } p)
                        {
                            marks[p.Index] = true;
                        }
                    });
                }
            }

            foreach (var paragraph in paragraphs)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                var span = paragraph.Span;
                for (var r = 0; r < _regexes.Length; r++)
                {
                    var regex = _regexes[r];
                    if (candidates[r] is { } marks && !marks[paragraph.Index])
                    {
                        continue;
                    }

                    for (var match = regex.Match(text, span.Start, span.Length); match.Success; match = match.NextMatch())
                    {
                        var group = match.Groups["match"];
                        var found = group.Success ? group : (Group)match;
                        if (found.Length > 0)
                        {
                            context.Report(new Text.TextSpan(found.Index, found.Length), _suggestions);
                        }
                    }
                }
            }
        }
    }
}

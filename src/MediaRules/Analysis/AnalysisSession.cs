using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using MediaRules.Text;

namespace MediaRules.Analysis;

/// <summary>
/// A workspace of open documents that are analysed incrementally, for editors and content systems that re-check a
/// text on every change. Each document is held by id with its text, version and diagnostics; an edit re-analyses
/// only the paragraphs it touches (and the neighbours whose analysis depends on them), and rules that read the whole
/// document (name consistency, acronyms) are recomputed from cached per-paragraph facts.
/// </summary>
/// <remarks>
/// <para>Thread safety: one writer at a time. <see cref="Open"/>, <see cref="Update(string, IEnumerable{TextChange}, int, CancellationToken)"/>,
/// <see cref="Update(string, SourceText, int, CancellationToken)"/>, <see cref="Close"/> and <see cref="SetLinter"/> are serialised by a
/// lock; every <see cref="SessionDocument"/> they return is an immutable snapshot, so any number of threads may read
/// snapshots (and call <see cref="TryGetDocument"/>) while an edit is being applied. While <see cref="SetLinter"/> runs, readers see each document's old snapshot until its new one is ready.</para>
/// <para>The diagnostics of a session document equal, diagnostic for diagnostic, those of
/// <see cref="Linter.Analyze(SourceText, string, CancellationToken)"/> on the same text.</para>
/// </remarks>
public sealed class AnalysisSession
{
    private readonly object _gate = new();
    private readonly ConcurrentDictionary<string, SessionDocument> _documents = new(StringComparer.Ordinal);
    private IncrementalEngine _engine;

    /// <summary>Creates a session that analyses with <paramref name="linter"/>.</summary>
    /// <param name="linter">The rules.</param>
    public AnalysisSession(Linter linter)
    {
        _engine = new IncrementalEngine(linter ?? throw new ArgumentNullException(nameof(linter)));
    }

    /// <summary>The rules the session analyses with.</summary>
    public Linter Linter => Volatile.Read(ref _engine).Linter;

    /// <summary>The ids of the open documents.</summary>
    public IReadOnlyCollection<string> DocumentIds => _documents.Keys.ToArray();

    /// <summary>Opens a document, or replaces the open document with the same id, and analyses it.</summary>
    /// <param name="id">The document's id (a path or URI; compared ordinally).</param>
    /// <param name="text">Its text.</param>
    /// <param name="version">Its version, as the editor numbers it.</param>
    /// <param name="path">The path carried into every diagnostic's location.</param>
    /// <param name="cancellationToken">Cancels the analysis; the session is left as it was.</param>
    /// <returns>The analysed snapshot.</returns>
    public SessionDocument Open(string id, SourceText text, int version = 0, string? path = null, CancellationToken cancellationToken = default)
    {
        if (id is null)
        {
            throw new ArgumentNullException(nameof(id));
        }

        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        lock (_gate)
        {
            var state = _engine.Analyze(text.ToString(), cancellationToken);
            return Store(new SessionDocument(id, version, path, state));
        }
    }

    /// <summary>
    /// Applies changes to an open document and re-analyses what they touch. Every change refers to a span of the
    /// document's current text; changes must not overlap (as <see cref="SourceText.WithChanges(IEnumerable{TextChange})"/>).
    /// </summary>
    /// <param name="id">The document's id.</param>
    /// <param name="changes">The changes.</param>
    /// <param name="version">The version after the changes.</param>
    /// <param name="cancellationToken">Cancels the analysis; the session is left as it was.</param>
    /// <returns>The analysed snapshot.</returns>
    /// <exception cref="KeyNotFoundException">No document with that id is open.</exception>
    /// <exception cref="ArgumentException">A change lies outside the text, or two changes overlap.</exception>
    public SessionDocument Update(string id, IEnumerable<TextChange> changes, int version, CancellationToken cancellationToken)
    {
        if (changes is null)
        {
            throw new ArgumentNullException(nameof(changes));
        }

        lock (_gate)
        {
            var current = Get(id);
            var ordered = changes.OrderBy(c => c.Span.Start).ThenBy(c => c.Span.End).ToArray();
            var end = 0;
            foreach (var change in ordered)
            {
                if (change.Span.Start < end || change.Span.End > current.Length)
                {
                    throw new ArgumentException(
                        change.Span.End > current.Length ? $"The change {change} lies outside a text of length {current.Length}." : "Changes must not overlap.",
                        nameof(changes));
                }

                end = change.Span.End;
            }

            var state = current.State;

            // Applied from the last to the first, so that each change's span still refers to the text it was made for.
            for (var i = ordered.Length - 1; i >= 0; i--)
            {
                state = _engine.Apply(state, ordered[i], cancellationToken);
            }

            return Store(new SessionDocument(current.Id, version, current.Path, state));
        }
    }

    /// <summary>
    /// Replaces an open document's text and re-analyses what changed: the session finds the changed range itself
    /// (the common beginning and end of the old and new texts), so a host that only has whole texts still gets
    /// incremental analysis.
    /// </summary>
    /// <param name="id">The document's id.</param>
    /// <param name="text">The new text.</param>
    /// <param name="version">The new version.</param>
    /// <param name="cancellationToken">Cancels the analysis; the session is left as it was.</param>
    /// <returns>The analysed snapshot.</returns>
    /// <exception cref="KeyNotFoundException">No document with that id is open.</exception>
    public SessionDocument Update(string id, SourceText text, int version, CancellationToken cancellationToken)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        lock (_gate)
        {
            var current = Get(id);
            var state = _engine.Apply(current.State, text.ToString(), cancellationToken);
            return Store(new SessionDocument(current.Id, version, current.Path, state));
        }
    }

    /// <summary>The current snapshot of an open document.</summary>
    /// <param name="id">The document's id.</param>
    /// <param name="document">The snapshot, when the document is open.</param>
    /// <returns>Whether the document is open.</returns>
    public bool TryGetDocument(string id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SessionDocument? document)
    {
        if (id is null)
        {
            throw new ArgumentNullException(nameof(id));
        }

        return _documents.TryGetValue(id, out document);
    }

    /// <summary>Closes a document and drops what the session cached for it.</summary>
    /// <param name="id">The document's id.</param>
    /// <returns>Whether it was open.</returns>
    public bool Close(string id)
    {
        if (id is null)
        {
            throw new ArgumentNullException(nameof(id));
        }

        lock (_gate)
        {
            return _documents.TryRemove(id, out _);
        }
    }

    /// <summary>
    /// Changes the rules (after a rule pack or the configuration changed) and re-analyses every open document.
    /// What does not depend on the rules (the text's paragraphs) is kept; every rule result is recomputed.
    /// </summary>
    /// <param name="linter">The new rules.</param>
    /// <param name="cancellationToken">Cancels the analysis; the session is left as it was.</param>
    /// <returns>The new snapshots of the open documents.</returns>
    public IReadOnlyList<SessionDocument> SetLinter(Linter linter, CancellationToken cancellationToken = default)
    {
        if (linter is null)
        {
            throw new ArgumentNullException(nameof(linter));
        }

        lock (_gate)
        {
            var engine = new IncrementalEngine(linter);
            var updated = new List<SessionDocument>();
            foreach (var document in _documents.Values.OrderBy(d => d.Id, StringComparer.Ordinal).ToArray())
            {
                var state = engine.Reanalyze(document.State, cancellationToken);
                updated.Add(new SessionDocument(document.Id, document.Version, document.Path, state));
            }

            Volatile.Write(ref _engine, engine);
            foreach (var document in updated)
            {
                _documents[document.Id] = document;
            }

            return updated;
        }
    }

    private SessionDocument Get(string id)
    {
        if (id is null)
        {
            throw new ArgumentNullException(nameof(id));
        }

        return _documents.TryGetValue(id, out var document)
            ? document
            : throw new KeyNotFoundException($"No document '{id}' is open in this session.");
    }

    private SessionDocument Store(SessionDocument document)
    {
        _documents[document.Id] = document;
        return document;
    }
}

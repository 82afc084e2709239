using System.Collections.Generic;
using MediaRules.Diagnostics;
using MediaRules.Text;

namespace MediaRules.Fixes;

/// <summary>What <see cref="FixApplier.Apply"/> did: the fixed text, the changes it made and which fixes it applied.</summary>
public sealed class FixResult
{
    internal FixResult(SourceText text, IReadOnlyList<TextChange> changes, IReadOnlyList<Diagnostic> applied, IReadOnlyList<Diagnostic> skipped)
    {
        Text = text;
        Changes = changes;
        Applied = applied;
        Skipped = skipped;
    }

    /// <summary>The text with the chosen fixes applied (the original text when none was).</summary>
    public SourceText Text { get; }

    /// <summary>The changes made, in order of position, non-overlapping; their spans refer to the original text.</summary>
    public IReadOnlyList<TextChange> Changes { get; }

    /// <summary>The diagnostics whose fixes were applied, in document order.</summary>
    public IReadOnlyList<Diagnostic> Applied { get; }

    /// <summary>
    /// The diagnostics with a fix that was not applied, in document order: it conflicts with a fix chosen before it,
    /// or its own changes overlap each other or lie outside the text.
    /// </summary>
    public IReadOnlyList<Diagnostic> Skipped { get; }
}

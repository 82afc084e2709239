using System;
using System.Collections.Generic;
using MediaRules.Text;

namespace MediaRules.Diagnostics;

/// <summary>A suggested fix: a title and the changes to the document's text that carry it out.</summary>
public sealed class CodeFix
{
    /// <summary>Creates a fix.</summary>
    /// <param name="title">What the fix does, for a person (for example <c>Replace with 'said'</c>).</param>
    /// <param name="changes">Non-overlapping changes to the document's text.</param>
    public CodeFix(string title, IReadOnlyList<TextChange> changes)
    {
        Title = title ?? throw new ArgumentNullException(nameof(title));
        Changes = changes ?? throw new ArgumentNullException(nameof(changes));
    }

    /// <summary>What the fix does.</summary>
    public string Title { get; }

    /// <summary>The changes to the document's text.</summary>
    public IReadOnlyList<TextChange> Changes { get; }

    /// <summary>A fix that replaces one span.</summary>
    /// <param name="span">The span to replace.</param>
    /// <param name="replacement">The new text.</param>
    /// <returns>The fix.</returns>
    public static CodeFix Replace(TextSpan span, string replacement) =>
        new(ReplaceTitle(replacement), new[] { new TextChange(span, replacement) });

    /// <summary>The title of <see cref="Replace"/>'s fix.</summary>
    internal static string ReplaceTitle(string replacement) => $"Replace with '{replacement}'";
}

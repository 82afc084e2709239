using System;
using System.Collections.Generic;

namespace MediaRules.Diagnostics;

/// <summary>
/// What a rule reports, independent of any occurrence: id, title, message format, category, default severity
/// and the guidance it rests on. Diagnostics point at their descriptor.
/// </summary>
public sealed class DiagnosticDescriptor : IEquatable<DiagnosticDescriptor>
{
    /// <summary>Creates a descriptor.</summary>
    /// <param name="id">The rule id, <c>MR</c> + four digits.</param>
    /// <param name="title">A short title.</param>
    /// <param name="messageFormat">The message; <c>{match}</c> and <c>{suggestion}</c> are filled in per occurrence.</param>
    /// <param name="category">The category (see <see cref="DiagnosticCategory"/>).</param>
    /// <param name="defaultSeverity">The severity when no configuration changes it.</param>
    /// <param name="helpLinkUri">A link to the rule's explanation or to the guidance it cites.</param>
    /// <param name="description">A longer explanation: what it flags and why.</param>
    /// <param name="references">The published guidance the rule rests on.</param>
    public DiagnosticDescriptor(
        string id,
        string title,
        string messageFormat,
        string category,
        DiagnosticSeverity defaultSeverity,
        string? helpLinkUri = null,
        string? description = null,
        IReadOnlyList<string>? references = null)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new ArgumentException("A descriptor needs an id.", nameof(id));
        }

        Id = id;
        Title = title ?? throw new ArgumentNullException(nameof(title));
        MessageFormat = messageFormat ?? throw new ArgumentNullException(nameof(messageFormat));
        Category = category ?? throw new ArgumentNullException(nameof(category));
        DefaultSeverity = defaultSeverity;
        HelpLinkUri = helpLinkUri;
        Description = description;
        References = references ?? Array.Empty<string>();
    }

    /// <summary>The rule id.</summary>
    public string Id { get; }

    /// <summary>A short title.</summary>
    public string Title { get; }

    /// <summary>The message format; <c>{match}</c> and <c>{suggestion}</c> are replaced per occurrence.</summary>
    public string MessageFormat { get; }

    /// <summary>The category (see <see cref="DiagnosticCategory"/>).</summary>
    public string Category { get; }

    /// <summary>The severity when no configuration changes it.</summary>
    public DiagnosticSeverity DefaultSeverity { get; }

    /// <summary>A link to the rule's explanation or guidance, if any.</summary>
    public string? HelpLinkUri { get; }

    /// <summary>A longer explanation, if any.</summary>
    public string? Description { get; }

    /// <summary>The published guidance the rule rests on.</summary>
    public IReadOnlyList<string> References { get; }

    /// <inheritdoc/>
    public bool Equals(DiagnosticDescriptor? other) =>
        other is not null
        && string.Equals(Id, other.Id, StringComparison.Ordinal)
        && string.Equals(Title, other.Title, StringComparison.Ordinal)
        && string.Equals(MessageFormat, other.MessageFormat, StringComparison.Ordinal)
        && string.Equals(Category, other.Category, StringComparison.Ordinal)
        && DefaultSeverity == other.DefaultSeverity
        && string.Equals(HelpLinkUri, other.HelpLinkUri, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as DiagnosticDescriptor);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Id);

    /// <summary>Shows the id and title.</summary>
    /// <returns>The descriptor as text.</returns>
    public override string ToString() => $"{Id}: {Title}";
}

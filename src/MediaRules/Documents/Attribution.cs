using MediaRules.Text;

namespace MediaRules.Documents;

/// <summary>How one sentence is sourced: the kind of source, the source's span and the cue that attributes it.</summary>
public sealed class Attribution
{
    /// <summary>Creates an attribution.</summary>
    /// <param name="kind">The kind of source.</param>
    /// <param name="sourceSpan">The span naming the source ("the Ministry of Health", "sources with direct knowledge"), if any.</param>
    /// <param name="cueSpan">The span of the attributing words ("said", "according to", "reportedly"), if any.</param>
    public Attribution(SourceKind kind, TextSpan? sourceSpan, TextSpan? cueSpan)
    {
        Kind = kind;
        SourceSpan = sourceSpan;
        CueSpan = cueSpan;
    }

    /// <summary>A sentence with no source.</summary>
    public static Attribution None { get; } = new(SourceKind.None, null, null);

    /// <summary>The kind of source.</summary>
    public SourceKind Kind { get; }

    /// <summary>The span naming the source, if any.</summary>
    public TextSpan? SourceSpan { get; }

    /// <summary>The span of the attributing words, if any.</summary>
    public TextSpan? CueSpan { get; }

    /// <summary>Shows the kind and spans.</summary>
    /// <returns>The attribution as text.</returns>
    public override string ToString() => $"{Kind} source={SourceSpan?.ToString() ?? "-"} cue={CueSpan?.ToString() ?? "-"}";
}

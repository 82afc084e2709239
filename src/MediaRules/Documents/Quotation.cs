using MediaRules.Text;

namespace MediaRules.Documents;

/// <summary>
/// A quotation: from its opening mark to its closing mark, or to the end of its paragraph when it never closes (a
/// nested quotation still open when its parent closes ends where the parent's content ends, so it stays inside it).
/// </summary>
public sealed class Quotation
{
    /// <summary>Creates a quotation.</summary>
    /// <param name="index">Its 0-based index in <see cref="DocumentModel.Quotations"/> (document order of opening marks).</param>
    /// <param name="openingMark">The span of the opening mark.</param>
    /// <param name="closingMark">The span of the closing mark, or <see langword="null"/> when it never closes.</param>
    /// <param name="span">The whole quotation, marks included.</param>
    /// <param name="contentSpan">The quoted words, marks excluded.</param>
    /// <param name="depth">0 for an outer quotation, 1 for a quotation inside it, and so on.</param>
    /// <param name="parentIndex">The index of the enclosing quotation, or -1.</param>
    /// <param name="isMismatched">Whether the closing mark is not the partner of the opening mark (“ closed by ").</param>
    /// <param name="speakerSpan">The span naming the speaker, when the text names one.</param>
    /// <param name="isMention">Whether the quotation is a mention (a word talked about, a title) rather than speech.</param>
    public Quotation(
        int index,
        TextSpan openingMark,
        TextSpan? closingMark,
        TextSpan span,
        TextSpan contentSpan,
        int depth,
        int parentIndex,
        bool isMismatched,
        TextSpan? speakerSpan,
        bool isMention)
    {
        Index = index;
        OpeningMark = openingMark;
        ClosingMark = closingMark;
        Span = span;
        ContentSpan = contentSpan;
        Depth = depth;
        ParentIndex = parentIndex;
        IsMismatched = isMismatched;
        SpeakerSpan = speakerSpan;
        IsMention = isMention;
    }

    /// <summary>The index of the opening mark's token in <see cref="DocumentModel.Tokens"/>, or -1 when not known.</summary>
    internal int OpeningToken { get; init; } = -1;

    /// <summary>The index of the closing mark's token in <see cref="DocumentModel.Tokens"/>, or -1 (open, or not known).</summary>
    internal int ClosingToken { get; init; } = -1;

    /// <summary>The index in <see cref="DocumentModel.Quotations"/>.</summary>
    public int Index { get; }

    /// <summary>The span of the opening mark.</summary>
    public TextSpan OpeningMark { get; }

    /// <summary>The span of the closing mark, or <see langword="null"/> when the quotation never closes.</summary>
    public TextSpan? ClosingMark { get; }

    /// <summary>Whether the quotation closes.</summary>
    public bool IsClosed => ClosingMark.HasValue;

    /// <summary>The whole quotation, marks included.</summary>
    public TextSpan Span { get; }

    /// <summary>The quoted words, marks excluded.</summary>
    public TextSpan ContentSpan { get; }

    /// <summary>0 for an outer quotation, 1 for one nested in it, and so on.</summary>
    public int Depth { get; }

    /// <summary>The index of the enclosing quotation, or -1.</summary>
    public int ParentIndex { get; }

    /// <summary>Whether the closing mark does not match the opening mark (a curly opening closed by a straight mark).</summary>
    public bool IsMismatched { get; }

    /// <summary>The span naming the speaker, or <see langword="null"/> when the text names none.</summary>
    public TextSpan? SpeakerSpan { get; }

    /// <summary>Whether the quotation is a mention or title rather than someone's words.</summary>
    public bool IsMention { get; }

    /// <summary>Shows the span, speaker and state.</summary>
    /// <returns>The quotation as text.</returns>
    public override string ToString() =>
        $"Quotation {Index} {Span} depth={Depth}{(IsClosed ? string.Empty : " unclosed")}{(IsMismatched ? " mismatched" : string.Empty)} speaker={SpeakerSpan?.ToString() ?? "-"}{(IsMention ? " mention" : string.Empty)}";
}

/// <summary>A maximal span of a document in one voice.</summary>
public readonly struct VoiceSpan : System.IEquatable<VoiceSpan>
{
    /// <summary>Creates a voice span.</summary>
    /// <param name="span">The span.</param>
    /// <param name="voice">Its voice.</param>
    /// <param name="quotationIndex">For a direct quote or a quoted mention, the innermost quotation; otherwise -1.</param>
    /// <param name="sourceSpan">For direct quotes and indirect speech, the span naming the speaker or source, if the text names one.</param>
    public VoiceSpan(TextSpan span, Voice voice, int quotationIndex, TextSpan? sourceSpan)
    {
        Span = span;
        Voice = voice;
        QuotationIndex = quotationIndex;
        SourceSpan = sourceSpan;
    }

    /// <summary>The span.</summary>
    public TextSpan Span { get; }

    /// <summary>Its voice.</summary>
    public Voice Voice { get; }

    /// <summary>The innermost quotation for quoted voices; otherwise -1.</summary>
    public int QuotationIndex { get; }

    /// <summary>The span naming whoever speaks, for direct quotes and indirect speech, when the text names them.</summary>
    public TextSpan? SourceSpan { get; }

    /// <inheritdoc/>
    public bool Equals(VoiceSpan other) => Span == other.Span && Voice == other.Voice && QuotationIndex == other.QuotationIndex && SourceSpan == other.SourceSpan;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is VoiceSpan other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => unchecked((Span.GetHashCode() * 31) + (int)Voice);

    /// <summary>Shows the span and voice.</summary>
    /// <returns>The voice span as text.</returns>
    public override string ToString() => $"{Voice}{Span}";

    /// <summary>Value equality.</summary>
    /// <param name="left">A voice span.</param>
    /// <param name="right">Another.</param>
    /// <returns>Whether both are equal.</returns>
    public static bool operator ==(VoiceSpan left, VoiceSpan right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    /// <param name="left">A voice span.</param>
    /// <param name="right">Another.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(VoiceSpan left, VoiceSpan right) => !left.Equals(right);
}

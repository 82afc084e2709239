using MediaRules.Text;

namespace MediaRules.Documents;

/// <summary>
/// Resolves a pronoun that stands for a source ("He explained that …") to the nearest source named before it in
/// the same paragraph or the one before. Sources must be observed in document order. When there is none, the
/// pronoun stays the source (a named one: the text identifies the person, just not here).
/// </summary>
internal sealed class PronounResolver
{
    private TextSpan _last;
    private SourceClass _lastClass = SourceClass.NotASource;
    private int _lastParagraph = int.MinValue;

    /// <summary>Remembers a source that is not a pronoun.</summary>
    /// <param name="source">Its span.</param>
    /// <param name="sourceClass">Its class.</param>
    /// <param name="paragraph">Its paragraph.</param>
    public void Observe(TextSpan source, SourceClass sourceClass, int paragraph)
    {
        if (sourceClass is SourceClass.NotASource or SourceClass.Pronoun)
        {
            return;
        }

        _last = source;
        _lastClass = sourceClass;
        _lastParagraph = paragraph;
    }

    /// <summary>The source a pronoun stands for.</summary>
    /// <param name="pronoun">The pronoun's span.</param>
    /// <param name="paragraph">Its paragraph.</param>
    /// <param name="source">The resolved span (the pronoun's own when unresolved).</param>
    /// <param name="sourceClass">The resolved class (<see cref="SourceClass.Pronoun"/> when unresolved).</param>
    public void Resolve(TextSpan pronoun, int paragraph, out TextSpan source, out SourceClass sourceClass)
    {
        if (_lastClass != SourceClass.NotASource && _last.End <= pronoun.Start && paragraph - _lastParagraph <= 1)
        {
            source = _last;
            sourceClass = _lastClass;
            return;
        }

        source = pronoun;
        sourceClass = SourceClass.Pronoun;
    }
}

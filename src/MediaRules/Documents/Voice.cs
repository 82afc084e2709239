namespace MediaRules.Documents;

/// <summary>Whose voice a span of text is in.</summary>
public enum Voice
{
    /// <summary>The writer's own voice.</summary>
    Narrative = 0,

    /// <summary>Inside quotation marks: the words of a speaker (named or not).</summary>
    DirectQuote = 1,

    /// <summary>A clause attributed to a named source by a reporting verb or "according to" ("Halevi argued that …").</summary>
    IndirectSpeech = 2,

    /// <summary>A word talked about ("the word “hostage”") or the quoted title of a work.</summary>
    Mention = 3,
}

/// <summary>How a sentence is sourced.</summary>
public enum SourceKind
{
    /// <summary>No source is given.</summary>
    None = 0,

    /// <summary>A named person, organisation or outlet ("Netanyahu said", "according to the Ministry of Health").</summary>
    Named = 1,

    /// <summary>A source that is deliberately not named ("sources with direct knowledge", "officials speaking on condition of anonymity").</summary>
    Anonymous = 2,

    /// <summary>A vague or weasel attribution ("reportedly", "reports suggest", "it is believed", "critics say").</summary>
    Vague = 3,
}

/// <summary>The kind of a token.</summary>
public enum TokenKind
{
    /// <summary>A word: letters, with inner apostrophes, hyphens and periods of abbreviations (U.S., don't, Al-Quds).</summary>
    Word = 0,

    /// <summary>A number, with inner separators (18,000; 3.5; 0500).</summary>
    Number = 1,

    /// <summary>A quotation mark (straight or curly, double or single, guillemets).</summary>
    QuoteMark = 2,

    /// <summary>Any other punctuation or symbol.</summary>
    Punctuation = 3,
}

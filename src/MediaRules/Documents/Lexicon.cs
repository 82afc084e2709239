using System;
using System.Collections.Generic;
using System.Linq;

namespace MediaRules.Documents;

/// <summary>What the lexicon knows about one form of a reporting verb.</summary>
[Flags]
internal enum VerbTraits
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>A form with a subject of its own (says, said, told).</summary>
    Finite = 1,

    /// <summary>An -ing form that leans on an earlier clause ("…, saying, “…”").</summary>
    Participle = 2,

    /// <summary>Reports speech only next to a quote, a colon or "that" ("Blinken added:", not "as the war continues").</summary>
    QuoteOnly = 4,
}

/// <summary>A fixed phrase of the lexicon (“some reports suggest”) and which of its words name the source.</summary>
internal sealed class Phrase
{
    /// <summary>Creates a phrase from text in which the source words are in brackets: "[some reports] suggest".</summary>
    /// <param name="pattern">The phrase.</param>
    /// <param name="kind">The kind of source the phrase signals.</param>
    public Phrase(string pattern, SourceKind kind)
    {
        var words = new List<string>();
        SourceFirst = -1;
        SourceEnd = -1;
        foreach (var raw in pattern.Split(' '))
        {
            var word = raw;
            if (word.StartsWith("[", StringComparison.Ordinal))
            {
                SourceFirst = words.Count;
                word = word.Substring(1);
            }

            var closes = word.EndsWith("]", StringComparison.Ordinal);
            if (closes)
            {
                word = word.Substring(0, word.Length - 1);
            }

            words.Add(TokenText.Normalize(word.AsSpan()));
            if (closes)
            {
                SourceEnd = words.Count;
            }
        }

        Words = words.ToArray();
        Kind = kind;
    }

    /// <summary>The normalized words.</summary>
    public string[] Words { get; }

    /// <summary>The kind of source the phrase signals.</summary>
    public SourceKind Kind { get; }

    /// <summary>The index of the first source word, or -1 when the phrase names no source ("reportedly").</summary>
    public int SourceFirst { get; }

    /// <summary>The index after the last source word, or -1.</summary>
    public int SourceEnd { get; }
}

/// <summary>
/// The word lists of the document model, in one place: reporting verbs, abbreviations, pronouns, source nouns, the
/// anonymous and vague cue phrases, and the words that introduce a mention or a title. Every list is matched in
/// the matching form of <see cref="TokenText"/> (lower case, straight apostrophes).
/// </summary>
internal static class Lexicon
{
    /// <summary>Reporting verbs and their inflections.</summary>
    public static WordTable<VerbTraits> ReportingVerbs { get; } = BuildVerbs(
        "say says said saying",
        "tell tells told telling",
        "add adds added adding *",
        "explain explains explained explaining",
        "argue argues argued arguing",
        "state states stated stating",
        "note notes noted noting",
        "report reports reported reporting",
        "reply replies replied replying *",
        "continue continues continued continuing *",
        "answer answers answered answering *",
        "respond responds responded responding *",
        "ask asks asked asking *",
        "warn warns warned warning",
        "claim claims claimed claiming",
        "insist insists insisted insisting",
        "admit admits admitted admitting",
        "reaffirm reaffirms reaffirmed reaffirming",
        "announce announces announced announcing",
        "write writes wrote written writing",
        "urge urges urged urging",
        "caution cautions cautioned cautioning",
        "inform informs informed informing",
        "stress stresses stressed stressing",
        "emphasize emphasizes emphasized emphasizing",
        "emphasise emphasises emphasised emphasising",
        "confirm confirms confirmed confirming",
        "deny denies denied denying",
        "acknowledge acknowledges acknowledged acknowledging",
        "reveal reveals revealed revealing",
        "declare declares declared declaring",
        "assert asserts asserted asserting",
        "remark remarks remarked remarking *",
        "call calls called calling *",
        "describe describes described describing *",
        "dub dubs dubbed dubbing *",
        "term terms termed terming *",
        "label labels labelled labeled labelling labeling *",
        "brand brands branded branding *",
        "chant chants chanted chanting *",
        "shout shouts shouted shouting *");

    /// <summary>Words that a period after them never ends a sentence (case-insensitive; "No." only before a number).</summary>
    public static WordSet Abbreviations { get; } = new(
        "gen mr mrs ms mx dr prof sen sens rep reps gov lt col capt sgt cpl pvt maj brig adm cmdr rev hon messrs",
        "st jr sr mt ft ave blvd",
        "jan feb mar apr jun jul aug sep sept oct nov dec no nos vs etc inc ltd co corp dept est approx fig vol");

    /// <summary>Subject pronouns that can stand for a speaker.</summary>
    public static WordSet SubjectPronouns { get; } = new("he she they it");

    /// <summary>Forms of "be": before a past participle they make it passive ("was announced").</summary>
    public static WordSet BeAuxiliaries { get; } = new("is are was were be been being am");

    /// <summary>Auxiliaries and adverbs that may stand between a subject and its verb ("has also said").</summary>
    public static WordSet VerbModifiers { get; } = new(
        "has have had will would could can may might should shall must did does do not never",
        "also then later further previously once again earlier recently repeatedly just only subsequently publicly",
        "privately separately immediately quickly firmly clearly directly personally officially reportedly allegedly",
        "purportedly reputedly supposedly apparently already since");

    /// <summary>Words ending in -ly that are not adverbs ("the family said").</summary>
    public static WordSet LyNouns { get; } = new(
        "family ally rally assembly supply monopoly anomaly bully folly jelly belly lily reply apply comply imply",
        "italy july holy daily weekly monthly quarterly elderly");

    /// <summary>Adverbs that make a named clause vague ("Halevi reportedly informed …").</summary>
    public static WordSet VagueAdverbs { get; } = new("reportedly allegedly purportedly reputedly supposedly");

    /// <summary>Words that end a subject phrase when reading back from its verb.</summary>
    public static WordSet SubjectBoundaries { get; } = new(
        "and but or nor that which who whom whose while when whereas as because since although though if whether",
        "after before until so yet where than is are was were be been has have had not to said says told");

    /// <summary>Sentence openers and adverbs trimmed from the start of a subject phrase ("Here Netanyahu answered").</summary>
    public static WordSet LeadingTrim { get; } = new(
        "here there then now meanwhile however also later earlier today yesterday tonight still instead moreover",
        "furthermore additionally finally separately thus so and but yet indeed in on at for from by with of to",
        "during following after before under over about");

    /// <summary>Function words: never a name even when capitalized, never the head of a source phrase.</summary>
    public static WordSet FunctionWords { get; } = new(
        "the a an this that these those his her its their our my your some any each every no all both either neither",
        "of in on at for from with by to as into about over under between among through against without within",
        "and or but nor here there then now");

    /// <summary>Words after which a source phrase's head noun has ended ("sources [with direct knowledge]").</summary>
    public static WordSet HeadBoundaries { get; } = new(
        "with who whom which that familiar speaking close briefed knowledgeable involved in at from of for on within inside across");

    /// <summary>Head nouns of a source that is not named ("sources", "a senior official").</summary>
    public static WordSet AnonymousHeads { get; } = new(
        "source sources official officials insider insiders person people diplomat diplomats aide aides individual individuals");

    /// <summary>Head nouns of a vague source ("critics", "some reports").</summary>
    public static WordSet VagueHeads { get; } = new(
        "critics experts observers analysts commentators reports rumors rumours some many others media");

    /// <summary>Lower-case nouns that name a source well enough when the text gives no name ("the broadcaster said").</summary>
    public static WordSet SourceNouns { get; } = new(
        "broadcaster ministry minister army military government administration spokesman spokeswoman spokesperson",
        "president office department agency newspaper paper channel network outlet statement police prosecutor",
        "prosecutors court judge lawyer lawyers group organization organisation company council committee commission",
        "authority authorities foundation institute union embassy envoy ambassador secretary chief commander general",
        "correspondent reporter editor daily website leader mayor governor senator lawmaker lawmakers legislator cabinet",
        "movement party palace kremlin");

    /// <summary>Nouns that name no source after "according to" ("according to plan").</summary>
    public static WordSet NotSources { get; } = new("plan plans schedule expectations custom tradition");

    /// <summary>Words that end a source phrase read forward ("said Netanyahu [on] Thursday").</summary>
    public static WordSet AfterStops { get; } = new(
        "on in at during after before while when who which that to as and but with from for citing adding noting",
        "saying explaining said says told is was are were has had have would will");

    /// <summary>Words right before a quotation that make it a mention or a title ("the word “hostage”").</summary>
    public static WordSet MentionCues { get; } = new(
        "word words term terms phrase phrases expression expressions label labels slogan slogans headline hashtag",
        "titled entitled headlined book novel film movie documentary song album article essay column op-ed poem",
        "series episode podcast programme program");

    /// <summary>Phrases that introduce a source after them ("according to the ministry", "as reported by Qatar").</summary>
    public static PhraseTable SourceIntroducers { get; } = new(
        new Phrase("according to", SourceKind.Named),
        new Phrase("reported by", SourceKind.Named),
        new Phrase("cited by", SourceKind.Named),
        new Phrase("quoted by", SourceKind.Named),
        new Phrase("citing", SourceKind.Named));

    /// <summary>Phrases that mark a source as deliberately anonymous.</summary>
    public static PhraseTable AnonymousPhrases { get; } = new(
        Phrases(
            SourceKind.Anonymous,
            "on condition of anonymity",
            "on the condition of anonymity",
            "asked not to be named",
            "asked not to be identified",
            "declined to be named",
            "declined to be identified",
            "requested anonymity",
            "not authorized to speak",
            "not authorised to speak",
            "familiar with the matter",
            "familiar with the discussions",
            "familiar with the talks",
            "familiar with the plans",
            "familiar with the negotiations",
            "familiar with the situation",
            "with direct knowledge",
            "with knowledge of",
            "[sources] close to",
            "[a source] close to",
            "[unnamed sources]",
            "[unnamed officials]",
            "[anonymous sources]",
            "[an anonymous source]",
            "[people familiar]",
            "[a person familiar]",
            "[sources familiar]"));

    /// <summary>Phrases that mark a vague or weasel attribution.</summary>
    public static PhraseTable VaguePhrases { get; } = new(
        Phrases(
            SourceKind.Vague,
            "reportedly",
            "allegedly",
            "purportedly",
            "[reports] suggest",
            "[reports] indicate",
            "[some reports] suggest",
            "[some reports] say",
            "[some reports] indicate",
            "[some reports]",
            "[multiple reports]",
            "[several reports]",
            "[media reports]",
            "[unconfirmed reports]",
            "according to [reports]",
            "according to [media reports]",
            "[sources] indicate",
            "[sources] suggest",
            "it is believed",
            "it is said",
            "it is understood",
            "it is thought",
            "it is reported",
            "it was reported",
            "it was believed",
            "it was revealed",
            "it is claimed",
            "it is alleged",
            "it has been reported",
            "it has been said",
            "it is widely believed",
            "is thought to",
            "are thought to",
            "was thought to",
            "is believed to",
            "are believed to",
            "is said to",
            "are said to",
            "is reported to",
            "is understood to",
            "widely believed",
            "[critics] say",
            "[critics] said",
            "[critics] argue",
            "[experts] say",
            "[experts] said",
            "[experts] believe",
            "[observers] say",
            "[observers] said",
            "[observers] believe",
            "[analysts] say",
            "[analysts] said",
            "[analysts] believe",
            "[commentators] say",
            "[many people] believe",
            "[many] believe",
            "[some people] say",
            "[some] say",
            "[people] say",
            "[some] have said",
            "[many] have said",
            "there are reports"));

    private static WordTable<VerbTraits> BuildVerbs(params string[] lines)
    {
        var items = new List<KeyValuePair<string, VerbTraits>>();
        foreach (var line in lines)
        {
            var words = line.Split(' ');
            var quoteOnly = words[words.Length - 1] == "*" ? VerbTraits.QuoteOnly : VerbTraits.None;
            foreach (var word in words)
            {
                if (word == "*")
                {
                    continue;
                }

                var form = word.EndsWith("ing", StringComparison.Ordinal) ? VerbTraits.Participle : VerbTraits.Finite;
                items.Add(new KeyValuePair<string, VerbTraits>(word, form | quoteOnly));
            }
        }

        return new WordTable<VerbTraits>(items);
    }

    private static Phrase[] Phrases(SourceKind kind, params string[] patterns)
    {
        var result = new Phrase[patterns.Length];
        for (var i = 0; i < patterns.Length; i++)
        {
            result[i] = new Phrase(patterns[i], kind);
        }

        return result;
    }

    /// <summary>
    /// Every word a cue can start with: the first words of <see cref="SourceIntroducers"/>, <see cref="AnonymousPhrases"/>
    /// and <see cref="VaguePhrases"/>, and <see cref="ReportingVerbs"/>. Its filter rules out most words of a sentence
    /// with one bit, before any of those tables is read.
    /// </summary>
    /// <remarks>Declared last: the tables it reads are initialized before it.</remarks>
    public static WordTable<bool> CueStarts { get; } = new(
        SourceIntroducers.FirstWords.Concat(AnonymousPhrases.FirstWords).Concat(VaguePhrases.FirstWords)
            .Concat(ReportingVerbs.Pairs.Select(static p => p.Key))
            .Select(static w => new KeyValuePair<string, bool>(w, true)));
}

/// <summary>Phrases indexed by their first word, matched against consecutive word tokens.</summary>
internal sealed class PhraseTable
{
    private readonly WordTable<Phrase[]> _byFirstWord;

    /// <summary>Builds a table.</summary>
    /// <param name="phrases">The phrases.</param>
    public PhraseTable(params Phrase[] phrases)
    {
        var groups = new Dictionary<string, List<Phrase>>(StringComparer.Ordinal);
        foreach (var phrase in phrases)
        {
            if (!groups.TryGetValue(phrase.Words[0], out var list))
            {
                list = new List<Phrase>();
                groups.Add(phrase.Words[0], list);
            }

            list.Add(phrase);
        }

        var items = new List<KeyValuePair<string, Phrase[]>>();
        foreach (var group in groups)
        {
            // Longest first, so "according to media reports" wins over "according to reports".
            group.Value.Sort(static (a, b) => b.Words.Length.CompareTo(a.Words.Length));
            items.Add(new KeyValuePair<string, Phrase[]>(group.Key, group.Value.ToArray()));
        }

        _byFirstWord = new WordTable<Phrase[]>(items);
    }

    /// <summary>The first words of the phrases (normalized).</summary>
    public IEnumerable<string> FirstWords => _byFirstWord.Pairs.Select(static p => p.Key);

    /// <summary>The longest phrase that starts at a token, within <paramref name="end"/>.</summary>
    /// <param name="tokens">The tokens.</param>
    /// <param name="index">The first token.</param>
    /// <param name="end">The token index the phrase must end by.</param>
    /// <returns>The phrase, or <see langword="null"/>.</returns>
    public Phrase? Match(TokenStream tokens, int index, int end) =>
        tokens.IsWord(index) ? Match(tokens, index, end, tokens.WordHash(index)) : null;

    /// <summary>As <see cref="Match(TokenStream, int, int)"/>, for a word token whose normalized hash the caller already has.</summary>
    /// <param name="tokens">The tokens.</param>
    /// <param name="index">The first token (a word).</param>
    /// <param name="end">The token index the phrase must end by.</param>
    /// <param name="hash">The first token's <see cref="TokenText.GetNormalizedHashCode"/>.</param>
    /// <returns>The phrase, or <see langword="null"/>.</returns>
    public Phrase? Match(TokenStream tokens, int index, int end, int hash)
    {
        if (!_byFirstWord.TryGetValue(tokens.Chars(index), hash, out var candidates))
        {
            return null;
        }

        foreach (var phrase in candidates)
        {
            if (index + phrase.Words.Length > end)
            {
                continue;
            }

            var ok = true;
            for (var k = 1; k < phrase.Words.Length && ok; k++)
            {
                ok = tokens.IsWord(index + k) && TokenText.EqualsNormalized(tokens.Chars(index + k), phrase.Words[k]);
            }

            if (ok)
            {
                return phrase;
            }
        }

        return null;
    }
}

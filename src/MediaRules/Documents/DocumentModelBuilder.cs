using MediaRules.Text;

namespace MediaRules.Documents;

/// <summary>
/// Builds a <see cref="DocumentModel"/> stage by stage, each stage one linear pass: tokens, paragraphs, sentences,
/// quotations, mentions, direct speakers, attribution and indirect speech (with pronoun resolution and speaker
/// inheritance), then voice. Offsets are UTF-16 code units into the original text, which is never copied.
/// </summary>
internal static class DocumentModelBuilder
{
    /// <summary>Builds the model of a text.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The model.</returns>
    public static DocumentModel Build(SourceText text) => Build(text, sourcing: true);

    /// <summary>
    /// Builds the model of a text; without <paramref name="sourcing"/>, leaves out direct speakers, attribution and
    /// indirect speech (every sentence unsourced, every quotation without a speaker, no indirect clause), for rules
    /// that do not read them. Such a model is never handed out: results built on it carry a full model made on demand.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="sourcing">Whether to find speakers and attribution.</param>
    /// <returns>The model.</returns>
    public static DocumentModel Build(SourceText text, bool sourcing) => Build(text, sourcing, pooled: false);

    /// <summary>
    /// Builds the model of a text (see <see cref="Build(SourceText, bool)"/>); with <paramref name="pooled"/>, its
    /// per-token arrays (a long text's are large objects, fresh memory at every analysis) are buffers rented from the
    /// shared pool, which the caller gives back with <see cref="DocumentModel.ReturnBuffers"/> once nothing reads the
    /// model: for a model the engine builds for one analysis and never hands out.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="sourcing">Whether to find speakers and attribution.</param>
    /// <param name="pooled">Whether the per-token arrays are rented.</param>
    /// <returns>The model.</returns>
    public static DocumentModel Build(SourceText text, bool sourcing, bool pooled) => Build(text, new TextSpan(0, text.Length), sourcing, pooled);

    /// <summary>
    /// Builds the model of a stretch of a text (see <see cref="Build(SourceText, bool, bool)"/>): the paragraphs of
    /// <paramref name="range"/>, which starts a line and ends one, as if they were the whole text, at their positions in
    /// the whole text, without copying it. Its <see cref="DocumentModel.Text"/> is the whole text.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="range">The stretch: from the start of a line to the end of a line (after its break) or of the text.</param>
    /// <param name="sourcing">Whether to find speakers and attribution.</param>
    /// <param name="pooled">Whether the per-token arrays are rented.</param>
    /// <returns>The model.</returns>
    public static DocumentModel Build(SourceText text, TextSpan range, bool sourcing, bool pooled) => Build(text, range, sourcing, pooled, fastPaths: true);

    /// <summary>
    /// <see cref="Build(SourceText, TextSpan, bool, bool)"/>; without <paramref name="fastPaths"/>, the tokenizer reads
    /// every character with its general tests and the cue finder looks at every word, not only where the tokenizer
    /// marked that a cue may start: the model must be the same, which tests check.
    /// </summary>
    internal static DocumentModel Build(SourceText text, TextSpan range, bool sourcing, bool pooled, bool fastPaths)
    {
        var content = text.ToString();
        // The tokenizer hashes every token's stem as it goes: the cue finder looks words up by them, and term matching
        // (with or without sourcing) again.
        // The words where a cue may start are marked only for the attribution that reads them.
        var tokenArray = Tokenizer.Tokenize(content, range, pooled, fastPaths, markCues: sourcing, out var count, out var hashes, out var suffixed, out var cueCount, out var cueStarts);
        var stems = new TokenStems(text, tokenArray, count, hashes, suffixed, rented: pooled);
        var tokens = new TokenStream(content, tokenArray, count, stems);
        var paragraphInfos = ParagraphSplitter.Split(text, tokens);
        var sentenceInfos = SentenceSplitter.Split(tokens, paragraphInfos, out var sentenceCount); // a pooled buffer, returned below
        var quoteInfos = QuotationScanner.Scan(tokens, paragraphInfos);
        AssignSentences(quoteInfos, sentenceInfos, sentenceCount);
        MentionDetector.Mark(tokens, quoteInfos, paragraphInfos);
        Attribution[] attributions;
        IndirectClause[] clauses;
        if (sourcing)
        {
            SpeakerFinder.FindDirect(tokens, quoteInfos, sentenceInfos, paragraphInfos);
            attributions = AttributionAnalyzer.Analyze(tokens, sentenceInfos, sentenceCount, quoteInfos, fastPaths ? cueStarts : null, cueCount, out clauses);
        }
        else
        {
            attributions = new Attribution[sentenceCount];
            for (var i = 0; i < attributions.Length; i++)
            {
                attributions[i] = Attribution.None;
            }

            clauses = System.Array.Empty<IndirectClause>();
        }

        System.Buffers.ArrayPool<int>.Shared.Return(cueStarts);

        var voices = VoiceAnalyzer.Build(paragraphInfos, quoteInfos, clauses, pooled, out var voiceCount);

        var model = new DocumentModel(
            text,
            tokenArray,
            count,
            pooled,
            CreateParagraphs(paragraphInfos, sentenceInfos, sentenceCount),
            CreateSentences(sentenceInfos, sentenceCount, attributions),
            CreateQuotations(tokens, quoteInfos),
            voices,
            voiceCount,
            stems);
        System.Buffers.ArrayPool<SentenceInfo>.Shared.Return(sentenceInfos);
        return model;
    }

    private static void AssignSentences(QuoteInfo[] quotes, SentenceInfo[] sentences, int sentenceCount)
    {
        var s = 0;
        foreach (var quote in quotes)
        {
            while (s < sentenceCount && sentences[s].TokenEnd <= quote.OpenToken)
            {
                s++;
            }

            quote.Sentence = s;
        }
    }

    private static Paragraph[] CreateParagraphs(ParagraphInfo[] infos, SentenceInfo[] sentences, int sentenceCount)
    {
        var paragraphs = new Paragraph[infos.Length];
        var s = 0;
        for (var p = 0; p < infos.Length; p++)
        {
            var first = s;
            while (s < sentenceCount && sentences[s].Paragraph == p)
            {
                s++;
            }

            paragraphs[p] = new Paragraph(p, infos[p].Span, infos[p].IsHeadline, first, s - first);
        }

        return paragraphs;
    }

    private static Sentence[] CreateSentences(SentenceInfo[] infos, int count, Attribution[] attributions)
    {
        var sentences = new Sentence[count];
        for (var i = 0; i < count; i++)
        {
            sentences[i] = new Sentence(i, infos[i].Span, infos[i].Paragraph, attributions[i]);
        }

        return sentences;
    }

    private static Quotation[] CreateQuotations(TokenStream tokens, QuoteInfo[] infos)
    {
        var quotations = new Quotation[infos.Length];
        for (var i = 0; i < infos.Length; i++)
        {
            var q = infos[i];
            quotations[i] = new Quotation(
                q.Index,
                tokens.Span(q.OpenToken),
                q.IsClosed ? tokens.Span(q.CloseToken) : null,
                q.Span,
                q.Content,
                q.Depth,
                q.Parent,
                q.IsMismatched,
                q.IsMention ? null : q.Speaker,
                q.IsMention)
            {
                OpeningToken = q.OpenToken,
                ClosingToken = q.IsClosed ? q.CloseToken : -1,
            };
        }

        return quotations;
    }
}

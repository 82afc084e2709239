using System;
using System.Collections.Generic;
using MediaRules.Text;

namespace MediaRules.Documents;

/// <summary>
/// The text model of one document: paragraphs, sentences (with how each is sourced), tokens, quotations (with
/// their speakers) and the voice of every span. Immutable and safe to read from many threads. Rules query it;
/// embedding apps can read it to see who said what.
/// </summary>
public sealed class DocumentModel
{
    private Token[] _tokens;
    private int _tokenCount;
    private IReadOnlyList<Token> _tokenList;
    private bool _pooled;
    private readonly Paragraph[] _paragraphs;
    private readonly Sentence[] _sentences;
    private readonly Quotation[] _quotations;
    private VoiceSpan[] _voiceSpans;
    private int _voiceCount;
    private IReadOnlyList<VoiceSpan> _voiceList;
    private readonly int[] _paragraphStarts;
    private readonly int[] _sentenceStarts;
    private readonly int[] _quotationStarts;
    private int[] _voiceStarts; // the first _voiceCount items
    private TokenStems? _stems;
    private int[]? _regexCaseTraps;

    // The last answer of GetFirstTokenIndexAtOrAfter (an int: read and written whole by any thread; always checked).
    private int _tokenHint;

    internal DocumentModel(SourceText text, Token[] tokens, Paragraph[] paragraphs, Sentence[] sentences, Quotation[] quotations, VoiceSpan[] voiceSpans)
        : this(text, tokens, tokens.Length, pooled: false, paragraphs, sentences, quotations, voiceSpans, voiceSpans.Length, stems: null)
    {
    }

    /// <summary>
    /// A model whose tokens are the first <paramref name="tokenCount"/> items of <paramref name="tokens"/> and whose
    /// voice spans the first <paramref name="voiceCount"/> of <paramref name="voiceSpans"/>; with
    /// <paramref name="pooled"/>, those arrays and the stems' hashes are rented buffers, which
    /// <see cref="ReturnBuffers"/> gives back.
    /// </summary>
    internal DocumentModel(SourceText text, Token[] tokens, int tokenCount, bool pooled, Paragraph[] paragraphs, Sentence[] sentences, Quotation[] quotations, VoiceSpan[] voiceSpans, int voiceCount, TokenStems? stems)
    {
        _stems = stems;
        Text = text;
        _tokens = tokens;
        _tokenCount = tokenCount;
        _tokenList = tokenCount == tokens.Length ? tokens : new ArraySegment<Token>(tokens, 0, tokenCount);
        _pooled = pooled;
        _paragraphs = paragraphs;
        _sentences = sentences;
        _quotations = quotations;
        _voiceSpans = voiceSpans;
        _voiceCount = voiceCount;
        _voiceList = voiceCount == voiceSpans.Length ? voiceSpans : new ArraySegment<VoiceSpan>(voiceSpans, 0, voiceCount);
        _paragraphStarts = Starts(paragraphs, paragraphs.Length, pooled: false, static p => p.Span.Start);
        _sentenceStarts = Starts(sentences, sentences.Length, pooled: false, static s => s.Span.Start);
        _quotationStarts = Starts(quotations, quotations.Length, pooled: false, static q => q.Span.Start);
        _voiceStarts = Starts(voiceSpans, voiceCount, pooled, static v => v.Span.Start);
    }

    /// <summary>The document's text.</summary>
    public SourceText Text { get; }

    /// <summary>The tokens in document order (whitespace is not a token).</summary>
    public IReadOnlyList<Token> Tokens => _tokenList;

    /// <summary>The tokens as a span, for loops over every token (no interface call per token).</summary>
    internal ReadOnlySpan<Token> TokenSpan => new(_tokens, 0, _tokenCount);

    /// <summary>The paragraphs in document order.</summary>
    public IReadOnlyList<Paragraph> Paragraphs => _paragraphs;

    /// <summary>The sentences in document order.</summary>
    public IReadOnlyList<Sentence> Sentences => _sentences;

    /// <summary>The quotations in document order of their opening marks.</summary>
    public IReadOnlyList<Quotation> Quotations => _quotations;

    /// <summary>The voice spans: sorted, not overlapping, covering every paragraph.</summary>
    public IReadOnlyList<VoiceSpan> VoiceSpans => _voiceList;

    /// <summary>Each token's matching form: the token without a possessive suffix, and its normalized hash.</summary>
    internal TokenStems Stems => System.Threading.Volatile.Read(ref _stems) ?? System.Threading.LazyInitializer.EnsureInitialized(ref _stems, () => new TokenStems(Text, _tokens, _tokenCount))!;

    /// <summary>The start of each sentence, in order.</summary>
    internal ReadOnlySpan<int> SentenceStarts => _sentenceStarts;

    /// <summary>
    /// Where the model's paragraphs hold a character that case-insensitive regex matching may equate with an ASCII letter
    /// (<see cref="Matching.RegexPrefilter.CaseTraps"/>), ascending: found once, for every pattern's prefilter.
    /// </summary>
    internal int[] RegexCaseTraps
    {
        get
        {
            // Computed on first use; two threads asking at once compute the same array, and either may be kept.
            var traps = System.Threading.Volatile.Read(ref _regexCaseTraps);
            if (traps is null)
            {
                var range = _paragraphs.Length == 0 ? default : TextSpan.FromBounds(_paragraphs[0].Span.Start, _paragraphs[_paragraphs.Length - 1].Span.End);
                traps = Matching.RegexPrefilter.FindCaseTraps(Text.ToString(), range);
                System.Threading.Volatile.Write(ref _regexCaseTraps, traps);
            }

            return traps;
        }
    }

    /// <summary>The start of each quotation, in order.</summary>
    internal ReadOnlySpan<int> QuotationStarts => _quotationStarts;

    /// <summary>The start of each voice span, in order.</summary>
    internal ReadOnlySpan<int> VoiceStarts => _voiceStarts.AsSpan(0, _voiceCount);

    /// <summary>The headline: the first paragraph when it is one line with no final period.</summary>
    public Paragraph? Headline => _paragraphs.Length > 0 && _paragraphs[0].IsHeadline ? _paragraphs[0] : null;

    /// <summary>Builds the model of a text.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The model.</returns>
    public static DocumentModel Create(SourceText text)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        return DocumentModelBuilder.Build(text);
    }

    /// <summary>The text of a span.</summary>
    /// <param name="span">A span of the document.</param>
    /// <returns>Its characters.</returns>
    public string GetText(TextSpan span) => Text.ToString(span);

    /// <summary>The paragraph that holds a position, or <see langword="null"/> between paragraphs.</summary>
    /// <param name="position">A position.</param>
    /// <returns>The paragraph.</returns>
    public Paragraph? GetParagraph(int position)
    {
        var i = SortedStarts.FindLast(_paragraphStarts, position);
        return i >= 0 && (_paragraphs[i].Span.Contains(position) || _paragraphs[i].Span.End == position) ? _paragraphs[i] : null;
    }

    /// <summary>The sentence that holds a position, or <see langword="null"/> between sentences.</summary>
    /// <param name="position">A position.</param>
    /// <returns>The sentence.</returns>
    public Sentence? GetSentence(int position)
    {
        var noHint = -1; // out of range: a search of the whole array
        return GetSentence(position, ref noHint);
    }

    /// <summary>The voice span that holds a position; positions outside every paragraph are narrative.</summary>
    /// <param name="position">A position.</param>
    /// <returns>The voice span.</returns>
    public VoiceSpan GetVoiceSpan(int position)
    {
        var noHint = -1; // out of range: a search of the whole array
        return GetVoiceSpan(position, ref noHint);
    }

    /// <summary>
    /// <see cref="GetVoiceSpan(int)"/> for a caller that asks mostly in document order: <paramref name="hint"/> (0 at
    /// first) keeps the index found last, from which the search starts.
    /// </summary>
    internal VoiceSpan GetVoiceSpan(int position, ref int hint)
    {
        var i = SortedStarts.FindLast(VoiceStarts, position, ref hint);
        return i >= 0 && _voiceSpans[i].Span.Contains(position)
            ? _voiceSpans[i]
            : new VoiceSpan(new TextSpan(position, 0), Voice.Narrative, -1, null);
    }

    /// <summary><see cref="GetSentence(int)"/> for a caller that asks mostly in document order (see <see cref="GetVoiceSpan(int, ref int)"/>).</summary>
    internal Sentence? GetSentence(int position, ref int hint)
    {
        var i = SortedStarts.FindLast(_sentenceStarts, position, ref hint);
        return i >= 0 && (_sentences[i].Span.Contains(position) || _sentences[i].Span.End == position) ? _sentences[i] : null;
    }

    /// <summary>The voice at a position.</summary>
    /// <param name="position">A position.</param>
    /// <returns>The voice.</returns>
    public Voice GetVoice(int position) => GetVoiceSpan(position).Voice;

    /// <summary>The innermost quotation that holds a position (marks included), or <see langword="null"/>.</summary>
    /// <param name="position">A position.</param>
    /// <returns>The quotation.</returns>
    public Quotation? GetInnermostQuotation(int position)
    {
        Quotation? best = null;
        var i = SortedStarts.FindLast(_quotationStarts, position);
        for (; i >= 0; i--)
        {
            var q = _quotations[i];
            if (q.Span.Contains(position) && (best is null || q.Depth > best.Depth))
            {
                best = q;
            }

            if (q.Depth == 0 && q.Span.End <= position)
            {
                break;
            }
        }

        return best;
    }

    /// <summary>The index of the first token that ends after <paramref name="position"/>.</summary>
    /// <param name="position">A position.</param>
    /// <returns>A token index, or <see cref="Tokens"/>.Count when none does.</returns>
    public int GetFirstTokenIndexAtOrAfter(int position)
    {
        // Rules ask in document order, mostly some tokens after (or, going back to a quotation's content, before) the
        // last answer: gallop from it (any thread's answer is a valid start) to a window that holds the answer, then
        // search that window; a long document's tokens are megabytes, and a search of them all misses the cache.
        int lo = 0, hi = _tokenCount;
        var hint = _tokenHint;
        if ((uint)hint <= (uint)hi)
        {
            if (hint == 0 || _tokens[hint - 1].Span.End <= position)
            {
                // The answer is hint or after it: steps of 1, 2, 4… until a token ends after the position.
                lo = hint;
                var window = false;
                for (var step = 1; lo < hi && _tokens[lo].Span.End <= position; step <<= 1)
                {
                    var next = lo + step;
                    if (next >= hi || _tokens[next].Span.End > position)
                    {
                        (lo, hi, window) = (lo + 1, Math.Min(next, hi), true); // the answer lies in lo + 1 … next
                        break;
                    }

                    lo = next + 1;
                }

                if (!window)
                {
                    hi = lo; // tokens[lo] ends after the position (or lo is the end): the answer
                }
            }
            else
            {
                // The answer is before hint (tokens[hint - 1] ends after the position): the same steps back.
                hi = hint - 1;
                var window = false;
                for (var step = 1; hi > 0 && _tokens[hi - 1].Span.End > position; step <<= 1)
                {
                    var next = hi - step;
                    if (next <= 0 || _tokens[next - 1].Span.End <= position)
                    {
                        (lo, hi, window) = (Math.Max(next, 0), hi - 1, true); // the answer lies in next … hi - 1
                        break;
                    }

                    hi = next - 1;
                }

                if (!window)
                {
                    lo = hi; // tokens[hi - 1] ends at or before the position (or hi is 0): the answer
                }
            }
        }

        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_tokens[mid].Span.End <= position)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        _tokenHint = lo;
        return lo;
    }

    /// <summary>
    /// Gives the rented buffers of a model built with them (see
    /// <see cref="DocumentModelBuilder.Build(SourceText, bool, bool)"/>) back to the pool; the model then has no tokens
    /// and no voice spans. Only its owner calls this, once nothing reads the model any more: the engine, for a model it
    /// built for one analysis and never hands out.
    /// </summary>
    internal void ReturnBuffers()
    {
        if (!_pooled)
        {
            return;
        }

        _pooled = false;
        var tokens = _tokens;
        _tokens = Array.Empty<Token>();
        _tokenCount = 0;
        _tokenList = _tokens;
        _tokenHint = 0;
        _stems?.ReturnBuffer();
        System.Buffers.ArrayPool<Token>.Shared.Return(tokens);
        var voices = _voiceSpans;
        var voiceStarts = _voiceStarts;
        _voiceSpans = Array.Empty<VoiceSpan>();
        _voiceCount = 0;
        _voiceList = _voiceSpans;
        _voiceStarts = Array.Empty<int>();
        System.Buffers.ArrayPool<VoiceSpan>.Shared.Return(voices);
        System.Buffers.ArrayPool<int>.Shared.Return(voiceStarts);
    }

    // The starts of the first count items, in an exact array or, with pooled, a rented one.
    private static int[] Starts<T>(T[] items, int count, bool pooled, Func<T, int> key)
    {
        var starts = pooled ? System.Buffers.ArrayPool<int>.Shared.Rent(count) : new int[count];
        for (var i = 0; i < count; i++)
        {
            starts[i] = key(items[i]);
        }

        return starts;
    }
}

/// <summary>
/// Per token: its stem (the token without a possessive suffix), computed when asked, and the stem's normalized hash,
/// computed for every token at the first question (term matching looks every token up, and candidates again): four
/// bytes a token, which a long text pays per stretch, not for the whole (see StretchAnalysis).
/// </summary>
internal sealed class TokenStems
{
    private readonly SourceText _text;
    private readonly Token[] _tokens;
    private readonly int _count;
    private int[]? _hashes;
    private ulong[]? _suffixed; // set before _hashes: a thread that sees the hashes sees it too
    private bool _rented;

    /// <summary>The stems of the first <paramref name="count"/> tokens of an array, whose hashes are computed when first asked.</summary>
    public TokenStems(SourceText text, Token[] tokens, int count)
    {
        _text = text;
        _tokens = tokens;
        _count = count;
    }

    /// <summary>The stems of a text's tokens, whose hashes are computed when first asked.</summary>
    public TokenStems(SourceText text, Token[] tokens)
        : this(text, tokens, tokens.Length)
    {
    }

    /// <summary>The stems of tokens whose hashes the tokenizer computed (<see cref="Tokenizer.Tokenize(string, out int[], out ulong[])"/>).</summary>
    public TokenStems(SourceText text, Token[] tokens, int[] hashes, ulong[] suffixed)
        : this(text, tokens, tokens.Length, hashes, suffixed, rented: false)
    {
    }

    /// <summary>
    /// The stems of the first <paramref name="count"/> tokens, whose hashes the tokenizer computed; with
    /// <paramref name="rented"/>, the hashes are a rented buffer that <see cref="ReturnBuffer"/> gives back.
    /// </summary>
    public TokenStems(SourceText text, Token[] tokens, int count, int[] hashes, ulong[] suffixed, bool rented)
        : this(text, tokens, count)
    {
        _hashes = hashes;
        _suffixed = suffixed;
        _rented = rented;
    }

    /// <summary>How many tokens there are.</summary>
    public int Count => _count;

    /// <summary>The normalized hash of the stem of a token's characters, and the length of the possessive suffix left out.</summary>
    public static int HashStem(ReadOnlySpan<char> token, out int suffix)
    {
        suffix = TokenText.GetPossessiveSuffixLength(token);
        return TokenText.GetNormalizedHashCode(token.Slice(0, token.Length - suffix));
    }

    /// <summary>Whether token <paramref name="index"/> ends in a possessive suffix (its stem is then shorter than the token).</summary>
    public bool HasSuffix(int index)
    {
        if (_suffixed is null)
        {
            ComputeHashes();
        }

        return (_suffixed![index >> 6] & (1UL << (index & 63))) != 0;
    }

    /// <summary>The normalized hash of the stem of token <paramref name="index"/>.</summary>
    public int Hash(int index) => (_hashes ?? ComputeHashes())[index];

    /// <summary>
    /// The <see cref="TokenText.GetNormalizedHashCode"/> of token <paramref name="index"/>'s characters: its stem's hash
    /// when it has no possessive suffix (already computed), else computed here.
    /// </summary>
    public int WordHash(int index) =>
        !HasSuffix(index) ? Hash(index) : TokenText.GetNormalizedHashCode(_text.AsSpan(_tokens[index].Span));

    /// <summary>Every token's stem hash, by token index.</summary>
    public ReadOnlySpan<int> Hashes => new(_hashes ?? ComputeHashes(), 0, _count);

    /// <summary>Gives a rented hash buffer back to the pool (see <see cref="DocumentModel.ReturnBuffers"/>).</summary>
    public void ReturnBuffer()
    {
        if (_rented && _hashes is { } hashes)
        {
            _rented = false;
            _hashes = Array.Empty<int>();
            System.Buffers.ArrayPool<int>.Shared.Return(hashes);
        }
    }

    // Every token's hash in one pass; two threads asking at once compute the same arrays.
    private int[] ComputeHashes()
    {
        var hashes = Arrays.Uninitialized<int>(_count); // every element written below
        var suffixed = new ulong[(_count + 63) >> 6];
        var text = _text.ToString();
        for (var i = 0; i < hashes.Length; i++)
        {
            hashes[i] = TokenText.HashStemAt(text, _tokens[i].Span.Start, _tokens[i].Span.Length, out var suffix); // as the tokenizer does
            if (suffix > 0)
            {
                suffixed[i >> 6] |= 1UL << (i & 63);
            }
        }

        _suffixed = suffixed;
        _hashes = hashes;
        return hashes;
    }

    /// <summary>The stem of token <paramref name="index"/>.</summary>
    public ReadOnlySpan<char> Stem(int index)
    {
        var chars = _text.AsSpan(_tokens[index].Span);
        return chars.Slice(0, chars.Length - TokenText.GetPossessiveSuffixLength(chars));
    }
}

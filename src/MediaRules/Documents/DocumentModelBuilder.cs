using System.Collections.Generic;
using MediaRules.Text;

namespace MediaRules.Documents;

// TEMPORARY minimal builder: replaced by the full text model (tokenizer, sentence splitter, quotation scanner,
// speakers, voice, attribution).
internal static class DocumentModelBuilder
{
    public static DocumentModel Build(SourceText text)
    {
        var tokens = new List<Token>();
        var paragraphs = new List<Paragraph>();
        var sentences = new List<Sentence>();
        var voices = new List<VoiceSpan>();
        for (var line = 0; line < text.LineCount; line++)
        {
            var span = text.GetLineSpan(line);
            if (span.IsEmpty)
            {
                continue;
            }

            var first = sentences.Count;
            sentences.Add(new Sentence(sentences.Count, span, paragraphs.Count, Attribution.None));
            paragraphs.Add(new Paragraph(paragraphs.Count, span, false, first, 1));
            voices.Add(new VoiceSpan(span, Voice.Narrative, -1, null));
            var i = span.Start;
            while (i < span.End)
            {
                if (char.IsLetterOrDigit(text[i]))
                {
                    var s = i;
                    while (i < span.End && char.IsLetterOrDigit(text[i]))
                    {
                        i++;
                    }

                    tokens.Add(new Token(TextSpan.FromBounds(s, i), TokenKind.Word));
                }
                else
                {
                    if (!char.IsWhiteSpace(text[i]))
                    {
                        tokens.Add(new Token(new TextSpan(i, 1), TokenKind.Punctuation));
                    }

                    i++;
                }
            }
        }

        return new DocumentModel(text, tokens.ToArray(), paragraphs.ToArray(), sentences.ToArray(), [], voices.ToArray());
    }
}

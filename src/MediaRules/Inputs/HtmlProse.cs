using System;
using System.Collections.Generic;
using AngleSharp.Html;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens;
using AngleSharp.Text;
using MediaRules.Documents;
using MediaRules.Text;

namespace MediaRules.Inputs;

/// <summary>
/// Reads the prose of HTML with AngleSharp's HTML tokenizer, which gives every token (text, start and end tag,
/// comment, doctype) its exact source position; tokens are contiguous, so each one's source range ends where the next
/// one starts. Like the tree builder of a browser, the reader switches the tokenizer to raw text inside
/// <c>script</c>, <c>style</c>, <c>textarea</c>, <c>title</c> and their kin. (It builds no DOM: AngleSharp's tree
/// builder takes quadratic time on deeply nested markup, and the reader needs none of it.) Text is prose unless it is inside an
/// element whose content is not prose (<see cref="IsNonProseElement"/>); tags of block elements become U+001E,
/// other tags, comments and the padding of character references are inline markup; everything else (doctype,
/// processing instructions, text that is not prose) becomes spaces. Every line break is soft: in HTML only block
/// markup ends a paragraph.
/// </summary>
internal static class HtmlProse
{
    // Elements whose content is code, metadata, media fallback or form data, not the article's prose.
    private static readonly HashSet<string> NonProseElements = new(StringComparer.Ordinal)
    {
        "title", "script", "style", "template", "pre", "code", "kbd", "samp", "var", "tt", "textarea", "select", "datalist",
        "svg", "math", "noscript", "iframe", "object", "canvas", "audio", "video", "noembed", "noframes", "xmp", "plaintext",
    };

    // Elements that start or end a block: their tags separate paragraphs.
    private static readonly HashSet<string> BlockElements = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "body", "br", "caption", "center", "col", "colgroup", "dd", "details",
        "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "frameset", "h1", "h2",
        "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol",
        "optgroup", "option", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr",
        "ul", "title", "script", "style", "template", "noscript", "textarea", "select", "iframe", "object", "canvas",
        "audio", "video", "svg", "math", "figure", "picture", "meta", "link", "base",
    };

    /// <summary>Whether the content of an element (lower-case name) is not prose.</summary>
    public static bool IsNonProseElement(string name) => NonProseElements.Contains(name);

    /// <summary>Whether the tags of an element (lower-case name) separate blocks.</summary>
    public static bool IsBlockElement(string name) => BlockElements.Contains(name);

    /// <summary>Reads the HTML in <c>[start, end)</c> of the buffer's original text.</summary>
    public static void Read(AnalysisBuffer buffer, int start, int end)
    {
        var original = buffer.Original;
        var source = start == 0 && end == original.Length ? original : original.Substring(start, end - start);
        var tokenizer = new HtmlTokenizer(new TextSource(source), HtmlEntityProvider.Resolver)
        {
            IsNotConsumingCharacterReferences = true,
        };
        var open = new Dictionary<string, int>(StringComparer.Ordinal);
        var nonProseDepth = 0;
        var foreignDepth = 0;
        var token = tokenizer.Get();
        while (token.Type != HtmlTokenType.EndOfFile)
        {
            // Tokens are contiguous: each one ends where the next one starts.
            var next = tokenizer.Get();
            var s = start + Math.Max(0, token.Position.Index);
            var e = start + Math.Min(source.Length, next.Type == HtmlTokenType.EndOfFile ? source.Length : next.Position.Index);
            if (e > s)
            {
                switch (token.Type)
                {
                    case HtmlTokenType.Character:
                        if (nonProseDepth == 0)
                        {
                            Text(buffer, s, e);
                        }

                        break;
                    case HtmlTokenType.StartTag:
                    case HtmlTokenType.EndTag:
                        var tag = (HtmlTagToken)token;
                        var name = tag.Name.ToLowerInvariant();
                        var isStart = token.Type == HtmlTokenType.StartTag;
                        if (IsNonProseElement(name))
                        {
                            nonProseDepth += Track(open, name, isStart, tag.IsSelfClosing);
                        }

                        if (name is "svg" or "math" && !tag.IsSelfClosing)
                        {
                            foreignDepth = Math.Max(0, foreignDepth + (isStart ? 1 : -1));
                            tokenizer.IsAcceptingCharacterData = foreignDepth > 0;
                        }

                        if (isStart && foreignDepth == 0 && ContentMode(name) is { } mode)
                        {
                            // What the tree builder does for these elements: their content is text up to their end tag.
                            tokenizer.State = mode;
                        }

                        if (IsBlockElement(name))
                        {
                            buffer.Fill(s, e, TextChars.BlockSeparator);
                        }
                        else
                        {
                            buffer.Inline(s, e);
                        }

                        break;
                    case HtmlTokenType.Comment:
                        if (string.CompareOrdinal(original, s, "<!--", 0, 4) == 0)
                        {
                            buffer.Comments.Add(TextSpan.FromBounds(s, e));
                        }

                        buffer.Inline(s, e);
                        break;
                }
            }

            token = next;
        }

        buffer.SoftenLineBreaks(start, end);
    }

    // The tokenizer state an element's start tag switches to (HTML's tree construction rules), or null.
    private static HtmlParseMode? ContentMode(string name) => name switch
    {
        "script" => HtmlParseMode.Script,
        "style" or "xmp" or "iframe" or "noembed" or "noframes" or "noscript" => HtmlParseMode.Rawtext,
        "textarea" or "title" => HtmlParseMode.RCData,
        "plaintext" => HtmlParseMode.Plaintext,
        _ => null,
    };

    /// <summary>Reads a run of HTML text at <c>[start, end)</c>: prose, with its character references decoded in place.</summary>
    public static void Text(AnalysisBuffer buffer, int start, int end)
    {
        var original = buffer.Original;
        var run = start;
        for (var i = start; i < end; i++)
        {
            if (original[i] != '&' || !CharacterReferences.TryRead(original, i, end, out var referenceEnd, out var value))
            {
                continue;
            }

            buffer.Prose(run, i);
            CharacterReferences.Write(buffer, i, referenceEnd, value);
            run = referenceEnd;
            i = referenceEnd - 1;
        }

        buffer.Prose(run, end);
    }

    // How an element's tag changes the depth of non-prose elements (+1, -1 or 0).
    private static int Track(Dictionary<string, int> open, string name, bool isStart, bool isSelfClosing)
    {
        open.TryGetValue(name, out var count);
        if (isStart)
        {
            if (isSelfClosing && name is "svg" or "math")
            {
                return 0;
            }

            open[name] = count + 1;
            return 1;
        }

        if (count == 0)
        {
            return 0;
        }

        open[name] = count - 1;
        return -1;
    }
}

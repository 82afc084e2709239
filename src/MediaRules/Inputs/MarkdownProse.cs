using System.Text.RegularExpressions;
using Markdig;
using Markdig.Helpers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using MediaRules.Documents;

namespace MediaRules.Inputs;

/// <summary>
/// Reads the prose of Markdown with Markdig (CommonMark, plus YAML front matter, pipe tables, footnotes, task lists,
/// strikethrough and bare links), whose precise source locations give every block and inline its exact span. The
/// text of paragraphs, headings, list items, quotes, table cells, footnotes, link text and image descriptions is
/// prose; code blocks, code spans, front matter, link destinations, autolinks and bare URLs, link reference
/// definitions and thematic breaks are not. A block's marker on its first line (<c>#</c>, a bullet, <c>&gt;</c>, a table
/// pipe) becomes U+001E; the line breaks inside a paragraph become soft; HTML blocks are read as HTML; inline
/// HTML tags, emphasis marks and backslashes of escapes are inline markup.
/// </summary>
internal static class MarkdownProse
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePreciseSourceLocation()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .UseFootnotes()
        .UseTaskLists()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .Build();

    private static readonly Regex TagName = new("^</?([A-Za-z][A-Za-z0-9-]*)", RegexOptions.CultureInvariant);

    /// <summary>Reads a whole Markdown document.</summary>
    public static void Read(AnalysisBuffer buffer)
    {
        var document = Markdown.Parse(buffer.Original, Pipeline);
        Walk(buffer, document);
    }

    private static void Walk(AnalysisBuffer buffer, Block block)
    {
        switch (block)
        {
            case HtmlBlock html:
                if (Valid(html.Span))
                {
                    HtmlProse.Read(buffer, html.Span.Start, html.Span.End + 1);
                }

                break;
            case CodeBlock:
                // Indented and fenced code, and front matter (a code block too): not prose.
                break;
            case LeafBlock { Inline: { } inline }:
                Leaf(buffer, inline);
                break;
            case ContainerBlock container:
                foreach (var child in container)
                {
                    Walk(buffer, child);
                }

                break;
        }
    }

    private static void Leaf(AnalysisBuffer buffer, ContainerInline root)
    {
        if (root.FirstChild is null || !Valid(root.Span))
        {
            return;
        }

        var nonProseDepth = 0;
        for (var inline = root.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            Inline(buffer, inline, ref nonProseDepth);
        }

        buffer.SeparateBefore(root.Span.Start);
        buffer.SoftenLineBreaks(root.Span.Start, root.Span.End + 1);
    }

    private static void Inline(AnalysisBuffer buffer, Inline inline, ref int nonProseDepth)
    {
        var span = inline.Span;
        if (!Valid(span))
        {
            return;
        }

        var start = span.Start;
        var end = span.End + 1;
        switch (inline)
        {
            case LiteralInline literal:
                if (nonProseDepth == 0)
                {
                    Literal(buffer, start, end, literal.Content);
                }

                break;
            case CodeInline:
            case AutolinkInline:
            case LinkInline { IsAutoLink: true }:
                // Not prose: left as spaces.
                break;
            case HtmlEntityInline entity:
                if (nonProseDepth == 0)
                {
                    CharacterReferences.Write(buffer, start, end, entity.Transcoded.ToString());
                }

                break;
            case HtmlInline html:
                Tag(buffer, start, end, html.Tag, ref nonProseDepth);
                break;
            case LineBreakInline lineBreak:
                if (lineBreak.IsHard)
                {
                    // A hard line break (two spaces or a backslash at the end of the line) ends the paragraph, like <br>.
                    for (var i = start; i < buffer.Original.Length && i <= end; i++)
                    {
                        if (Text.SourceText.IsLineBreak(buffer.Original[i]))
                        {
                            buffer.MarkHard(i);
                            break;
                        }
                    }
                }

                break;
            case ContainerInline container:
                // Emphasis, links and images (their text is prose, the marks, destination and title are not), and others.
                buffer.Inline(start, end);
                for (var child = container.FirstChild; child is not null; child = child.NextSibling)
                {
                    Inline(buffer, child, ref nonProseDepth);
                }

                break;
            default:
                buffer.Inline(start, end);
                break;
        }
    }

    // A literal's characters are where its span says, after any backslash of an escape and around the spaces that
    // Markdig trims (table cells).
    private static void Literal(AnalysisBuffer buffer, int start, int end, StringSlice content)
    {
        var original = buffer.Original;
        var length = content.Length;
        for (var at = start; at + length <= end; at++)
        {
            if (Matches(original, at, content))
            {
                buffer.Inline(start, at);
                buffer.Prose(at, at + length);
                buffer.Inline(at + length, end);
                return;
            }
        }

        buffer.Prose(start, end);
    }

    private static bool Matches(string original, int at, StringSlice content)
    {
        for (var k = 0; k < content.Length; k++)
        {
            if (original[at + k] != content.Text[content.Start + k])
            {
                return false;
            }
        }

        return true;
    }

    private static void Tag(AnalysisBuffer buffer, int start, int end, string tag, ref int nonProseDepth)
    {
        if (tag.StartsWith("<!--", System.StringComparison.Ordinal))
        {
            buffer.Comments.Add(Text.TextSpan.FromBounds(start, end));
            buffer.Inline(start, end);
            return;
        }

        var match = TagName.Match(tag);
        if (!match.Success)
        {
            buffer.Inline(start, end);
            return;
        }

        var name = match.Groups[1].Value.ToLowerInvariant();
        if (HtmlProse.IsNonProseElement(name))
        {
            if (tag[1] == '/')
            {
                nonProseDepth = nonProseDepth > 0 ? nonProseDepth - 1 : 0;
            }
            else if (!tag.EndsWith("/>", System.StringComparison.Ordinal))
            {
                nonProseDepth++;
            }
        }

        if (HtmlProse.IsBlockElement(name))
        {
            buffer.Fill(start, end, TextChars.BlockSeparator);
        }
        else
        {
            buffer.Inline(start, end);
        }
    }

    private static bool Valid(SourceSpan span) => span.Start >= 0 && span.End >= span.Start;
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MediaRules.Inputs;
using MediaRules.Text;

namespace MediaRules.Tests.Inputs;

/// <summary>
/// Properties of Markdown and HTML inputs on generated documents: prose fragments holding the flagged word
/// "reportedly" mixed with markup that also holds it (code, URLs, attributes, comments, scripts, front matter…).
/// Every finding's span in the original text is exactly a "reportedly" of a prose fragment, at the original line and
/// column, and every such word is found.
/// </summary>
public class InputProperties
{
    private const string Word = "reportedly";

    private static readonly string[] ProseWords =
    [
        "Officials", Word, "met", "on", "Monday", "the", "minister", "said", Word + ",", "(" + Word + ")", "“" + Word + "”",
        "Israel’s", Word + ".",
    ];

    private static Arbitrary<int[]> Tapes() => Gen.ArrayOf(Gen.Choose(0, 9999)).ToArbitrary();

    [Property(MaxTest = 400)]
    public Property Markdown_findings_are_exactly_the_prose_words() =>
        Prop.ForAll(Tapes(), tape => Check(MarkdownDocument(new Tape(tape)), DocumentFormat.Markdown));

    [Property(MaxTest = 400)]
    public Property Html_findings_are_exactly_the_prose_words() =>
        Prop.ForAll(Tapes(), tape => Check(HtmlDocument(new Tape(tape)), DocumentFormat.Html));

    private static readonly string[] Fragments =
    [
        " ", "\n", "\r\n", "\r", "\n\n", "\t", "<", ">", "</", "/>", "&", ";", "#", "&amp;", "&#", "&#x", "&rsquo;", "`", "```",
        "*", "_", "[", "]", "(", ")", "!", "-", "|", ":", "---", "    ", "<!--", "-->", "<p>", "</p>", "<b>", "<br>",
        "<script>", "</script>", "<pre>", "<a href=\"", "\"", "'", "http://x.y", "www.x.y", "word", "\u2028", "\u0085",
        "\u001E", "\u00AD", "\U0001F600", "\uD800",
    ];

    [Property(MaxTest = 1000)]
    public Property Any_markup_soup_keeps_the_line_map_in_both_formats() =>
        Prop.ForAll(
            Gen.ArrayOf(Gen.Elements(Fragments)).Select(parts => string.Concat(parts)).ToArbitrary(),
            doc =>
            {
                foreach (var format in new[] { DocumentFormat.Markdown, DocumentFormat.Html })
                {
                    var prose = ProseExtractor.Extract(doc, format);
                    InputTestSupport.AssertSameLineMap(doc, prose.Text);
                    InputTestSupport.Linter.Analyze(prose.Text, "doc");
                }

                return true;
            });

    private static bool Check(Document document, DocumentFormat format)
    {
        var original = document.Text;
        var prose = ProseExtractor.Extract(original, format);
        InputTestSupport.AssertSameLineMap(original, prose.Text);
        var source = SourceText.From(original);
        var found = InputTestSupport.Linter.Analyze(prose.Text, "doc").Diagnostics.Where(d => d.Id == "MR1990").ToList();
        foreach (var d in found)
        {
            var span = d.Location.SourceSpan;
            if (original.Substring(span.Start, span.Length) != Word || !document.ProseWords.Contains(span.Start)
                || d.Location.LineSpan != source.GetLinePositionSpan(span))
            {
                throw new InvalidOperationException(
                    $"finding at {span} ('{original.Substring(span.Start, span.Length)}') is not a prose '{Word}' of\n{original}\n---\n{InputTestSupport.Show(prose.Text)}");
            }
        }

        var missed = document.ProseWords.Except(found.Select(d => d.Location.SourceSpan.Start)).ToList();
        if (missed.Count > 0)
        {
            throw new InvalidOperationException($"prose '{Word}' at {string.Join(", ", missed)} not found in\n{original}\n---\n{InputTestSupport.Show(prose.Text)}");
        }

        return true;
    }

    private static Document MarkdownDocument(Tape tape)
    {
        var doc = new Document();
        var nl = tape.Pick(3) == 0 ? "\r\n" : "\n";
        if (tape.Pick(4) == 0)
        {
            doc.Markup($"---{nl}title: Terrorists {Word} seen{nl}---{nl}{nl}");
        }

        var blocks = 1 + tape.Pick(6);
        var afterList = false;
        for (var b = 0; b < blocks; b++)
        {
            if (b > 0)
            {
                doc.Markup(nl + nl);
            }

            var kind = tape.Pick(11);
            if (kind == 5 && afterList)
            {
                // After a list item, an indented block continues the item: it is prose, not code.
                kind = 10;
            }

            afterList = kind == 1;
            switch (kind)
            {
                case 0:
                    doc.Markup("## ");
                    MarkdownInlines(doc, tape, null);
                    break;
                case 1:
                    var items = 1 + tape.Pick(3);
                    for (var i = 0; i < items; i++)
                    {
                        doc.Markup(i == 0 ? "- " : nl + "- ");
                        MarkdownInlines(doc, tape, nl + "  ");
                    }

                    break;
                case 2:
                    doc.Markup("> ");
                    MarkdownInlines(doc, tape, nl + "> ");
                    break;
                case 3:
                    doc.Markup("| ");
                    doc.Prose(ProseWord(tape));
                    doc.Markup(" | ");
                    doc.Prose(ProseWord(tape));
                    doc.Markup($" |{nl}|---|---|{nl}| ");
                    doc.Prose(ProseWord(tape));
                    doc.Markup(" | x |");
                    break;
                case 4:
                    doc.Markup($"```text{nl}The terrorists {Word} attacked.{nl}```");
                    break;
                case 5:
                    doc.Markup($"    {Word} indented code");
                    break;
                case 6:
                    doc.Markup($"<div>{nl}<p>");
                    doc.Prose(ProseWord(tape));
                    doc.Markup($" <code>{Word}</code></p>{nl}</div>");
                    break;
                case 7:
                    doc.Markup($"<!--{nl}{Word}{nl}-->");
                    break;
                case 8:
                    doc.Markup($"<script>{nl}var {Word} = 1;{nl}</script>");
                    break;
                default:
                    MarkdownInlines(doc, tape, nl);
                    break;
            }
        }

        doc.Markup(nl);
        return doc;
    }

    // A line of inline pieces that starts with a prose word; with a continuation, it may wrap onto more lines, each
    // starting with a prose word (so that no line starts a block of its own).
    private static void MarkdownInlines(Document doc, Tape tape, string? continuation)
    {
        doc.Prose(ProseWord(tape));
        var pieces = tape.Pick(8);
        for (var p = 0; p < pieces; p++)
        {
            if (continuation is not null && tape.Pick(5) == 0)
            {
                doc.Markup(continuation);
                doc.Prose(ProseWord(tape));
                continue;
            }

            doc.Markup(" ");
            switch (tape.Pick(11))
            {
                case 0:
                    doc.Markup("**");
                    doc.Prose(Word);
                    doc.Markup("**");
                    break;
                case 1:
                    doc.Markup("[");
                    doc.Prose(ProseWord(tape));
                    doc.Markup($"](https://example.com/{Word} \"{Word}\")");
                    break;
                case 2:
                    doc.Markup($"`{Word} code`");
                    break;
                case 3:
                    doc.Markup($"<https://example.com/{Word}>");
                    break;
                case 4:
                    doc.Markup($"https://example.com/{Word}");
                    break;
                case 5:
                    doc.Markup($"<!-- {Word} -->");
                    break;
                case 6:
                    doc.Markup($"<span title=\"{Word}\">");
                    doc.Prose(ProseWord(tape));
                    doc.Markup("</span>");
                    break;
                case 7:
                    doc.Markup("Israel&rsquo;s &amp;");
                    break;
                case 8:
                    doc.Markup("![");
                    doc.Prose(Word);
                    doc.Markup($"](img/{Word}.png)");
                    break;
                default:
                    doc.Prose(ProseWord(tape));
                    break;
            }
        }
    }

    private static Document HtmlDocument(Tape tape)
    {
        var doc = new Document();
        var nl = tape.Pick(3) == 0 ? "\r\n" : "\n";
        var page = tape.Pick(2) == 0;
        if (page)
        {
            doc.Markup($"<!doctype html>{nl}<html><head><title>Terrorists {Word}</title>{nl}<script>var t = '{Word}';</script>"
                + $"<style>.{Word} {{ color: red }}</style>{nl}<meta name=\"{Word}\"></head>{nl}<body>{nl}");
        }

        var blocks = 1 + tape.Pick(6);
        for (var b = 0; b < blocks; b++)
        {
            if (b > 0 && tape.Pick(2) == 0)
            {
                doc.Markup(nl);
            }

            switch (tape.Pick(10))
            {
                case 0:
                    doc.Markup("<h2>");
                    HtmlInlines(doc, tape, nl);
                    doc.Markup("</h2>");
                    break;
                case 1:
                    doc.Markup("<ul>");
                    for (var i = 1 + tape.Pick(3); i > 0; i--)
                    {
                        doc.Markup(nl + "  <li>");
                        HtmlInlines(doc, tape, nl);
                        doc.Markup("</li>");
                    }

                    doc.Markup(nl + "</ul>");
                    break;
                case 2:
                    doc.Markup($"<pre>The terrorists {Word}{nl}attacked.</pre>");
                    break;
                case 3:
                    doc.Markup($"<script>{nl}if (a < b) {{ s = '</p>{Word}'; }}{nl}</script>");
                    break;
                case 4:
                    doc.Markup($"<!-- terrorists {Word} -->");
                    break;
                case 5:
                    doc.Markup("<table><tr><td>");
                    doc.Prose(ProseWord(tape));
                    doc.Markup($"</td><td class=\"{Word}\">");
                    doc.Prose(ProseWord(tape));
                    doc.Markup("</td></tr></table>");
                    break;
                case 6:
                    doc.Markup($"<template><p>{Word}</p></template><textarea>{Word}</textarea>");
                    break;
                case 7:
                    doc.Markup("<div>");
                    HtmlInlines(doc, tape, nl);
                    doc.Markup("</div>");
                    break;
                default:
                    doc.Markup("<p>");
                    HtmlInlines(doc, tape, nl);
                    doc.Markup("</p>");
                    break;
            }
        }

        if (page)
        {
            doc.Markup($"{nl}</body></html>{nl}");
        }

        return doc;
    }

    private static void HtmlInlines(Document doc, Tape tape, string nl)
    {
        doc.Prose(ProseWord(tape));
        for (var p = tape.Pick(8); p > 0; p--)
        {
            doc.Markup(tape.Pick(5) == 0 ? nl : " ");
            switch (tape.Pick(10))
            {
                case 0:
                    doc.Markup("<b>");
                    doc.Prose(ProseWord(tape));
                    doc.Markup("</b>");
                    break;
                case 1:
                    doc.Markup($"<a href=\"https://example.com/{Word}\" title='{Word}'>");
                    doc.Prose(ProseWord(tape));
                    doc.Markup("</a>");
                    break;
                case 2:
                    doc.Markup($"<code>{Word}</code>");
                    break;
                case 3:
                    doc.Markup($"<!-- {Word} -->");
                    break;
                case 4:
                    doc.Markup("Israel&rsquo;s &amp; A&#8217;s");
                    break;
                case 5:
                    doc.Markup("<br>");
                    break;
                case 6:
                    doc.Markup($"<img alt=\"{Word}\" src=\"{Word}.png\">");
                    break;
                default:
                    doc.Prose(ProseWord(tape));
                    break;
            }
        }
    }

    private static string ProseWord(Tape tape) => ProseWords[tape.Pick(ProseWords.Length)];

    /// <summary>A document being assembled, with the offsets of the flagged word in its prose fragments.</summary>
    private sealed class Document
    {
        private readonly StringBuilder _text = new();

        public HashSet<int> ProseWords { get; } = [];

        public string Text => _text.ToString();

        public void Markup(string markup) => _text.Append(markup);

        public void Prose(string prose)
        {
            for (var at = prose.IndexOf(Word, StringComparison.Ordinal); at >= 0; at = prose.IndexOf(Word, at + 1, StringComparison.Ordinal))
            {
                ProseWords.Add(_text.Length + at);
            }

            _text.Append(prose);
        }

        public override string ToString() => Text;
    }

    /// <summary>Choices read from a generated array of numbers (0 once it runs out), so FsCheck can shrink a document.</summary>
    private sealed class Tape(int[] numbers)
    {
        private int _next;

        public int Pick(int count) => _next < numbers.Length ? numbers[_next++] % count : 0;
    }
}

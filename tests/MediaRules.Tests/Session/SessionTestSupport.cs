using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using MediaRules.Analysis;
using MediaRules.Diagnostics;
using MediaRules.Text;

namespace MediaRules.Tests.Session;

/// <summary>Texts and comparisons for the incremental session tests.</summary>
internal static class SessionTestSupport
{
    /// <summary>Paragraphs that exercise what reaches across paragraph edges: speakers named in one paragraph and
    /// quoted in the next, pronouns, continued quotations, casualty figures sourced next door, names spelled two ways,
    /// acronyms defined after their first use, and lower-case uses of words that open sentences.</summary>
    public static readonly string[] Paragraphs =
    {
        "Israel Bombs Gaza as Talks Stall",
        "Army chief Herzi Halevi said the operation would continue.",
        "“We will not stop,” he said.",
        "“The mission is clear.”",
        "Halevy added that troops had entered the city.",
        "The IDF said 12 people were killed.",
        "At least 40 people were killed in the strike.",
        "Officials said the figure could rise.",
        "officials in the city disputed the account, according to the health ministry.",
        "Sources said the talks had failed. The Israel Defense Forces (IDF) did not comment.",
        "The militants claimed responsibility, reportedly.",
        "The terrorists attacked the village, the regime's forces said.",
        "“It was a ‘rescue’ operation,” said Maria Zakharova.",
        "Zakharova's statement was echoed in Kiev, while Kyiv rejected it.",
        "Antony Blinken met Tony Blinken's aides.",
        "",
        "NATO (North Atlantic Treaty Organization) officials met in Brussels.",
        "He said: “The Zionist entity must answer.”",
        "Critics called it a massacre.",
        "“The mission is clear.”",
        "“And it will go on.”",
        "“We have no choice,” she added.",
        "Defence Minister Yoav Gallant spoke to reporters.",
        "“Yes.”",
    };

    public static readonly string[] Insertions =
    {
        "", " ", "\n", "\n\n", "\r\n", "“", "”", "\"", "'", "he said", "Halevi", "Halevy", "IDF", " (IDF)", "said ",
        "claimed", "reportedly", "killed", "40 people", "Kiev", "Kyiv", "officials", "Officials", "“We", ".", ",", "x",
        "Herzi ", "terrorists", "\u001E",
    };

    public static string Join(IEnumerable<string> paragraphs, string separator) => string.Join(separator, paragraphs);

    /// <summary>Documents of up to <paramref name="maxParagraphs"/> of <see cref="Paragraphs"/>, joined by one of <paramref name="separators"/>.</summary>
    public static Gen<string> DocumentsOf(int maxParagraphs, params string[] separators) =>
        from count in Gen.Choose(0, maxParagraphs)
        from paragraphs in Gen.ArrayOf(Gen.Elements(Paragraphs), count)
        from separator in Gen.Elements(separators)
        select Join(paragraphs, separator);

    /// <summary>The diagnostics as comparable rows: id, span, message, severity and fix.</summary>
    public static List<string> Rows(IReadOnlyList<Diagnostic> diagnostics) =>
        diagnostics.Select(d =>
            $"{d.Id} {d.Location.SourceSpan} {d.Location.LineSpan} {d.Severity} {d.Message} | " +
            string.Join(";", d.Fix?.Changes.Select(c => c.ToString()) ?? Array.Empty<string>())).ToList();

    public static List<string> FullAnalysis(Linter linter, string text) => Rows(linter.Analyze(SourceText.From(text)).Diagnostics);
}

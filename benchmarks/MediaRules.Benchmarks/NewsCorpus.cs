using System;
using System.IO;
using System.Text;

namespace MediaRules.Benchmarks;

/// <summary>
/// Realistic news text for benchmarks: the seed article's paragraphs mixed, in a fixed pseudo-random order, with
/// varied sentences of other beats (courts, markets, weather, science, sport), so the text is neither one
/// repeated line nor free of findings.
/// </summary>
public static class NewsCorpus
{
    private static readonly string[] OtherSentences =
    {
        "The central bank held interest rates at 4.5 percent on Wednesday, citing persistent inflation in services.",
        "“We will keep watching the data closely,” Governor Maria Alvarez told reporters after the meeting.",
        "Shares in the carmaker fell 6 percent after it cut its forecast for the year, according to exchange data.",
        "A judge in Ohio ruled that the state's new voting law could take effect while appeals continue.",
        "The defendant allegedly transferred $2 million to an offshore account, prosecutors said in a filing.",
        "Heavy rain flooded parts of the coast overnight, and about 3,000 people were evacuated, officials said.",
        "Scientists at the university reported a new method for recycling lithium from used batteries.",
        "The study, published in Nature, followed 12,000 patients over a decade.",
        "Critics say the plan does little to reduce emissions from heavy industry.",
        "The striker scored twice in the second half as the visitors came back from two goals down.",
        "Officials said privately that the talks had stalled over the sequencing of prisoner releases.",
        "The company claimed the outage was caused by a third-party supplier, a statement that the supplier disputed.",
        "Residents of the northern district said power had been restored by early evening.",
        "It is believed that the fire started in a storage room on the ground floor.",
        "The minister insisted that the budget would be balanced within three years.",
        "The U.N. Secretary-General called for an immediate ceasefire and unimpeded humanitarian access.",
        "Troops withdrew from around Kiev in the spring, and fighting moved east.",
        "Lawmakers from both parties said they expected a vote before the end of the month.",
        "The report, which was reviewed by Reuters, found that 40 percent of the funds were never spent.",
        "Sources familiar with the negotiations said a draft text could be ready by Friday.",
        "The museum will reopen on Saturday after a two-year renovation costing $80 million.",
        "Dr. Amina Yusuf, who leads the hospital's emergency department, said staff had worked through the night.",
        "Police said the suspect, a 34-year-old man, was arrested at 6 a.m. at his home.",
        "Some reports suggest the merger could be announced as early as next week.",
    };

    /// <summary>The seed article's text.</summary>
    public static string Seed { get; } = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "000_31195212ecc3b151.txt"));

    /// <summary>About 1 MB of news text (built once).</summary>
    public static string OneMegabyte { get; } = Build(1 << 20);

    /// <summary>News text of about <paramref name="bytes"/> UTF-8 bytes, the same for the same size.</summary>
    /// <param name="bytes">The approximate size.</param>
    /// <returns>The text.</returns>
    public static string Build(int bytes)
    {
        var seedParagraphs = Seed.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var random = new Random(20261126);
        var builder = new StringBuilder(bytes + 4096);
        while (Encoding.UTF8.GetByteCount(builder.ToString()) < bytes)
        {
            for (var i = 0; i < 64; i++)
            {
                if (random.Next(3) == 0)
                {
                    builder.Append(seedParagraphs[random.Next(seedParagraphs.Length)]);
                }
                else
                {
                    var count = 2 + random.Next(4);
                    for (var s = 0; s < count; s++)
                    {
                        builder.Append(OtherSentences[random.Next(OtherSentences.Length)]).Append(s + 1 < count ? " " : string.Empty);
                    }
                }

                builder.Append('\n');
            }
        }

        return builder.ToString();
    }
}

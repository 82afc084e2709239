using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace MediaRules.Benchmarks;

/// <summary>
/// Realistic news text for benchmarks: the seed article's paragraphs mixed, in a fixed pseudo-random order, with
/// varied sentences of other beats (courts, markets, weather, science, sport), so the text is neither one
/// repeated line nor free of findings. <see cref="BuildVaried"/> goes further: no line repeats, at any size.
/// </summary>
public static partial class NewsCorpus
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

    /// <summary>About 1 MB of news text in which no line repeats (<see cref="BuildVaried"/>; built once).</summary>
    public static string VariedOneMegabyte => Varied(1);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, string> VariedTexts = new();

    /// <summary>About <paramref name="megabytes"/> MB of news text in which no line repeats (built once per size).</summary>
    /// <param name="megabytes">The size in megabytes.</param>
    /// <returns>The text.</returns>
    public static string Varied(int megabytes) => VariedTexts.GetOrAdd(megabytes, mb => BuildVaried(mb << 20));

    /// <summary>The UTF-8 size of a text.</summary>
    /// <param name="text">The text.</param>
    /// <returns>Its size in bytes.</returns>
    public static long Utf8Bytes(string text) => Encoding.UTF8.GetByteCount(text);

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

    private static readonly string[] People =
    {
        "Blinken", "Netanyahu", "Halevi", "Gallant", "Biden", "Alvarez", "Yusuf", "Okafor", "Lindqvist", "Moreau",
        "Tanaka", "Haddad", "Kowalski", "Mensah", "Ferreira", "O'Brien", "Nakamura", "Petrov", "Schmidt", "Adeyemi",
        "Castillo", "Rahman", "Novak", "Duarte", "Fischer", "Kariuki", "Ivanova", "Jensen", "Bianchi", "Suleiman",
    };

    private static readonly string[] Days = { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" };

    private static readonly string[] Places =
    {
        "Ohio", "Gaza", "Kyiv", "Nairobi", "Lagos", "Manila", "Lima", "Oslo", "Dhaka", "Quito", "Tbilisi", "Hanoi", "Accra",
        "Bogotá", "Kraków", "Izmir", "Porto", "Cork", "Leeds", "Adelaide",
    };

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    [GeneratedRegex(@"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")]
    private static partial Regex Day();

    [GeneratedRegex(@"(?<=[a-z,] |^)(?:Blinken|Netanyahu|Halevi|Halevy|Gallant|Biden|Alvarez|Yusuf)\b")]
    private static partial Regex Person();

    [GeneratedRegex(@"\b(?:Ohio|Washington|Gaza|Kiev)\b")]
    private static partial Regex Place();

    [GeneratedRegex(@"(?<=[.!?][""”]?) (?=[A-Z“""])")]
    private static partial Regex SentenceEnd();

    /// <summary>
    /// News text of about <paramref name="bytes"/> UTF-8 bytes in which no line repeats: paragraphs of two to six
    /// sentences drawn from the seed article and the other beats in varied order, with names, places, weekdays and
    /// numbers substituted. The same size gives the same text; a smaller text is not a prefix of a larger one.
    /// </summary>
    /// <param name="bytes">The approximate size.</param>
    /// <returns>The text, one paragraph per line.</returns>
    public static string BuildVaried(int bytes)
    {
        var pool = Seed.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(p => SentenceEnd().Split(p.Trim()))
            .Concat(OtherSentences)
            .Where(s => s.Length > 0)
            .ToArray();
        var headlines = Seed.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(p => !p.TrimEnd().EndsWith('.')).ToArray();
        var random = new Random(20261126 ^ bytes);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var builder = new StringBuilder(bytes + 4096);
        var size = 0;
        while (size < bytes)
        {
            string line;
            do
            {
                if (random.Next(12) == 0)
                {
                    line = Vary(headlines[random.Next(headlines.Length)], random);
                }
                else
                {
                    var count = 2 + random.Next(5);
                    var paragraph = new StringBuilder();
                    for (var s = 0; s < count; s++)
                    {
                        paragraph.Append(s > 0 ? " " : string.Empty).Append(Vary(pool[random.Next(pool.Length)], random));
                    }

                    line = paragraph.ToString();
                }
            }
            while (!seen.Add(line));

            builder.Append(line).Append('\n');
            size += Encoding.UTF8.GetByteCount(line) + 1;
        }

        return builder.ToString();
    }

    private static string Vary(string sentence, Random random)
    {
        var varied = Digits().Replace(sentence, m => m.Value.Length == 1 ? (1 + random.Next(9)).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : random.Next((int)Math.Pow(10, m.Value.Length - 1), (int)Math.Min(int.MaxValue, Math.Pow(10, m.Value.Length))).ToString(System.Globalization.CultureInfo.InvariantCulture));
        varied = Day().Replace(varied, _ => Days[random.Next(Days.Length)]);
        varied = Person().Replace(varied, _ => People[random.Next(People.Length)]);
        return Place().Replace(varied, m => random.Next(3) == 0 ? m.Value : Places[random.Next(Places.Length)]);
    }
}

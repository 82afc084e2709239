using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace MediaRules.Loading;

/// <summary>The default packs (the files of <c>rules/</c>), embedded in the library as resources.</summary>
internal static class DefaultRulePacks
{
    private const string Prefix = "MediaRules.DefaultRules.";

    /// <summary>Each embedded pack as (source name, YAML), in name order. The source name is <c>rules/NAME.yaml</c>.</summary>
    public static IEnumerable<(string Name, string Yaml)> Load()
    {
        var assembly = typeof(DefaultRulePacks).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).OrderBy(n => n, StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"The embedded rule pack {resource} is missing.");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            yield return ("rules/" + resource.Substring(Prefix.Length), reader.ReadToEnd());
        }
    }
}

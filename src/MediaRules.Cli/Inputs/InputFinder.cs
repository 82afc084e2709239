using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace MediaRules.Cli.Inputs;

/// <summary>Turns the PATH arguments into the list of files to lint.</summary>
internal static class InputFinder
{
    /// <summary>The extensions searched for in folders (ordinal, case-insensitive).</summary>
    public static IReadOnlyList<string> Extensions { get; } = new[] { ".txt", ".md", ".markdown", ".html", ".htm" };

    /// <summary>
    /// The files to lint: a file argument as given (whatever its extension); a folder searched recursively for
    /// <see cref="Extensions"/>, skipping hidden and system entries, in ordinal order of path. Arguments keep their
    /// order; a file named twice is linted once. Paths keep the form they were given in (relative stays relative).
    /// </summary>
    /// <param name="paths">The PATH arguments; each exists.</param>
    /// <returns>The files.</returns>
    public static List<string> Find(IEnumerable<string> paths)
    {
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var options = new EnumerationOptions
                {
                    RecurseSubdirectories = true,
                    IgnoreInaccessible = true,
                    MatchType = MatchType.Simple,
                    AttributesToSkip = FileAttributes.Hidden | FileAttributes.System | FileAttributes.ReparsePoint,
                };
                var files = Directory.EnumerateFiles(path, "*", options)
                    .Where(f => Extensions.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
                    .OrderBy(f => f, StringComparer.Ordinal);
                foreach (var file in files)
                {
                    if (seen.Add(file))
                    {
                        result.Add(file);
                    }
                }
            }
            else if (seen.Add(path))
            {
                result.Add(path);
            }
        }

        return result;
    }
}

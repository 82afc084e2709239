using System;
using System.IO;

namespace MediaRules.Tests.Corpus;

/// <summary>
/// Finds the corpus data files in the source tree (they are not copied to the output): walks up from the test
/// assembly's folder to the folder that holds <c>MediaRules.sln</c>.
/// </summary>
internal static class CorpusFiles
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    /// <summary>The folder that holds <c>MediaRules.sln</c>.</summary>
    public static string RepositoryRoot => Root.Value;

    /// <summary>This folder, in the source tree.</summary>
    public static string Folder => Path.Combine(RepositoryRoot, "tests", "MediaRules.Tests", "Corpus");

    /// <summary>The full path of a file in this folder.</summary>
    public static string PathOf(string fileName) => Path.Combine(Folder, fileName);

    /// <summary>Where the reports of a run are written (the test output folder).</summary>
    public static string ReportPath(string fileName) => Path.Combine(AppContext.BaseDirectory, fileName);

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MediaRules.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No folder above '{AppContext.BaseDirectory}' holds MediaRules.sln: the corpus files are read from the source tree.");
    }
}

using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using MediaRules.Tests.Cli;
using Xunit;
using Xunit.Abstractions;

namespace MediaRules.Tests.Packaging;

/// <summary>
/// Runs alone (not beside other tests): it builds and packs in child processes, which would slow down and
/// disturb the timing- and memory-sensitive tests around it.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PackagingTestGroup
{
    public const string Name = "Packaging";
}

/// <summary>
/// What a user who has only the packages gets: both projects are packed into a temporary feed, a small consumer
/// app references the <c>MediaRules</c> package by version and lints a sentence through DI, and the
/// <c>MediaRules.Tool</c> package is installed with <c>dotnet tool install --tool-path</c> and run.
/// </summary>
[Collection(PackagingTestGroup.Name)]
[Trait("Category", "Packaging")]
public sealed class PackagingTests(ITestOutputHelper output)
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(5);

    private const string Sentence = "Critics say the plan will fail.";

    [Fact]
    public void PackedLibraryAndToolWorkForAConsumerWithOnlyThePackages()
    {
        var repo = FindRepositoryRoot();
        // A version no earlier run used, so the global NuGet cache can never serve a stale copy.
        var version = "0.1.0-test" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture)
            + Guid.NewGuid().ToString("N")[..6];
        var clock = Stopwatch.StartNew();
        using var temp = new TempFolder();
        try
        {
            var feed = temp.PathOf("feed");

            // 1. Pack both projects into a feed of their own.
            foreach (var project in new[] { "src/MediaRules/MediaRules.csproj", "src/MediaRules.Cli/MediaRules.Cli.csproj" })
            {
                Dotnet(repo, "pack", Path.Combine(repo, project), "-c", "Release", "-o", feed, "-p:Version=" + version, "-nologo");
            }

            var packages = Directory.GetFiles(feed).Select(Path.GetFileName).ToList();
            output.WriteLine("feed: " + string.Join(", ", packages));
            Assert.Contains($"MediaRules.{version}.nupkg", packages);
            Assert.Contains($"MediaRules.{version}.snupkg", packages);
            Assert.Contains($"MediaRules.Tool.{version}.nupkg", packages);

            // 2. A consumer app outside the repository: the package by version, DI, one sentence linted.
            var app = temp.PathOf("consumer");
            temp.Write("consumer/nuget.config", $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <add key="mediarules-test-feed" value="{feed}" />
                  </packageSources>
                </configuration>
                """);
            temp.Write("consumer/Directory.Build.props", """
                <Project>
                  <PropertyGroup>
                    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                  </PropertyGroup>
                </Project>
                """);
            temp.Write("consumer/Directory.Packages.props", "<Project />\n");
            temp.Write("consumer/Consumer.csproj", $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>enable</ImplicitUsings>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="MediaRules" Version="{version}" />
                    <PackageReference Include="Microsoft.Extensions.DependencyInjection" Version="10.0.0" />
                  </ItemGroup>
                </Project>
                """);
            temp.Write("consumer/Program.cs", $$"""
                using MediaRules.Analysis;
                using MediaRules.Text;
                using Microsoft.Extensions.DependencyInjection;

                var services = new ServiceCollection();
                services.AddMediaRules();
                using var provider = services.BuildServiceProvider();
                var linter = provider.GetRequiredService<Linter>();
                var result = linter.Analyze(SourceText.From("{{Sentence}}"), "article.txt");
                foreach (var d in result.Diagnostics)
                    Console.WriteLine($"{d.Id} {d.Message}");
                Console.WriteLine($"rules: {result.Diagnostics.Count()} finding(s)");
                """);
            var run = Dotnet(app, "run", "-c", "Release", "--nologo");
            output.WriteLine(run);
            Assert.Contains("MR1001", run, StringComparison.Ordinal);

            // 3. The tool, installed from the feed into a folder of its own, lints a file.
            var tools = temp.PathOf("tools");
            Dotnet(app, "tool", "install", "MediaRules.Tool", "--tool-path", tools, "--add-source", feed, "--version", version);
            var article = temp.Write("articles/article.txt", Sentence + "\n");
            var (code, lint) = Run(temp.PathOf("articles"), Path.Combine(tools, OperatingSystem.IsWindows() ? "mediarules.exe" : "mediarules"), "lint", article);
            output.WriteLine(lint);
            Assert.True(code == 0, $"a warning only: expected exit code 0, got {code}\n{lint}");
            Assert.Contains("warning MR1001", lint, StringComparison.Ordinal);

            // With a configuration that makes MR1001 an error, the same run exits 1.
            temp.Write("articles/.mediarules.yaml", "severity:\n  MR1001: error\n");
            (code, lint) = Run(temp.PathOf("articles"), Path.Combine(tools, OperatingSystem.IsWindows() ? "mediarules.exe" : "mediarules"), "lint", article);
            output.WriteLine(lint);
            Assert.True(code == 1, $"an error: expected exit code 1, got {code}\n{lint}");
            Assert.Contains("error MR1001", lint, StringComparison.Ordinal);
        }
        finally
        {
            RemoveFromGlobalPackagesFolder(version);
            output.WriteLine($"packaging test took {clock.Elapsed.TotalSeconds:F0} s");
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Directory.Build.props"))
                && File.Exists(Path.Combine(dir.FullName, "src", "MediaRules", "MediaRules.csproj")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("the repository root was not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The test's versions are unique, so they would only pile up in the global packages folder.</summary>
    private static void RemoveFromGlobalPackagesFolder(string version)
    {
        var root = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (string.IsNullOrEmpty(root))
        {
            root = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        }

        foreach (var id in new[] { "mediarules", "mediarules.tool" })
        {
            try
            {
                var dir = Path.Combine(root, id, version);
                if (Directory.Exists(dir))
                {
                    Directory.Delete(dir, recursive: true);
                }

                var idDir = Path.Combine(root, id);
                if (Directory.Exists(idDir) && !Directory.EnumerateFileSystemEntries(idDir).Any())
                {
                    Directory.Delete(idDir);
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    private static string DotnetHost()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet";
    }

    /// <summary>Runs <c>dotnet</c>; a non-zero exit fails the test with the command's whole output.</summary>
    private string Dotnet(string workingDirectory, params string[] args)
    {
        var (code, text) = Run(workingDirectory, DotnetHost(), args);
        Assert.True(code == 0, $"dotnet {string.Join(' ', args)} exited with {code}:\n{text}");
        return text;
    }

    private (int Code, string Output) Run(string workingDirectory, string fileName, params string[] args)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The test host runs under MSBuild's environment; a child build must start from a clean one.
        var inherited = start.Environment.Keys
            .Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)
                || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
                || k.Equals("MSBuildExtensionsPath", StringComparison.OrdinalIgnoreCase)
                || k.Equals("MSBuildSDKsPath", StringComparison.OrdinalIgnoreCase))
            .ToList();
        foreach (var key in inherited)
        {
            start.Environment.Remove(key);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        // An installed tool's launcher finds the runtime through DOTNET_ROOT when dotnet is not in a default place.
        var host = DotnetHost();
        if (Path.IsPathRooted(host) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_ROOT")))
        {
            start.Environment["DOTNET_ROOT"] = Path.GetDirectoryName(host);
        }

        var text = new StringBuilder();
        var gate = new object();
        void Append(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (gate)
            {
                text.AppendLine(line);
            }
        }

        var command = Path.GetFileName(fileName) + " " + string.Join(' ', args);
        output.WriteLine("$ " + command);
        var clock = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(CommandTimeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"{command} did not finish in {CommandTimeout.TotalMinutes} minutes:\n{Snapshot()}");
        }

        process.WaitForExit(); // drains the redirected streams
        output.WriteLine($"  exit {process.ExitCode} after {clock.Elapsed.TotalSeconds:F1} s");
        return (process.ExitCode, Snapshot());

        string Snapshot()
        {
            lock (gate)
            {
                return text.ToString();
            }
        }
    }
}

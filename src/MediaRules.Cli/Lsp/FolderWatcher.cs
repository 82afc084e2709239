using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;

namespace MediaRules.Cli.Lsp;

/// <summary>
/// Watches folders for changed <c>.yaml</c>/<c>.yml</c> files (rule packs, <c>.mediarules.yaml</c>) and calls back
/// once a burst of changes has settled. The fallback for editors that do not watch files for the server
/// (<c>workspace/didChangeWatchedFiles</c>). A folder that cannot be watched (the system's limit on watches) is
/// logged and left out: the server also checks the files again whenever a document is opened or saved. File system
/// notifications can be lost (a full event queue, a busy machine), so the files are also checked every
/// <see cref="PollInterval"/>; a check that finds them unchanged (same sizes and times) does nothing.
/// </summary>
internal sealed class FolderWatcher : IDisposable
{
    /// <summary>At most this many folders are watched (each is an inotify instance on Linux, where 128 is a common limit per user).</summary>
    private const int MaxFolders = 32;

    private readonly Action _changed;
    private readonly TextWriter _log;
    private readonly Dictionary<string, FileSystemWatcher> _watchers = new(StringComparer.Ordinal);
    private readonly Timer _settle;
    private readonly Timer _poll;
    private readonly Lock _gate = new();
    private bool _disposed;

    public FolderWatcher(Action changed, TextWriter log)
    {
        _changed = changed;
        _log = log;
        _settle = new Timer(_ => Fire(), null, Timeout.Infinite, Timeout.Infinite);
        _poll = new Timer(_ => Fire(), null, PollInterval, PollInterval);
    }

    /// <summary>How often the files are checked even when no notification came.</summary>
    public static TimeSpan PollInterval { get; } = TimeSpan.FromSeconds(2);

    /// <summary>How long after the last change the callback runs.</summary>
    public static TimeSpan SettleTime { get; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Watches exactly these folders (the first <see cref="MaxFolders"/>).</summary>
    public void WatchOnly(IEnumerable<string> folders)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var wanted = folders.Where(Directory.Exists).Distinct(StringComparer.Ordinal).Take(MaxFolders).ToHashSet(StringComparer.Ordinal);
            foreach (var gone in _watchers.Keys.Where(f => !wanted.Contains(f)).ToList())
            {
                _watchers[gone].Dispose();
                _watchers.Remove(gone);
            }

            foreach (var folder in wanted.Where(f => !_watchers.ContainsKey(f)))
            {
                try
                {
                    var watcher = new FileSystemWatcher(folder)
                    {
                        NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
                        IncludeSubdirectories = false,
                    };
                    watcher.Changed += OnChange;
                    watcher.Created += OnChange;
                    watcher.Deleted += OnChange;
                    watcher.Renamed += OnChange;
                    watcher.EnableRaisingEvents = true;
                    _watchers[folder] = watcher;
                }
                catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException or PlatformNotSupportedException)
                {
                    _log.Write($"mediarules lsp: cannot watch {folder} ({ex.Message}); changes there are seen when a document is opened or saved\n");
                }
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            foreach (var watcher in _watchers.Values)
            {
                watcher.Dispose();
            }

            _watchers.Clear();
        }

        _settle.Dispose();
        _poll.Dispose();
    }

    private void OnChange(object sender, FileSystemEventArgs e)
    {
        var renamedFrom = (e as RenamedEventArgs)?.OldFullPath;
        if (LspRules.IsRuleOrConfigurationFile(e.FullPath) || (renamedFrom is not null && LspRules.IsRuleOrConfigurationFile(renamedFrom)))
        {
            lock (_gate)
            {
                if (!_disposed)
                {
                    _settle.Change(SettleTime, Timeout.InfiniteTimeSpan);
                }
            }
        }
    }

    private void Fire()
    {
        try
        {
            _changed();
        }
#pragma warning disable CA1031 // A failed reload must not take the timer thread (and the process) down.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _log.Write($"mediarules lsp: reloading after a file change failed: {ex}\n");
        }
    }
}

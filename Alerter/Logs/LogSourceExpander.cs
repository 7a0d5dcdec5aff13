namespace Alerter.Logs;

/// <summary>Turns configured sources (paths or globs in the file name) into concrete files.</summary>
public static class LogSourceExpander
{
    public static bool IsGlob(string path) => Path.GetFileName(path).AsSpan().IndexOfAny('*', '?') >= 0;

    /// <summary>
    /// Every file a source names now. A plain path is returned even when the file does not exist yet (its job
    /// waits for it); a glob returns the files that match now.
    /// </summary>
    public static IReadOnlyList<LogFileTarget> Expand(IEnumerable<LogSourceOptions> sources)
    {
        var targets = new Dictionary<string, LogFileTarget>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            var full = Path.GetFullPath(source.Path);
            if (!IsGlob(full))
            {
                targets.TryAdd(full, new LogFileTarget(full, source.ResolvedHost, source.Start));
                continue;
            }
            var directory = Path.GetDirectoryName(full)!;
            if (!Directory.Exists(directory))
            {
                continue;
            }
            foreach (var file in Directory.EnumerateFiles(directory, Path.GetFileName(full)).Order(StringComparer.Ordinal))
            {
                targets.TryAdd(file, new LogFileTarget(file, source.ResolvedHost, source.Start));
            }
        }
        return [.. targets.Values];
    }

    /// <summary>Whether <paramref name="path"/> is named by a source (by pattern, whether or not it exists).</summary>
    public static bool IsConfigured(IEnumerable<LogSourceOptions> sources, string path)
        => sources.Any(s =>
        {
            var full = Path.GetFullPath(s.Path);
            return string.Equals(Path.GetDirectoryName(full), Path.GetDirectoryName(path), StringComparison.Ordinal)
                && System.IO.Enumeration.FileSystemName.MatchesSimpleExpression(Path.GetFileName(full), Path.GetFileName(path), ignoreCase: false);
        });
}

namespace ServiceDefaults;

/// <summary>
/// A part's own files (spools, job stores) given as relative paths live under its data directory, never the
/// working directory: a service's working directory is often <c>/</c> or a read-only place.
/// </summary>
public static class DataPaths
{
    /// <summary><paramref name="path"/> when absolute; otherwise under <paramref name="dataDirectory"/>, as a full path.</summary>
    public static string Resolve(string dataDirectory, string path) =>
        Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(dataDirectory, path));
}

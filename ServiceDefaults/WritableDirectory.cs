namespace ServiceDefaults;

/// <summary>Whether a configured data directory can be used: created if missing, and a file written in it.</summary>
public static class WritableDirectory
{
    /// <summary>Null when <paramref name="directory"/> exists (or was just created) and this user can write in it; otherwise why not.</summary>
    public static string? Problem(string directory)
    {
        try
        {
            Directory.CreateDirectory(directory);
            var probe = Path.Combine(directory, $".write-test-{Environment.ProcessId}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return ex.Message;
        }
    }

    /// <summary>The sentence every part uses for an unusable directory: the setting, the path and what to do.</summary>
    public static string Describe(string setting, string directory, string problem) =>
        $"{setting} '{directory}' ({Path.GetFullPath(directory)}) cannot be used: {problem.TrimEnd('.')}. Point it at a directory this user can write, or fix its permissions.";
}

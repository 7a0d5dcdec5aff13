namespace Collector.Polling;

/// <summary>Lists socket files for glob endpoints; a seam for tests.</summary>
public interface ISocketDirectory
{
    /// <summary>Full paths of entries in <paramref name="directory"/> matching <paramref name="pattern"/>; empty when the directory is missing.</summary>
    IEnumerable<string> List(string directory, string pattern);
}

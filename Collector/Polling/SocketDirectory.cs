namespace Collector.Polling;

/// <summary>The real file system: sockets are non-directory entries, so they are listed as files.</summary>
public sealed class SocketDirectory : ISocketDirectory
{
    public IEnumerable<string> List(string directory, string pattern)
    {
        try
        {
            return Directory.Exists(directory) ? Directory.GetFiles(directory, pattern) : [];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}

using HAProxy.Sockets;
using Microsoft.Win32.SafeHandles;

namespace Alerter.Logs;

/// <summary>The real file system: <c>statx</c> (<see cref="UnixFileStat"/>) for identity, the first bytes for the fingerprint.</summary>
public sealed class PhysicalFileSystemView : IFileSystemView
{
    private static readonly string[] CompressedSuffixes = [".gz", ".bz2", ".xz", ".zst", ".lz4", ".zip"];

    public FileObservation? Observe(string path, int fingerprintLength)
    {
        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var (identity, size) = Identify(handle);
            var fingerprint = size >= fingerprintLength ? Fingerprint.Of(handle, fingerprintLength) : null;
            return new FileObservation(path, identity, size, fingerprint, File.GetLastWriteTimeUtc(handle));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public IReadOnlyList<FileObservation> ObserveSiblings(string path, int fingerprintLength)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var name = Path.GetFileName(path);
        if (!Directory.Exists(directory))
        {
            return [];
        }
        var result = new List<FileObservation>();
        foreach (var candidate in Directory.EnumerateFiles(directory, name + "*"))
        {
            if (string.Equals(Path.GetFileName(candidate), name, StringComparison.Ordinal)
                || CompressedSuffixes.Any(s => candidate.EndsWith(s, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }
            if (Observe(candidate, fingerprintLength) is { } observation)
            {
                result.Add(observation);
            }
        }
        return result;
    }

    public FileStream Open(string path) => OpenShared(path);

    /// <summary>Opens a file for reading while others write, rename or truncate it.</summary>
    public static FileStream OpenShared(string path)
        => new(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);

    internal static (FileIdentity Identity, long Size) Identify(SafeFileHandle handle)
    {
        var stat = UnixFileStat.Get(handle);
        return (new FileIdentity((long)stat.Device, (long)stat.Inode), stat.Size);
    }
}

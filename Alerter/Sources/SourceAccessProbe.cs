using HAProxy.Sockets;

namespace Alerter.Sources;

/// <summary>
/// Finds out why a log path cannot be read, as this process (the I/O side of <see cref="SourceAdvice"/>): statx on the
/// path (missing, or a directory not searchable), then an open for reading (permission denied), with the owner, group
/// and mode of the file and this process's user and groups.
/// </summary>
public static class SourceAccessProbe
{
    private const int Enoent = 2;
    private const int Eacces = 13;
    private const int Enotdir = 20;

    /// <summary>The problem with reading <paramref name="path"/>, or null when it can be opened for reading.</summary>
    public static string? CheckFile(string path)
    {
        if (!UnixFileStat.TryGet(path, out var stat, out var errno))
        {
            return errno switch
            {
                Enoent or Enotdir => SourceAdvice.FileMissing(path, Directory.Exists(Path.GetDirectoryName(path))),
                Eacces => SourceAdvice.DirectoryNotSearchable(path, Facts(null)),
                _ => $"cannot look at the log file {path}: error {errno}.",
            };
        }
        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return SourceAdvice.FileUnreadable(path, Facts(stat));
        }
        catch (FileNotFoundException)
        {
            return SourceAdvice.FileMissing(path, true);
        }
        catch (IOException ex)
        {
            return $"cannot read the log file {path}: {ex.Message}";
        }
    }

    /// <summary>This process's user and groups, and the owner, group and mode of <paramref name="stat"/> when given.</summary>
    public static AccessFacts Facts(UnixFileStat? stat)
    {
        var account = UnixAccount.Current();
        var uid = account?.Uid ?? 0;
        var groups = account is null ? [] : account.Groups.Append(account.Gid).Distinct().Select(UnixAccount.GroupName).ToList();
        return new AccessFacts(account is null ? Environment.UserName : UnixAccount.UserName(uid), uid, groups,
            stat is { } s ? UnixAccount.UserName(s.Uid) : null, stat is { } t ? UnixAccount.GroupName(t.Gid) : null, stat?.Mode);
    }

    /// <summary>Facts about a directory (a journal directory), or only about this process when it cannot be stat'ed.</summary>
    public static AccessFacts FactsFor(string? directory)
        => directory is not null && UnixFileStat.TryGet(directory, out var stat, out _) ? Facts(stat) : Facts(null);
}

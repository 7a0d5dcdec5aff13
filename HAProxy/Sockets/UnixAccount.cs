namespace HAProxy.Sockets;

/// <summary>
/// Who this thread is for file permission checks (fs uid/gid and supplementary groups, from
/// <c>/proc/thread-self/status</c>) and the names of uids and gids (from <c>/etc/passwd</c>, <c>/etc/group</c>),
/// so a permission error can say which user needs which group.
/// </summary>
public sealed record UnixAccount(uint Uid, uint Gid, IReadOnlyList<uint> Groups)
{
    /// <summary>The current thread's credentials, or null when <c>/proc</c> is not readable.</summary>
    public static UnixAccount? Current()
    {
        foreach (var path in new[] { "/proc/thread-self/status", "/proc/self/status" })
        {
            try
            {
                if (ParseStatus(File.ReadAllText(path)) is { } account)
                {
                    return account;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
            }
        }
        return null;
    }

    /// <summary>Parses the <c>Uid:</c>, <c>Gid:</c> and <c>Groups:</c> lines; the 4th Uid/Gid value is the fs id.</summary>
    public static UnixAccount? ParseStatus(string status)
    {
        uint? uid = null;
        uint? gid = null;
        var groups = new List<uint>();
        foreach (var line in status.Split('\n'))
        {
            if (line.StartsWith("Uid:", StringComparison.Ordinal))
            {
                uid = FsId(line);
            }
            else if (line.StartsWith("Gid:", StringComparison.Ordinal))
            {
                gid = FsId(line);
            }
            else if (line.StartsWith("Groups:", StringComparison.Ordinal))
            {
                foreach (var part in line["Groups:".Length..].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
                {
                    if (uint.TryParse(part, out var g))
                    {
                        groups.Add(g);
                    }
                }
            }
        }
        return uid is { } u && gid is { } gr ? new UnixAccount(u, gr, groups) : null;
    }

    /// <summary>Name of a uid (from <c>/etc/passwd</c>) or of a gid (<c>/etc/group</c>); the number when unknown.</summary>
    public static string UserName(uint uid) => LookUp("/etc/passwd", uid);

    public static string GroupName(uint gid) => LookUp("/etc/group", gid);

    /// <summary>Finds the name whose third colon-separated field is <paramref name="id"/> in passwd/group text.</summary>
    public static string? FindName(string databaseText, uint id)
    {
        foreach (var line in databaseText.Split('\n'))
        {
            var fields = line.Split(':');
            if (fields.Length >= 3 && uint.TryParse(fields[2], out var value) && value == id)
            {
                return fields[0];
            }
        }
        return null;
    }

    private static string LookUp(string database, uint id)
    {
        try
        {
            return FindName(File.ReadAllText(database), id) ?? id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    private static uint? FsId(string line)
    {
        var parts = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        // "Uid:  real  effective  saved  filesystem"
        var index = parts.Length >= 5 ? 4 : parts.Length - 1;
        return index >= 1 && uint.TryParse(parts[index], out var id) ? id : null;
    }
}

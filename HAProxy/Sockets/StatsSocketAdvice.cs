using System.Globalization;
using System.Text;

namespace HAProxy.Sockets;

/// <summary>
/// The messages behind each <see cref="StatsSocketError"/>: what happened and what a person can do about it.
/// Pure: every fact (owner, mode, user) is passed in.
/// </summary>
internal static class StatsSocketAdvice
{
    public static string SocketMissing(string path, bool directoryMissing) => directoryMissing
        ? $"The stats socket {path} does not exist, nor does its directory {System.IO.Path.GetDirectoryName(path)}. Is HAProxy running? Is `stats socket {path}` in its global section?"
        : $"The stats socket {path} does not exist. Is HAProxy running? Is `stats socket {path}` in its global section (check the path and the chroot)?";

    /// <summary>Says who we are, who owns the socket, and the two ways out (join the group, or change the socket's mode/group).</summary>
    public static string PermissionDenied(string path, PermissionFacts facts)
    {
        var text = new StringBuilder($"Permission denied opening the stats socket {path}: this process runs as user {facts.UserName} (uid {facts.Uid})");
        text.Append(facts.GroupNames.Count > 0 ? $" in groups {string.Join(", ", facts.GroupNames)}" : " with no groups").Append(". ");
        if (facts.SocketOwner is { } owner && facts.SocketGroup is { } group && facts.SocketMode is { } mode)
        {
            var octal = Convert.ToString(mode & 0xFFF, 8).PadLeft(3, '0');
            text.Append(CultureInfo.InvariantCulture, $"The socket is owned by {owner}:{group} with mode {octal} ({Symbolic(mode)}). ");
            text.Append(CultureInfo.InvariantCulture, $"Run as user {owner} or as a member of group {group} (and give the group access: `stats socket {path} mode 660 group {group}`), ");
            text.Append(CultureInfo.InvariantCulture, $"or set `stats socket {path} mode 660 group <a group of {facts.UserName}>` in HAProxy's global section. ");
            // The kernel gives a process its groups when it starts: `usermod -aG` changes nothing for one that runs.
            text.Append(CultureInfo.InvariantCulture, $"A group {facts.UserName} joins while this process runs counts only after a restart of the process.");
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture, $"A directory on the way to the socket is not searchable by {facts.UserName}: give that user execute (x) permission on every parent directory of {path}, or move the socket (`stats socket <path> mode 660 group <group>`).");
        }
        return text.ToString();
    }

    public static string ConnectionRefused(StatsEndpoint endpoint) => endpoint.Kind == StatsEndpointKind.Unix
        ? $"Connection refused on the stats socket {endpoint.Path}: the file exists but no process listens on it. HAProxy has stopped and left a stale socket file behind; start HAProxy (the file is replaced on start)."
        : $"Connection refused on {endpoint}: nothing listens there. Is HAProxy running, and is `stats socket ipv4@{endpoint}` (or `stats socket {endpoint}`) in its global section?";

    public static string NotASocketFile(string path, uint mode) =>
        $"{path} exists but is not a socket ({Symbolic(mode)}): this is not HAProxy's stats socket. Check the `stats socket` path in HAProxy's global section.";

    public static string NotAStatsSocket(StatsEndpoint endpoint, string got) =>
        $"{endpoint} answered, but not like an HAProxy stats socket (got '{Preview(got)}'). Check that the endpoint is HAProxy's `stats socket`, not an HTTP port (the stats page) or another service.";

    public static string HostNotFound(StatsEndpoint endpoint) =>
        $"The host of the stats endpoint {endpoint} could not be resolved. Check the host name, or use an address such as 127.0.0.1:9999.";

    public static string InsufficientLevel(StatsEndpoint endpoint, string command) =>
        $"HAProxy refused '{command}' on {endpoint} with 'Permission denied': the socket's level is below what the command needs. Declare it with `stats socket <path> level admin` (admin commands) or connect to a socket that has it.";

    /// <summary>A short, printable preview of unexpected text.</summary>
    public static string Preview(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text)
        {
            if (builder.Length >= 80)
            {
                builder.Append('…');
                break;
            }
            builder.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                _ when char.IsControl(c) => "\\x" + ((int)c).ToString("x2", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }
        return builder.ToString();
    }

    /// <summary><c>srw-rw----</c> style permissions.</summary>
    public static string Symbolic(uint mode)
    {
        var type = (mode & 0xF000) switch
        {
            0xC000 => 's',
            0x4000 => 'd',
            0xA000 => 'l',
            0x1000 => 'p',
            0x8000 => '-',
            _ => '?',
        };
        var chars = new char[10];
        chars[0] = type;
        const string rwx = "rwx";
        for (var i = 0; i < 9; i++)
        {
            chars[i + 1] = (mode & (1u << (8 - i))) != 0 ? rwx[i % 3] : '-';
        }
        return new string(chars);
    }
}

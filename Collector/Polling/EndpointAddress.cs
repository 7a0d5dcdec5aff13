using HAProxy.Sockets;

namespace Collector.Polling;

/// <summary>Pure helpers for configured endpoint addresses: globs and default host tags.</summary>
public static class EndpointAddress
{
    private static readonly char[] Wildcards = ['*', '?'];

    /// <summary>True when the address has a wildcard (<c>*</c> or <c>?</c>), i.e. names a set of unix sockets.</summary>
    public static bool IsGlob(string address) => address.IndexOfAny(Wildcards) >= 0;

    /// <summary>Why a glob cannot be expanded, or null when it can.</summary>
    public static string? GlobError(string address)
    {
        var path = StripUnixPrefix(address);
        var directory = Path.GetDirectoryName(path);
        if (string.IsNullOrEmpty(directory) || !Path.IsPathRooted(path))
        {
            return "a glob needs an absolute directory, e.g. /run/haproxy/*.sock";
        }
        return directory.IndexOfAny(Wildcards) >= 0
            ? "wildcards are allowed in the socket file name only, not in directories (e.g. /run/haproxy/*.sock)"
            : null;
    }

    /// <summary>Splits a glob into its directory and file-name pattern.</summary>
    public static (string Directory, string Pattern) SplitGlob(string address)
    {
        var path = StripUnixPrefix(address);
        return (Path.GetDirectoryName(path)!, Path.GetFileName(path));
    }

    /// <summary>Default host tag: machine name plus socket file name or TCP address (<c>lb1/admin.sock</c>).</summary>
    public static string DefaultHost(string machineName, StatsEndpoint endpoint) =>
        endpoint.Kind == StatsEndpointKind.Unix
            ? $"{machineName}/{Path.GetFileName(endpoint.Path)}"
            : $"{machineName}/{endpoint}";

    private static string StripUnixPrefix(string address) =>
        address.StartsWith("unix:", StringComparison.Ordinal) ? address["unix:".Length..] : address;
}

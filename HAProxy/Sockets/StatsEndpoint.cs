namespace HAProxy.Sockets;

/// <summary>
/// Where an HAProxy stats socket lives: a unix socket path (<c>/run/haproxy/admin.sock</c>,
/// <c>unix:/path</c>) or a TCP address (<c>127.0.0.1:9999</c>, <c>tcp:host:port</c>, <c>[::1]:9999</c>).
/// </summary>
public sealed record StatsEndpoint
{
    private StatsEndpoint(StatsEndpointKind kind, string? path, string? host, int port)
    {
        Kind = kind;
        Path = path;
        Host = host;
        Port = port;
    }

    public StatsEndpointKind Kind { get; }

    /// <summary>Socket file path, for <see cref="StatsEndpointKind.Unix"/>.</summary>
    public string? Path { get; }

    /// <summary>Host name or address, for <see cref="StatsEndpointKind.Tcp"/>.</summary>
    public string? Host { get; }

    /// <summary>TCP port, for <see cref="StatsEndpointKind.Tcp"/>; 0 otherwise.</summary>
    public int Port { get; }

    public static StatsEndpoint Unix(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new StatsEndpoint(StatsEndpointKind.Unix, path, null, 0);
    }

    public static StatsEndpoint Tcp(string host, int port)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        ArgumentOutOfRangeException.ThrowIfLessThan(port, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        return new StatsEndpoint(StatsEndpointKind.Tcp, null, host, port);
    }

    /// <summary>Parses the forms accepted in configuration and on command lines.</summary>
    /// <exception cref="FormatException">With a message that shows the accepted forms.</exception>
    public static StatsEndpoint Parse(string text)
    {
        if (TryParse(text, out var endpoint, out var error))
        {
            return endpoint;
        }
        throw new FormatException(error);
    }

    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out StatsEndpoint? endpoint, out string error)
    {
        endpoint = null;
        error = "";
        var value = text?.Trim() ?? "";
        const string forms = "Use a socket path (/run/haproxy/admin.sock or unix:/path) or host:port (127.0.0.1:9999, tcp:[::1]:9999).";
        if (value.Length == 0)
        {
            error = "The stats endpoint is empty. " + forms;
            return false;
        }
        if (value.StartsWith("unix:", StringComparison.Ordinal))
        {
            value = value["unix:".Length..];
            if (value.Length == 0)
            {
                error = $"'{text}' names no socket path. " + forms;
                return false;
            }
            endpoint = Unix(value);
            return true;
        }
        var explicitTcp = value.StartsWith("tcp:", StringComparison.Ordinal);
        if (explicitTcp)
        {
            value = value["tcp:".Length..];
        }
        else if (value.Contains('/') || !value.Contains(':'))
        {
            endpoint = Unix(value);
            return true;
        }
        var colon = value.LastIndexOf(':');
        var host = colon > 0 ? value[..colon] : "";
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }
        if (host.Length == 0 || !int.TryParse(value[(colon + 1)..], out var port) || port is < 1 or > 65535)
        {
            error = $"'{text}' is not a valid host:port. " + forms;
            return false;
        }
        endpoint = Tcp(host, port);
        return true;
    }

    public override string ToString() => Kind == StatsEndpointKind.Unix
        ? Path!
        : Host!.Contains(':') ? $"[{Host}]:{Port}" : $"{Host}:{Port}";
}

namespace HAProxy.Admin;

/// <summary>
/// A server named as HAProxy's CLI names it: <c>backend/server</c>. Names are validated against HAProxy's own
/// rule (letters, digits, '-', '_', '.', ':') so that no command text can be injected through a name.
/// </summary>
public readonly record struct ServerRef
{
    public ServerRef(string proxy, string server)
    {
        Proxy = Validate(proxy, nameof(proxy));
        Server = Validate(server, nameof(server));
    }

    public string Proxy { get; }

    public string Server { get; }

    public override string ToString() => $"{Proxy}/{Server}";

    public static bool IsValidName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':'))
            {
                return false;
            }
        }
        return true;
    }

    private static string Validate(string name, string parameter) => IsValidName(name)
        ? name
        : throw new ArgumentException($"'{name}' is not a valid HAProxy name (letters, digits, '-', '_', '.', ':').", parameter);
}

using System.Net;

namespace Dashboard.Web.Security;

/// <summary>
/// Pure bookkeeping for the failure log: a client's first failure logs a line, later ones within a minute of that
/// line are only counted, and the next line says how many there were. So a guesser at 1,000 tries a second writes
/// one line a minute (what fail2ban needs: the address, once per minute), not 60,000.
/// </summary>
public sealed class FailureWindows
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    // Enough for a scan from many addresses; past it, windows older than a minute are forgotten first.
    private const int MaxClients = 10_000;
    private readonly Dictionary<IPAddress, (DateTimeOffset LoggedAt, int Since)> _clients = [];
    private readonly Lock _gate = new();

    /// <summary>True when this failure is to be logged; <paramref name="since"/> is then how many were counted, not logged, since the client's previous line.</summary>
    public bool Record(IPAddress client, DateTimeOffset now, out int since)
    {
        lock (_gate)
        {
            if (_clients.TryGetValue(client, out var entry) && now - entry.LoggedAt < Window)
            {
                _clients[client] = (entry.LoggedAt, entry.Since + 1);
                since = 0;
                return false;
            }
            if (_clients.Count >= MaxClients)
            {
                foreach (var old in _clients.Where(c => now - c.Value.LoggedAt >= Window).Select(c => c.Key).ToList())
                {
                    _clients.Remove(old);
                }
            }
            since = entry.Since;
            _clients[client] = (now, 0);
            return true;
        }
    }
}

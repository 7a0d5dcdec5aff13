namespace Storage.Reading;

/// <summary>
/// Hosts that stopped reporting for good (a renamed node, a retired load balancer), by the name the store has in its
/// <c>host</c> tag. A listing of every host leaves them out, so they raise no "no new data" banner and, for the
/// Alerter's coming "not reporting" rule, no alert; their history stays in the store and is still read when a reader
/// asks for that host by name (a link, an event). One definition for every part that reads the store: each binds its
/// own setting (<c>Dashboard:RetiredHosts</c>, later <c>Alerter:RetiredHosts</c>) to this.
/// </summary>
public sealed class RetiredHosts
{
    public static readonly RetiredHosts None = new([]);

    private readonly HashSet<string> _hosts;

    /// <param name="hosts">Host names, matched exactly (case-sensitive, as stored); blank entries are ignored.</param>
    public RetiredHosts(IEnumerable<string?>? hosts) =>
        _hosts = new HashSet<string>((hosts ?? []).Where(h => !string.IsNullOrWhiteSpace(h)).Select(h => h!.Trim()), StringComparer.Ordinal);

    public IReadOnlyCollection<string> Hosts => _hosts;

    public bool Contains(string host) => _hosts.Contains(host);

    /// <summary>Whether a read for <paramref name="askedHost"/> (null: every host) leaves <paramref name="host"/> out.</summary>
    public bool Hides(string host, string? askedHost) => askedHost is null && _hosts.Contains(host);

    /// <summary>The suite's health without the retired hosts' Collector endpoints and sinks: a host that will never
    /// report again must not show as a stale part forever.</summary>
    public SuiteHealth LeaveOut(SuiteHealth suite) => _hosts.Count == 0 ? suite : suite with
    {
        Endpoints = suite.Endpoints.Where(e => !_hosts.Contains(e.Host)).ToList(),
        Sinks = suite.Sinks.Where(s => !_hosts.Contains(s.Host)).ToList(),
    };
}

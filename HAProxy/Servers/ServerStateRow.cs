namespace HAProxy.Servers;

/// <summary>
/// One row of <c>show servers state</c>: the operational and administrative state HAProxy would save in a
/// server-state file. All columns stay available by header name in <see cref="Values"/>.
/// </summary>
public sealed record ServerStateRow(IReadOnlyDictionary<string, string> Values)
{
    public string BackendName => Values.GetValueOrDefault("be_name", "");

    public string ServerName => Values.GetValueOrDefault("srv_name", "");

    public string Address => Values.GetValueOrDefault("srv_addr", "");

    /// <summary>srv_op_state: 0 stopped (DOWN), 1 starting, 2 running (UP), 3 stopping.</summary>
    public int? OperationalState => GetInt("srv_op_state");

    /// <summary>srv_admin_state flags: 0x01 forced maintenance, 0x02 inherited maintenance, 0x08 forced drain, ...</summary>
    public int? AdminState => GetInt("srv_admin_state");

    public int? UserWeight => GetInt("srv_uweight");

    public int? InitialWeight => GetInt("srv_iweight");

    public long? SecondsSinceLastChange => GetInt("srv_time_since_last_change");

    public int? Port => GetInt("srv_port");

    public bool InMaintenance => AdminState is { } flags && (flags & 0x03) != 0;

    public bool Draining => AdminState is { } flags && (flags & 0x18) != 0;

    private int? GetInt(string key) => Values.TryGetValue(key, out var text) && int.TryParse(text, out var value) ? value : null;
}

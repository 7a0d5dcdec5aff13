using Dashboard.Top.Model;

namespace Dashboard.Top.Columns;

/// <summary>The columns of each table mode: name, weight, status and check first (as HATop), then the mode's own.</summary>
public static class ColumnSets
{
    public const string NodeId = "node";
    public const string ProxyId = "pxname";
    public const string ServiceId = "svname";
    public const int NameWidth = 14;

    private static readonly TopColumn Node = new(NodeId, "NODE", 12, false, s => s.NodeLabel);
    private static readonly TopColumn Proxy = new(ProxyId, "PROXY", NameWidth, false, s => s.Derived.Proxy);
    private static readonly TopColumn Service = new(ServiceId, "SERVICE", NameWidth, false, s => s.Derived.Service);
    private static readonly TopColumn Weight = TopColumn.Raw("weight", "WEIGHT", 6);
    private static readonly TopColumn Status = new("status", "STATUS", 11, false, s => s.Cell("status"));
    private static readonly TopColumn Check = new("check_status", "CHECK", 10, false, CheckText);

    private static readonly TopColumn[] StatusColumns =
    [
        TopColumn.Raw("act", "ACT", 4), TopColumn.Raw("bck", "BCK", 4),
        TopColumn.Raw("qcur", "QCUR", 6), TopColumn.Raw("qmax", "QMAX", 6),
        TopColumn.Raw("scur", "SCUR", 7), TopColumn.Raw("smax", "SMAX", 7), TopColumn.Raw("slim", "SLIM", 7),
        TopColumn.Raw("stot", "STOT", 10),
    ];

    private static readonly TopColumn[] TrafficColumns =
    [
        TopColumn.Raw("lbtot", "LBTOT", 9), TopColumn.Raw("rate", "RATE", 6), TopColumn.Raw("rate_lim", "RLIM", 6),
        TopColumn.Raw("rate_max", "RMAX", 6), TopColumn.Derived("sess_per_s", "SESS/S", 7, d => d.SessionRate),
        TopColumn.Bytes("bin", "BIN", 7), TopColumn.Bytes("bout", "BOUT", 7),
        TopColumn.Derived("bin_per_s", "IN/S", 7, d => d.BytesInRate, bytes: true),
        TopColumn.Derived("bout_per_s", "OUT/S", 7, d => d.BytesOutRate, bytes: true),
        new("spark", "TRAFFIC " + TrafficHistory.Shown * TrafficHistory.BucketSeconds / 60 + "m", TrafficHistory.Shown + 1, false, SparkText),
    ];

    private static readonly TopColumn[] HttpColumns =
    [
        TopColumn.Raw("req_rate", "REQ/S", 6), TopColumn.Raw("req_rate_max", "RQMAX", 6), TopColumn.Raw("req_tot", "REQTOT", 9),
        TopColumn.Derived("req_per_s", "REQ/S~", 7, d => d.RequestRate),
        TopColumn.Raw("hrsp_1xx", "1XX", 6), TopColumn.Raw("hrsp_2xx", "2XX", 8), TopColumn.Raw("hrsp_3xx", "3XX", 7),
        TopColumn.Raw("hrsp_4xx", "4XX", 7), TopColumn.Raw("hrsp_5xx", "5XX", 7), TopColumn.Raw("hrsp_other", "OTHER", 6),
    ];

    private static readonly TopColumn[] ErrorColumns =
    [
        TopColumn.Raw("chkfail", "CHKFAIL", 7), TopColumn.Raw("chkdown", "CHKDOWN", 7), TopColumn.Age("lastchg", "LASTCHG", 8),
        TopColumn.Raw("econ", "ECON", 6), TopColumn.Raw("ereq", "EREQ", 6), TopColumn.Raw("eresp", "ERESP", 6),
        TopColumn.Raw("dreq", "DREQ", 6), TopColumn.Raw("dresp", "DRESP", 6), TopColumn.Age("downtime", "DOWNTIME", 8),
    ];

    /// <summary>The columns of <paramref name="mode"/>; a NODE column first when several endpoints are shown.</summary>
    public static IReadOnlyList<TopColumn> For(TopMode mode, bool multiNode)
    {
        var own = mode switch
        {
            TopMode.Traffic => TrafficColumns,
            TopMode.Http => HttpColumns,
            TopMode.Errors => ErrorColumns,
            _ => StatusColumns,
        };
        var list = new List<TopColumn>(own.Length + 7);
        if (multiNode)
        {
            list.Add(Node);
        }
        list.AddRange([Proxy, Service, Weight, Status, Check]);
        list.AddRange(own);
        return list;
    }

    private static string CheckText(CellSource source)
    {
        var status = source.Cell("check_status");
        var code = source.Cell("check_code");
        return code.Length > 0 ? status + "/" + code : status;
    }

    private static string SparkText(CellSource source)
    {
        if (source.Derived.History is not { } history)
        {
            return "";
        }
        Span<long> buckets = stackalloc long[TrafficHistory.Shown];
        history.CopyTo(source.Snapshot.HistoryBucket, buckets);
        return Sparkline.Render(buckets);
    }
}

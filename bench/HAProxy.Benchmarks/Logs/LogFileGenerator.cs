using System.Text;

namespace HAProxy.Benchmarks.Logs;

/// <summary>
/// Writes a realistic HAProxy log: syslog RFC 3164 datagrams as a syslog daemon stores them, request lines in
/// the exact <c>option httplog</c> shape captured from HAProxy 2.6 (varied clients, paths, timings, statuses,
/// servers), and one real state-change line (texts captured from HAProxy 2.6) per <see cref="EventEvery"/> lines.
/// Deterministic (fixed seed), so every run measures the same bytes.
/// </summary>
public static class LogFileGenerator
{
    public const int EventEvery = 1000;

    private static readonly string[] Events =
    [
        "<129>{0} haproxy[6085]: Server be_app/srv3 is DOWN, reason: Layer4 connection problem, info: \"Connection refused\", check duration: 0ms. 11 active and 1 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.",
        "<133>{0} haproxy[6085]: Server be_app/srv3 is UP, reason: Layer7 check passed, code: 200, check duration: 1ms. 12 active and 1 backup servers online. 0 sessions requeued, 0 total in queue.",
        "<129>{0} haproxy[6085]: Server be_static/srv2 is going DOWN for maintenance. 1 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.",
        "<133>{0} haproxy[6085]: Server be_static/srv2 is UP/READY (leaving forced maintenance).",
        "<133>{0} haproxy[6085]: Server be_app/srv7 enters drain state. 11 active and 1 backup servers online. 0 sessions requeued, 0 total in queue.",
        "<133>{0} haproxy[6085]: Server be_app/srv7 is UP (leaving forced drain).",
        "<129>{0} haproxy[6085]: Server be_app/srv1 is DOWN, changed from CLI. 11 active and 1 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.",
        "<129>{0} haproxy[6085]: Server be_app/trk1 is DOWN via be_app/srv1. 10 active and 1 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.",
        "<129>{0} haproxy[6085]: Backup Server be_app/bk1 is DOWN, reason: Layer4 connection problem, info: \"Connection refused\", check duration: 0ms. 12 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.",
        "<128>{0} haproxy[6085]: backend be_static has no server available!",
        "<133>{0} haproxy[6085]: Server be_app/srv1 was DOWN and now enters maintenance.",
        "<132>{0} haproxy[6085]: Proxy www stopped (cumulated conns: FE: 407, BE: 0).",
    ];

    private static readonly string[] Paths =
    [
        "/", "/index.html", "/api/v1/orders?page=2&size=50", "/api/v1/users/48213/profile", "/static/js/app.3f9c2b.js",
        "/static/css/site.css", "/images/logo@2x.png", "/api/v1/cart", "/health", "/favicon.ico",
        "/search?q=haproxy+load+balancer", "/api/v2/servers/list", "/checkout/confirm", "/login", "/status/server",
    ];

    private static readonly string[] Methods = ["GET", "GET", "GET", "GET", "POST", "HEAD", "GET", "PUT"];
    private static readonly int[] Statuses = [200, 200, 200, 200, 200, 200, 304, 200, 404, 302, 200, 500, 503, 200];
    private static readonly string[] Flags = ["----", "----", "----", "--NI", "--VN", "CD--", "SH--", "----", "--NN"];
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    public static long Generate(string path, long targetBytes)
    {
        var random = new Random(20261121);
        var time = new DateTime(2026, 11, 21, 0, 0, 0);
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var writer = new StreamWriter(file, new UTF8Encoding(false), 1 << 20);
        var line = new StringBuilder(256);
        long written = 0;
        long lines = 0;
        while (written < targetBytes)
        {
            time = time.AddTicks(random.Next(0, 20_000));
            var stamp = $"{Months[time.Month - 1]} {time.Day,2} {time:HH:mm:ss}";
            line.Clear();
            if (++lines % EventEvery == 0)
            {
                line.AppendFormat(Events[(int)(lines / EventEvery % Events.Length)], stamp);
            }
            else
            {
                AppendRequest(line, random, time, stamp);
            }
            line.Append('\n');
            writer.Write(line);
            written += line.Length;
        }
        return lines;
    }

    private static void AppendRequest(StringBuilder line, Random random, DateTime time, string stamp)
    {
        var status = Statuses[random.Next(Statuses.Length)];
        var backend = random.Next(4) == 0 ? "be_static" : "be_app";
        var server = backend == "be_static" ? $"srv{random.Next(1, 3)}" : $"srv{random.Next(1, 13)}";
        var tr = random.Next(0, 3);
        var tc = random.Next(0, 2);
        var tresp = random.Next(1, 250);
        var conns = random.Next(1, 400);
        line.Append("<134>").Append(stamp).Append(" haproxy[6085]: ")
            .Append(random.Next(1, 224)).Append('.').Append(random.Next(256)).Append('.').Append(random.Next(256)).Append('.').Append(random.Next(1, 255))
            .Append(':').Append(random.Next(1024, 65536))
            .Append(" [").Append(time.ToString("dd/MMM/yyyy:HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture)).Append("] ")
            .Append(random.Next(10) == 0 ? "www-https~" : "www").Append(' ').Append(backend).Append('/').Append(server).Append(' ')
            .Append(tr).Append("/0/").Append(tc).Append('/').Append(tresp).Append('/').Append(tr + tc + tresp + random.Next(3)).Append(' ')
            .Append(status).Append(' ').Append(random.Next(120, 90_000)).Append(" - - ").Append(Flags[random.Next(Flags.Length)]).Append(' ')
            .Append(conns).Append('/').Append(conns - random.Next(0, Math.Min(conns, 5))).Append('/').Append(random.Next(0, 50)).Append('/')
            .Append(random.Next(0, 20)).Append("/0 0/0 \"").Append(Methods[random.Next(Methods.Length)]).Append(' ')
            .Append(Paths[random.Next(Paths.Length)]).Append(random.Next(3) == 0 ? " HTTP/2.0\"" : " HTTP/1.1\"");
    }
}

using System.Globalization;

namespace Alerter.Tests.Support;

/// <summary>
/// Log lines in the exact shape HAProxy 2.6 writes them (captured on this machine: shared/reference/haproxy-2.6.md),
/// with the time and names as parameters so tests can make many distinct ones.
/// </summary>
public static class CapturedLines
{
    public static string Stamp(DateTime time) => time.ToString("MMM", CultureInfo.InvariantCulture) + " " + time.Day.ToString(CultureInfo.InvariantCulture).PadLeft(2) + time.ToString(" HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Down(DateTime time, string proxy = "be", string server = "srv1")
        => $"<129>{Stamp(time)} haproxy[6085]: Server {proxy}/{server} is DOWN, reason: Layer4 connection problem, info: \"Connection refused\", check duration: 0ms. 1 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.";

    public static string Up(DateTime time, string proxy = "be", string server = "srv1")
        => $"<133>{Stamp(time)} haproxy[6085]: Server {proxy}/{server} is UP, reason: Layer7 check passed, code: 200, check duration: 1ms. 2 active and 0 backup servers online. 0 sessions requeued, 0 total in queue.";

    public static string Request(DateTime time, int port = 58252)
        => $"<134>{Stamp(time)} haproxy[6085]: 127.0.0.1:{port} [{time.ToString("dd/MMM/yyyy:HH:mm:ss.fff", CultureInfo.InvariantCulture)}] fe be/srv1 0/0/0/1/1 200 188 - - ---- 1/1/0/0/0 0/0 \"GET / HTTP/1.1\"";
}

using Collector.Rates;
using HAProxy.Info;
using HAProxy.Stats;

namespace Collector.Tests.Rates;

/// <summary>Hand-built snapshots: a few CSV columns (parsed by name, as from a real HAProxy) and a show info.</summary>
internal static class Snapshots
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    public const string Header = "# pxname,svname,qcur,scur,slim,stot,bin,bout,hrsp_2xx,hrsp_5xx,req_tot,conn_tot,chkdown,status,type,check_status,\n";

    public static string Row(string px, string sv, int type, long stot, long bin = 0, string status = "UP", long scur = 0, string slim = "", string checkStatus = "", long hrsp2xx = 0, long reqTot = 0, string qcur = "0") =>
        $"{px},{sv},{(type == 0 ? "" : qcur)},{scur},{slim},{stot},{bin},{bin * 2},{hrsp2xx},0,{reqTot},{(type == 0 ? stot.ToString() : "")},{(type == 0 ? "" : "0")},{status},{type},{checkStatus},\n";

    public static string Info(int pid, long uptime, long startTime = 1_800_000_000, int stopping = 0) =>
        $"Name: HAProxy\nVersion: 2.6.12\nPid: {pid}\nUptime_sec: {uptime}\nStart_time_sec: {startTime}\nStopping: {stopping}\nCurrConns: 3\nMaxconn: 4000\nIdle_pct: 97\nRun_queue: 1\nTasks: 20\nConnRate: 5\nSessRate: 6\n";

    public static StatsSnapshot At(double seconds, string info, string rows, long generation = 1) =>
        new("lb1", T0.AddSeconds(seconds), ProcessInfo.Parse(info), StatCsvParser.Parse(Header + rows), generation);
}

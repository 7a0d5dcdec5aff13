using System.Diagnostics;
using System.Globalization;

namespace Dashboard.Web.Benchmarks;

/// <summary>CPU time and RSS from /proc: of one process, or of every descendant of this one (the Chromium tree).</summary>
public static class Processes
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    public static double CpuSeconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // utime and stime are fields 14 and 15 of stat; after the comm field they are at 11 and 12.
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
        }
        catch (IOException)
        {
            return 0; // exited meanwhile
        }
    }

    public static long RssBytes(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
            }
        }
        return 0;
    }

    public static IReadOnlyList<int> Descendants(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                parents[pid] = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
            }
        }
        var result = new List<int>();
        var queue = new Queue<int>([root]);
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            foreach (var (pid, parent) in parents)
            {
                if (parent == current)
                {
                    result.Add(pid);
                    queue.Enqueue(pid);
                }
            }
        }
        return result;
    }

    /// <summary>CPU seconds of the Chromium processes below this one (not Playwright's node driver), by Chromium process type (<c>--type=renderer</c>, <c>gpu-process</c>, ...; the browser process has none).</summary>
    public static Dictionary<string, double> ChromiumCpuSecondsByType()
    {
        var byType = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var pid in Descendants(Environment.ProcessId).Where(IsChromium))
        {
            var type = ChromiumType(pid);
            byType[type] = byType.GetValueOrDefault(type) + CpuSeconds(pid);
        }
        return byType;
    }

    private static string ChromiumType(int pid)
    {
        var arguments = CommandLine(pid).Split(['\0', ' ']);
        var type = arguments.FirstOrDefault(a => a.StartsWith("--type=", StringComparison.Ordinal));
        var subType = arguments.FirstOrDefault(a => a.StartsWith("--utility-sub-type=", StringComparison.Ordinal));
        return type is null ? "browser" : type["--type=".Length..] + (subType is null ? "" : ":" + subType["--utility-sub-type=".Length..]);
    }

    private static bool IsChromium(int pid) => CommandLine(pid).Contains("chromium", StringComparison.Ordinal);

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline");
        }
        catch (IOException)
        {
            return "";
        }
    }

    /// <summary><c>dotnet dashboard.dll web ...</c> as a child process, its output discarded.</summary>
    public static Process StartDashboard(string database, int port, IReadOnlyDictionary<string, string>? environment = null, params string[] extra)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "dashboard.dll");
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { dll, "web", "--db", database, "--urls", $"http://127.0.0.1:{port}", "--collector-interval", "00:00:02" }.Concat(extra))
        {
            info.ArgumentList.Add(a);
        }
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("dashboard: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public static async Task WaitForHttpAsync(string url, System.Net.Http.Headers.AuthenticationHeaderValue? authorization = null)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        http.DefaultRequestHeaders.Authorization = authorization;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                (await http.GetAsync(url + "/api/health")).EnsureSuccessStatusCode();
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }

    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}

using System.Diagnostics;

namespace HAProxy.Tests.Integration.Proxy;

/// <summary>
/// Runs the repository's <c>proxy/*.sh</c> scripts against a private run directory and free loopback
/// ports, the way a person would run them, and reads back what they left there (PID files, log, socket).
/// </summary>
public sealed class ProxyScripts
{
    private ProxyScripts(string runDirectory, int httpPort, int statsPort, int tcpPort, int backendPortBase)
    {
        RunDirectory = runDirectory;
        HttpPort = httpPort;
        StatsPort = statsPort;
        TcpPort = tcpPort;
        BackendPortBase = backendPortBase;
    }

    /// <summary>The checkout's root (the folder holding <c>Monitoring.sln</c>).</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    public string RunDirectory { get; }

    public int HttpPort { get; }

    public int StatsPort { get; }

    public int TcpPort { get; }

    public int BackendPortBase { get; }

    public string AdminSocket => Path.Combine(RunDirectory, "admin.sock");

    public string LogFile => Path.Combine(RunDirectory, "haproxy.log");

    public string ConfigFile => Path.Combine(RunDirectory, "haproxy.cfg");

    /// <summary>Free ports for the frontend, stats page and TCP listen, and seven consecutive ones for the demo backends.</summary>
    public static ProxyScripts ForRunDirectory(string runDirectory) =>
        new(runDirectory, TestSupport.FreePort.Next(), TestSupport.FreePort.Next(), TestSupport.FreePort.Next(), TestSupport.FreePort.NextRange(7));

    /// <summary>Runs <c>proxy/NAME</c> with this instance's settings plus <paramref name="extra"/>; returns exit code and output.</summary>
    public async Task<ScriptResult> RunAsync(string name, IReadOnlyDictionary<string, string>? extra = null, params string[] arguments)
    {
        var info = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot,
        };
        info.ArgumentList.Add(Path.Combine(RepositoryRoot, "proxy", name));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        info.Environment["PROXY_RUN_DIR"] = RunDirectory;
        info.Environment["PROXY_HTTP_PORT"] = HttpPort.ToString();
        info.Environment["PROXY_STATS_PORT"] = StatsPort.ToString();
        info.Environment["PROXY_TCP_PORT"] = TcpPort.ToString();
        info.Environment["PROXY_BACKEND_PORT_BASE"] = BackendPortBase.ToString();
        info.Environment["PROXY_CHAOS"] = "0";
        info.Environment["PROXY_TRAFFIC_RATE"] = "5";
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }
        using var process = Process.Start(info) ?? throw new InvalidOperationException("bash did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"proxy/{name} did not finish within 60 s.");
        }
        return new ScriptResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The PIDs start.sh recorded (first field of each <c>pids/*.pid</c>), by name.</summary>
    public IReadOnlyDictionary<string, int> RecordedPids()
    {
        var directory = Path.Combine(RunDirectory, "pids");
        if (!Directory.Exists(directory))
        {
            return new Dictionary<string, int>();
        }
        return Directory.GetFiles(directory, "*.pid").ToDictionary(
            file => Path.GetFileNameWithoutExtension(file),
            file => int.Parse(File.ReadAllText(file).Split(' ')[0]));
    }

    /// <summary>Whether a process runs (a zombie waiting for its parent to reap it does not).</summary>
    public static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Polls <paramref name="condition"/> every 100 ms until it holds or <paramref name="timeout"/> passes.</summary>
    public static async Task<bool> WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }
            await Task.Delay(100);
        }
        return await condition();
    }

    public string ReadLog() => File.Exists(LogFile) ? File.ReadAllText(LogFile) : "";

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Monitoring.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"Monitoring.sln not found above {AppContext.BaseDirectory}.");
    }
}

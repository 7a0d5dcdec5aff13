using System.Diagnostics;
using System.Text;
using TestSupport;

namespace Storage.Tests.Integration.Influx;

/// <summary>
/// A real <c>victoria-metrics</c> (Debian) on a free loopback port with its storage in a temp directory: a peer
/// that speaks InfluxDB's <c>/api/v2/write</c>. Stopped by PID on dispose.
/// </summary>
public sealed class VictoriaMetricsProcess : IAsyncDisposable
{
    public const string Binary = "/usr/bin/victoria-metrics";

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    private VictoriaMetricsProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}";

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<VictoriaMetricsProcess> StartAsync(string directory)
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException($"{Binary} is missing: install Debian's victoria-metrics package (./test.sh does).");
        }
        var port = FreePort.Next();
        var info = new ProcessStartInfo(Binary, $"-httpListenAddr=127.0.0.1:{port} -storageDataPath={directory}/vm -loggerLevel=ERROR")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(info) ?? throw new InvalidOperationException("victoria-metrics did not start");
        var vm = new VictoriaMetricsProcess(process, port);
        process.OutputDataReceived += (_, e) => vm.Append(e.Data);
        process.ErrorDataReceived += (_, e) => vm.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"victoria-metrics exited with {process.ExitCode}:\n{vm.Output}");
            }
            try
            {
                if ((await vm._http.GetStringAsync($"{vm.Url}/health")).Trim() == "OK")
                {
                    return vm;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"victoria-metrics did not answer /health on {vm.Url}:\n{vm.Output}");
    }

    /// <summary>Raw samples of the series matching <paramref name="match"/>, as JSON lines from <c>/api/v1/export</c>.</summary>
    public async Task<string[]> ExportAsync(string match)
    {
        using (await _http.GetAsync($"{Url}/internal/force_flush"))
        {
        }
        var body = await _http.GetStringAsync($"{Url}/api/v1/export?match[]={Uri.EscapeDataString(match)}");
        return body.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await ProcessSignal.StopAsync(_process, TimeSpan.FromSeconds(15));
        _process.Dispose();
        _http.Dispose();
    }
}

using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;

namespace TestSupport;

/// <summary>
/// A real <c>influxd</c> (Debian's 1.6.7) on free loopback ports with its meta/data/wal in a temp directory.
/// Stop and start again keep the same ports and data. Only the process started here is signalled, by PID.
/// </summary>
public sealed class InfluxDbProcess : IAsyncDisposable
{
    public const string Binary = "/usr/bin/influxd";

    private readonly string _configPath;
    private readonly StringBuilder _output = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private Process? _process;

    private InfluxDbProcess(string directory, int httpPort, bool authEnabled)
    {
        HttpPort = httpPort;
        _configPath = Path.Combine(directory, "influxdb.conf");
        var rpcPort = FreePort.Next();
        File.WriteAllText(_configPath, $"""
            reporting-disabled = true
            bind-address = "127.0.0.1:{rpcPort}"
            [meta]
              dir = "{directory}/meta"
            [data]
              dir = "{directory}/data"
              wal-dir = "{directory}/wal"
              query-log-enabled = false
            [monitor]
              store-enabled = false
            [continuous_queries]
              enabled = false
            [http]
              bind-address = "127.0.0.1:{httpPort}"
              auth-enabled = {(authEnabled ? "true" : "false")}
              log-enabled = false
            """);
    }

    public int HttpPort { get; }

    public string Url => $"http://127.0.0.1:{HttpPort}";

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

    public static async Task<InfluxDbProcess> StartAsync(string directory, bool authEnabled = false)
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException($"{Binary} is missing: install Debian's influxdb package (./test.sh does).");
        }
        var influx = new InfluxDbProcess(directory, FreePort.Next(), authEnabled);
        await influx.StartAgainAsync();
        return influx;
    }

    /// <summary>
    /// Starts influxd in <paramref name="directory"/> (created when missing) and creates <paramref name="database"/>:
    /// the start-up every test that writes to a v1 database needs; a failure stops the process again.
    /// </summary>
    public static async Task<InfluxDbProcess> StartWithDatabaseAsync(string directory, string database = "haproxy")
    {
        Directory.CreateDirectory(directory);
        var influx = await StartAsync(directory);
        try
        {
            (await influx.QueryAsync($"CREATE DATABASE \"{database}\"")).Dispose();
            return influx;
        }
        catch
        {
            await influx.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts influxd (again, after <see cref="StopAsync"/>) and waits for <c>/ping</c> to answer 204.</summary>
    public async Task StartAgainAsync()
    {
        var info = new ProcessStartInfo(Binary, $"-config {_configPath}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(info) ?? throw new InvalidOperationException("influxd did not start");
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"influxd exited with {process.ExitCode}:\n{Output}");
            }
            try
            {
                using var ping = await _http.GetAsync($"{Url}/ping");
                if (ping.StatusCode == HttpStatusCode.NoContent)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"influxd did not answer /ping on {Url}:\n{Output}");
    }

    /// <summary>SIGTERM and wait: the port closes (writers get "connection refused").</summary>
    public async Task StopAsync()
    {
        if (_process is { } process)
        {
            await ProcessSignal.StopAsync(process, TimeSpan.FromSeconds(20));
        }
        _process?.Dispose();
        _process = null;
    }

    /// <summary>Runs an InfluxQL statement through <c>POST /query</c>; returns the JSON answer.</summary>
    public async Task<JsonDocument> QueryAsync(string statement, string? database = null, string? user = null, string? password = null)
    {
        var form = new List<KeyValuePair<string, string>> { new("q", statement) };
        if (database is not null)
        {
            form.Add(new("db", database));
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Url}/query") { Content = new FormUrlEncodedContent(form) };
        if (user is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
                "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        }
        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"/query {statement} answered {(int)response.StatusCode}: {body}");
        }
        var json = JsonDocument.Parse(body);
        var error = json.RootElement.GetProperty("results")[0].TryGetProperty("error", out var e) ? e.GetString() : null;
        if (error is not null)
        {
            throw new InvalidOperationException($"/query {statement}: {error}");
        }
        return json;
    }

    /// <summary>The rows of the first series of a query, each as column name -> JSON value.</summary>
    public async Task<List<Dictionary<string, JsonElement>>> RowsAsync(string statement, string database, string? user = null, string? password = null)
    {
        using var json = await QueryAsync(statement, database, user, password);
        var rows = new List<Dictionary<string, JsonElement>>();
        var result = json.RootElement.GetProperty("results")[0];
        if (!result.TryGetProperty("series", out var series))
        {
            return rows;
        }
        foreach (var s in series.EnumerateArray())
        {
            var columns = s.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToList();
            foreach (var values in s.GetProperty("values").EnumerateArray())
            {
                rows.Add(columns.Select((c, i) => (c, v: values[i].Clone())).ToDictionary(x => x.c, x => x.v));
            }
        }
        return rows;
    }

    /// <summary><c>SELECT COUNT(field)</c> over a measurement; 0 when there is nothing yet.</summary>
    public async Task<long> CountAsync(string database, string measurement, string field)
    {
        var rows = await RowsAsync($"SELECT COUNT(\"{field}\") FROM \"{measurement}\"", database);
        return rows.Count == 0 ? 0 : rows[0]["count"].GetInt64();
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
        await StopAsync();
        _http.Dispose();
    }
}

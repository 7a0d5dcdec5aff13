using System.Text.Json;
using Collector.Hosting;
using Storage.Sqlite;
using Collector.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TestSupport;

namespace Collector.Tests.Integration;

/// <summary>
/// A real haproxy (frontend fe -> backend be with two checked test backends) and the Collector host polling it
/// every second into SQLite in a temp dir. Everything is stopped and deleted on dispose.
/// </summary>
public sealed class CollectorTestBed : IAsyncDisposable
{
    private IHost? _host;

    private CollectorTestBed(TempDirectory directory)
    {
        Directory = directory;
        Backend1 = new TestHttpBackend();
        Backend2 = new TestHttpBackend();
        FrontendPort = FreePort.Next();
        HealthPort = FreePort.Next();
    }

    public TempDirectory Directory { get; }

    public HAProxyProcess HAProxy { get; private set; } = null!;

    public TestHttpBackend Backend1 { get; }

    public TestHttpBackend Backend2 { get; }

    public int FrontendPort { get; }

    public int HealthPort { get; }

    public string Socket => Directory.Combine("admin.sock");

    public string DatabasePath => Directory.Combine("data/collector.db");

    public static async Task<CollectorTestBed> StartAsync()
    {
        var bed = new CollectorTestBed(new TempDirectory("ct"));
        try
        {
            bed.HAProxy = await TestSupport.HAProxyProcess.StartAsync(bed.Directory.Path, bed.Config(), bed.Socket);
        }
        catch
        {
            await bed.DisposeAsync();
            throw;
        }
        return bed;
    }

    private string Config() => $"""
        global
            stats socket {Socket} mode 600 level admin
            stats timeout 30s

        defaults
            mode http
            timeout connect 1s
            timeout client 5s
            timeout server 5s

        frontend fe
            bind 127.0.0.1:{FrontendPort}
            default_backend be

        backend be
            server srv1 {Backend1.Address} check inter 200ms rise 1 fall 1
            server srv2 {Backend2.Address} check inter 200ms rise 1 fall 1

        """;

    /// <summary>The Collector's configuration for this bed; tests add or override keys.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Collector:Endpoints:0:Address"] = Socket,
        ["Collector:Endpoints:0:Host"] = "lb1",
        ["Collector:Interval"] = "00:00:01",
        ["Collector:NodeName"] = "node1",
        ["Collector:Sqlite:DataDirectory"] = Directory.Combine("data"),
        ["Collector:Health:Port"] = HealthPort.ToString(),
    };

    public async Task StartCollectorAsync(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = Directory.Path,
            EnvironmentName = "Test",
        });
        builder.Configuration.AddInMemoryCollection(settings ?? Settings());
        builder.AddCollector();
        services?.Invoke(builder.Services);
        _host = builder.Build();
        await _host.StartAsync();
    }

    public async Task StopCollectorAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
            _host = null;
        }
    }

    /// <summary>Sends <paramref name="count"/> HTTP requests through the frontend.</summary>
    public async Task SendRequestsAsync(int count)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{FrontendPort}/") };
        for (var i = 0; i < count; i++)
        {
            using var response = await http.GetAsync("/");
            response.EnsureSuccessStatusCode();
        }
    }

    /// <summary>Stored samples of one series, oldest first, read through a second (read-only) connection.</summary>
    public List<StoredSample> Stored(string measurement, string? proxy = null, string? server = null, string host = "lb1")
    {
        if (!File.Exists(DatabasePath))
        {
            return [];
        }
        using var connection = new SqliteConnection(SqliteStore.ConnectionString(DatabasePath, readOnly: true));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT ts, fields FROM sample_view WHERE measurement = $m AND host = $h AND proxy = $p AND server = $s ORDER BY ts
            """;
        command.Parameters.AddWithValue("$m", measurement);
        command.Parameters.AddWithValue("$h", host);
        command.Parameters.AddWithValue("$p", proxy ?? "");
        command.Parameters.AddWithValue("$s", server ?? "");
        try
        {
            using var reader = command.ExecuteReader();
            var rows = new List<StoredSample>();
            while (reader.Read())
            {
                rows.Add(new StoredSample(reader.GetInt64(0), JsonDocument.Parse(reader.GetString(1)).RootElement.Clone()));
            }
            return rows;
        }
        catch (SqliteException ex) when (ex.Message.Contains("no such table", StringComparison.Ordinal))
        {
            // Tables not created yet: SQLite says so as an error (1), or as SQLITE_SCHEMA (17) when the schema
            // changed while the statement was being prepared.
            return [];
        }
    }

    public async Task<string> GetStatusAsync(string path = "/status")
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync($"http://127.0.0.1:{HealthPort}{path}");
        return await response.Content.ReadAsStringAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopCollectorAsync();
        if (HAProxy is not null)
        {
            await HAProxy.DisposeAsync();
        }
        Backend1.Dispose();
        Backend2.Dispose();
        Directory.Dispose();
    }
}

/// <summary>One stored sample: time (unix ms) and fields.</summary>
public sealed record StoredSample(long Ts, JsonElement Fields)
{
    public double? Number(string name) => Fields.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    public string? Text(string name) => Fields.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

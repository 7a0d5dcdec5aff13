using System.Diagnostics;
using System.Globalization;
using Dashboard.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dashboard.Web.Benchmarks;

/// <summary>
/// The API over Kestrel on loopback, in process with the web command's registration and pipeline, over the store of
/// bench/storage-reader (1,000 servers x 24 h of 10 s samples by the real writer, ending at unix 1,800,000,000):
/// the clock is fixed at that end so "the last 24 h" is the stored day.
/// </summary>
public static class ApiBench
{
    private static readonly DateTimeOffset End = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000 - 1_800_000_000 % 60);

    public static async Task<int> RunAsync(string database, int iterations)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Dashboard:CollectorDatabase"] = database });
        builder.Services.AddSingleton<TimeProvider>(new FixedTime(End));
        builder.Services.AddDashboardWeb(builder.Configuration);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        app.UseDashboardWeb();
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(2) };
        var from = End.AddHours(-24).ToUnixTimeMilliseconds();
        var to = End.ToUnixTimeMilliseconds();
        const string detailFields = "bytes_in_rate,bytes_out_rate,sessions_current,sessions_limit,session_rate,request_rate,http_1xx_rate,http_2xx_rate,http_3xx_rate,http_4xx_rate,http_5xx_rate,http_other_rate,connection_error_rate,response_error_rate,retry_rate,redispatch_rate,queue_current,queue_time_ms,connect_time_ms,response_time_ms,total_time_ms";
        await MeasureAsync(http, "GET /api/overview (1,000 servers + 15-min sparklines)", "/api/overview", iterations);
        await MeasureAsync(http, "GET /api/range one server, 24 h, the server page's 21 fields", $"/api/range?measurement=server&host=lb1&proxy=be_3&server=srv_345&fields={detailFields}&from={from}&to={to}", iterations);
        await MeasureAsync(http, "GET /api/range one server, 24 h, 6 fields", $"/api/range?measurement=server&host=lb1&proxy=be_3&server=srv_345&fields=sessions_current,session_rate,bytes_in_rate,bytes_out_rate,http_5xx_rate,response_time_ms&from={from}&to={to}", iterations);
        await MeasureAsync(http, "GET /api/range one server, last 1 h (raw), 21 fields", $"/api/range?measurement=server&host=lb1&proxy=be_3&server=srv_345&fields={detailFields}&range=1h", iterations);
        await app.StopAsync();
        return 0;
    }

    private static async Task MeasureAsync(HttpClient http, string name, string path, int iterations)
    {
        long bytes;
        using (var warm = await http.GetAsync(path))
        {
            warm.EnsureSuccessStatusCode();
            bytes = (await warm.Content.ReadAsByteArrayAsync()).Length;
        }
        var times = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await http.GetAsync(path);
            await response.Content.ReadAsByteArrayAsync();
            response.EnsureSuccessStatusCode();
            times[i] = watch.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {times[iterations / 2]:0.0} ms | {times[(int)(iterations * 0.95)]:0.0} ms | {times[^1]:0.0} ms | {bytes / 1024.0:0} KiB |"));
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

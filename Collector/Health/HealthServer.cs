using System.Net;
using System.Text;
using Collector.Configuration;
using Storage.Samples;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Collector.Health;

/// <summary>
/// A minimal loopback HTTP listener: <c>GET /health</c> answers 200 or 503 with the status JSON,
/// <c>GET /status</c> always 200. Bound to 127.0.0.1 only; no Kestrel needed for two read-only pages.
/// </summary>
public sealed partial class HealthServer(
    CollectorStatus status,
    IEnumerable<ISampleSink> sinks,
    IOptions<HealthOptions> health,
    IOptions<CollectorOptions> collector,
    ILogger<HealthServer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!health.Value.Enabled)
        {
            return;
        }
        using var listener = new HttpListener();
        var prefix = $"http://127.0.0.1:{health.Value.Port}/";
        listener.Prefixes.Add(prefix);
        try
        {
            listener.Start();
        }
        catch (HttpListenerException ex)
        {
            LogCannotListen(ex, prefix);
            return;
        }
        LogListening(prefix);
        using var registration = stoppingToken.Register(listener.Stop);
        while (!stoppingToken.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException ex)
            {
                LogRequestFailed(ex);
                continue;
            }
            try
            {
                Answer(context);
            }
            catch (Exception ex) when (ex is HttpListenerException or IOException or InvalidOperationException)
            {
                LogRequestFailed(ex);
            }
        }
    }

    private void Answer(HttpListenerContext context)
    {
        using var response = context.Response;
        var path = context.Request.Url?.AbsolutePath ?? "/";
        if (path is not ("/health" or "/status" or "/"))
        {
            response.StatusCode = 404;
            return;
        }
        var settings = collector.Value;
        var report = status.Report(settings.EffectiveNodeName, settings.Interval, sinks);
        var healthy = report.IsHealthy(settings.Interval * health.Value.StaleAfterIntervals);
        var body = Encoding.UTF8.GetBytes(StatusJson.Render(report, healthy));
        response.StatusCode = path == "/health" && !healthy ? 503 : 200;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength64 = body.Length;
        response.OutputStream.Write(body);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Collector status at {Prefix}health and {Prefix}status")]
    private partial void LogListening(string prefix);

    [LoggerMessage(Level = LogLevel.Error, Message = "Cannot serve the status endpoint on {Prefix}: another process has the port? Set Collector:Health:Port, or Collector:Health:Enabled=false. Polling continues.")]
    private partial void LogCannotListen(Exception exception, string prefix);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A status request failed")]
    private partial void LogRequestFailed(Exception exception);
}

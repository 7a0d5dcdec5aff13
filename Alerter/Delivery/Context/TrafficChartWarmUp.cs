using Alerter.Delivery.Templates;
using Microsoft.Extensions.Hosting;

namespace Alerter.Delivery.Context;

/// <summary>
/// Draws one throw-away chart when the host starts. The first chart of a process loads Skia and its fonts and
/// takes about 200-350 ms here, longer than the context bound: without this the first alert after a start would
/// go out without its context.
/// </summary>
public sealed class TrafficChartWarmUp : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() =>
    {
        try
        {
            var empty = new SeriesContext([], new Dictionary<string, double?>());
            TrafficChart.Render(new AlertContext(null, empty, [], null), new AlertContextRequest("", "", null, DateTimeOffset.UnixEpoch, AlertContextRequest.DefaultWindow));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Only a warm-up: should drawing fail, each email says so itself ("the store failed (...)").
        }
    }, stoppingToken);
}

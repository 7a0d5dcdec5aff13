using Alerter.Store;
using Microsoft.Extensions.Hosting;

namespace Alerter.Hosting;

/// <summary>Creates every registered schema before the scheduler runs the first job.</summary>
public sealed class SchemaStartup(AlerterDatabase database) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        database.EnsureSchemas();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

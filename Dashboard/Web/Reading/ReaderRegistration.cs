using Dashboard.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Storage.Influx;
using Storage.Influx.Reading;
using Storage.Reading;
using Storage.Sqlite;

namespace Dashboard.Web.Reading;

/// <summary>
/// The one place that chooses the store the page reads: a fleet's InfluxDB when <c>Dashboard:Influx:Url</c> is set,
/// this node's SQLite files otherwise. Everything else sees only <see cref="IStorageReader"/>.
/// </summary>
public static class ReaderRegistration
{
    public static IServiceCollection AddDashboardReader(this IServiceCollection services)
    {
        services.AddSingleton<IStorageReader>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<WebOptions>>().Value;
            var time = provider.GetService<TimeProvider>() ?? TimeProvider.System;
            if (!string.IsNullOrWhiteSpace(options.Influx.Url))
            {
                var client = new InfluxQueryClient(options.Influx, InfluxCredentials.From(options.Influx), $"{WebOptions.Section}:Influx");
                return new InfluxStorageReader(client, time);
            }
            return new SqliteStorageReader(options.CollectorDatabase, options.AlerterDatabase, time);
        });
        return services;
    }
}

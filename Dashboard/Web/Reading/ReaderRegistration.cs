using Dashboard.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
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
                // The Storage InfluxQL reader (Storage.Influx.Reading.InfluxStorageReader) is not in this build yet:
                // construct it here when it lands. Until then say so instead of silently reading SQLite.
                throw new OptionsValidationException(WebOptions.Section, typeof(WebOptions),
                    ["Dashboard:Influx:Url is set, but this build has no InfluxDB reader yet: unset it to read the SQLite store."]);
            }
            return new SqliteStorageReader(options.CollectorDatabase, options.AlerterDatabase, time);
        });
        return services;
    }
}

using Dashboard.Web.Hosting;
using Dashboard.Web.Reading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Storage.Influx;
using Storage.Influx.Reading;
using Storage.Reading;
using TestSupport;

namespace Dashboard.Web.Tests.Reading;

public class ReaderRegistrationTests
{
    [Fact]
    public async Task AddDashboardReader_InfluxReader_ItsQueryClientIsDisposedWithTheContainer()
    {
        // Regression: the InfluxQL reader never disposed its query client, so its HttpClient and pooled connections
        // outlived the host. Disposing the container must reach the client: a query afterwards is refused as disposed
        // instead of trying the network.
        var services = new ServiceCollection();
        services.AddSingleton(Options.Create(new WebOptions
        {
            Influx = new InfluxOptions { Url = $"http://127.0.0.1:{FreePort.Next()}", Database = "haproxy", Timeout = TimeSpan.FromSeconds(5) },
        }));
        services.AddDashboardReader();
        var provider = services.BuildServiceProvider();
        var reader = provider.GetRequiredService<IStorageReader>();
        reader.ShouldBeOfType<InfluxStorageReader>();

        await provider.DisposeAsync();

        await Should.ThrowAsync<ObjectDisposedException>(() => reader.GetCatalogueAsync(new CatalogueQuery(), CancellationToken.None));
    }
}

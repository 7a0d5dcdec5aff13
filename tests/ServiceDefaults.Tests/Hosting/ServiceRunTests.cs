using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ServiceDefaults.Hosting;

namespace ServiceDefaults.Tests.Hosting;

public class ServiceRunTests
{
    private sealed class FailingService : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await Task.Yield();
            throw new InvalidDataException("the checkpoint table is corrupt");
        }
    }

    private sealed class StoppingService(IHostApplicationLifetime lifetime) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await Task.Yield();
            lifetime.StopApplication();
        }
    }

    private static IHost Host<TService>() where TService : class, IHostedService
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Services.AddHostedService<TService>();
        return builder.Build();
    }

    [Fact]
    public async Task RunAsync_BackgroundServiceFails_HostStopsAndExitCode1WithOneLine()
    {
        using var host = Host<FailingService>();
        var error = new StringWriter();

        var code = await ServiceRun.RunAsync(host, error).WaitAsync(TimeSpan.FromSeconds(30));

        code.ShouldBe(1);
        error.ToString().ShouldBe("Fatal: FailingService failed (InvalidDataException: the checkpoint table is corrupt); the process stops with exit code 1.\n");
    }

    [Fact]
    public async Task RunAsync_CleanStop_ExitCode0AndNothingWritten()
    {
        using var host = Host<StoppingService>();
        var error = new StringWriter();

        var code = await ServiceRun.RunAsync(host, error).WaitAsync(TimeSpan.FromSeconds(30));

        code.ShouldBe(0);
        error.ToString().ShouldBeEmpty();
    }

    [Fact]
    public async Task HostRunAsync_BackgroundServiceFails_ReturnsNormally()
    {
        // Why ServiceRun exists: .NET's host stops on a failed BackgroundService (StopHost) but RunAsync returns as
        // after a clean stop, so an entry point that returns 0 after it tells a service manager all went well.
        using var host = Host<FailingService>();

        await Should.NotThrowAsync(() => host.RunAsync().WaitAsync(TimeSpan.FromSeconds(30)));
    }
}

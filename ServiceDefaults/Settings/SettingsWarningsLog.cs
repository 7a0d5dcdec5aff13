using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ServiceDefaults.Settings;

/// <summary>Logs <c>Hosting.SettingsCheck</c>'s warnings (renamed keys still read) once, when the host starts.</summary>
public sealed partial class SettingsWarningsLog(IReadOnlyList<string> warnings, ILogger<SettingsWarningsLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var warning in warnings)
        {
            LogWarning(warning);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Settings: {Warning}")]
    private partial void LogWarning(string warning);
}

using Microsoft.Extensions.Logging;
using Quartz;

namespace Alerter.Sending;

/// <summary>Sends due outbox rows.</summary>
[DisallowConcurrentExecution]
public sealed partial class DeliveryJob(DeliveryRunner runner, ILogger<DeliveryJob> logger) : IJob
{
    public static readonly JobKey Key = new("alert-delivery", "alerter-delivery");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await runner.RunOnceAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Alert delivery run failed; retrying on the next run")]
    private partial void LogFailed(Exception exception);
}

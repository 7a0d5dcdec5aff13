using Microsoft.Extensions.Hosting;

namespace ServiceDefaults;

/// <summary>
/// The suite's one background loop: a <see cref="PeriodicTimer"/> on the injected clock runs <see cref="RunOnceAsync"/>
/// every <see cref="Interval"/> until the host stops. A step that fails is handed to <see cref="OnFailed"/> (log it) and
/// the loop goes on: one bad iteration (a locked database, a full disk) must not end the service. Stopping ends the
/// loop quietly.
/// </summary>
public abstract class PeriodicService(TimeProvider time) : BackgroundService
{
    /// <summary>Time between two steps (read once, at start).</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>Whether the first step runs at start rather than one interval after it. Default: after.</summary>
    protected virtual bool RunsAtStart => false;

    /// <summary>One iteration's work.</summary>
    protected abstract Task RunOnceAsync(CancellationToken stoppingToken);

    /// <summary>A step threw (anything but the host stopping): log it; the next tick runs again.</summary>
    protected abstract void OnFailed(Exception exception);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            if (RunsAtStart)
            {
                await StepAsync(stoppingToken).ConfigureAwait(false);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await StepAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task StepAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunOnceAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            OnFailed(ex);
        }
    }
}

using Alerter.Messages.Context;
using Alerter.Messages.Templates;
using Microsoft.Extensions.Options;

namespace Alerter.Messages.Email;

/// <summary>
/// Fetches an alert's traffic context and draws its chart within <see cref="AlertEmailOptions.ContextTimeout"/>,
/// never longer: the source gets a token cancelled at the bound, and the email stops waiting at the bound even if
/// the source ignores its token. Every outcome (no source, nothing stored, a failure, too slow) is a value that the
/// email reports as "Traffic context unavailable: ...".
/// </summary>
public sealed class AlertContextLoader(IEnumerable<IAlertContextSource> sources, IOptions<AlertEmailOptions> options, TimeProvider time)
{
    private readonly IAlertContextSource? _source = sources.LastOrDefault();

    public async Task<ContextOutcome> LoadAsync(AlertContextRequest request, CancellationToken cancellationToken)
    {
        var bound = options.Value.ContextTimeout;
        if (_source is null)
        {
            return ContextOutcome.Unavailable("no traffic store is connected to the Alerter");
        }
        if (bound <= TimeSpan.Zero)
        {
            return ContextOutcome.Unavailable("disabled (Alerter:ContextTimeout is 0)");
        }
        using var timeout = new CancellationTokenSource(bound, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var source = _source;
        var token = linked.Token; // taken now: the work may start after this method has returned and disposed its sources
        // Task.Run: a source that blocks before its first await must not hold the send up either.
        var work = Task.Run(() => FetchAndDrawAsync(source, request, token), CancellationToken.None);
        var finished = await Task.WhenAny(work, Task.Delay(bound, time, cancellationToken));
        cancellationToken.ThrowIfCancellationRequested();
        if (finished != work)
        {
            // Cancel explicitly: the delay may win before the timeout's own timer fires, and disposing the source
            // of the token on return would then leave a source that honours it waiting forever.
            await linked.CancelAsync();
            _ = work.ContinueWith(static t => t.Exception, TaskContinuationOptions.OnlyOnFaulted); // observed, not awaited
            return ContextOutcome.Unavailable($"not ready within {bound.TotalMilliseconds:0} ms (the store or the chart was slower)");
        }
        try
        {
            return await work;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ContextOutcome.Unavailable($"not ready within {bound.TotalMilliseconds:0} ms (the store or the chart was slower)");
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            return ContextOutcome.Unavailable($"the store failed ({ex.GetType().Name})");
        }
    }

    private static async Task<ContextOutcome> FetchAndDrawAsync(IAlertContextSource source, AlertContextRequest request, CancellationToken token)
    {
        var context = await source.GetAsync(request, token).ConfigureAwait(false);
        if (context is null)
        {
            return ContextOutcome.Unavailable("the store has no samples of this backend in the last " + EventPhrases.Duration(request.Window));
        }
        token.ThrowIfCancellationRequested();
        return new ContextOutcome(context, TrafficChart.Render(context, request), null);
    }
}

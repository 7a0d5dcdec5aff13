namespace Alerter.Messages.Context;

/// <summary>
/// Where an alert email's traffic context comes from: the store's recent samples of the server and its backend, and
/// the backend's servers now. The product registers none of its own; the store-backed one is registered beside the
/// Storage reader. Without one, every email says the context is unavailable.
/// </summary>
public interface IAlertContextSource
{
    /// <summary>The context, or null when the store has nothing for this server (unknown host, no samples yet).</summary>
    /// <remarks>Called with a token cancelled at <see cref="AlertEmailOptions.ContextTimeout"/>; the email does not wait longer either way.</remarks>
    Task<AlertContext?> GetAsync(AlertContextRequest request, CancellationToken cancellationToken);
}

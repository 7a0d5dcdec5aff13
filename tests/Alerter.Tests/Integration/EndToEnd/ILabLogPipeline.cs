using TestSupport;

namespace Alerter.Tests.Integration.EndToEnd;

/// <summary>
/// How HAProxy's log reaches the Alerter in <see cref="EndToEndLab"/>: a receiver on the unix socket HAProxy's
/// <c>log</c> lines name, and the Alerter source settings that read what it writes. The scenario tests run over each
/// pipeline (<see cref="LabLogPipelines"/>); a new source (the journal) is one more implementation.
/// </summary>
public interface ILabLogPipeline : IAsyncDisposable
{
    /// <summary>Starts the receiver on <paramref name="socketPath"/>.</summary>
    Task StartAsync(TempDirectory directory, string socketPath);

    /// <summary>The Alerter's log-source settings (<c>Alerter:Logs:Sources:0:*</c>) for <paramref name="host"/>.</summary>
    IReadOnlyDictionary<string, string?> AlerterSettings(string host);

    /// <summary>Everything logged so far, as text lines (for waits and for counting what HAProxy logged).</summary>
    string ReadLog();

    /// <summary>Whether the Alerter has read everything logged so far (<paramref name="scalar"/> queries its database).</summary>
    bool IsCaughtUp(Func<string, long> scalar);
}

using Alerter.Policy;

namespace Alerter.Dispatch;

/// <summary>Reads what the Collector's samples say about the outages the policy holds (the thin I/O edge of <see cref="OutageEvidence"/>).</summary>
public interface IOutageEvidenceSource
{
    /// <summary>Evidence about the servers and backends of <paramref name="outages"/> up to <paramref name="now"/>; <see cref="OutageEvidence.None"/> when it cannot be read.</summary>
    Task<OutageEvidence> ReadAsync(IReadOnlyList<PolicyEvent> outages, DateTimeOffset now, CancellationToken cancellationToken);
}

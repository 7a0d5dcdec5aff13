namespace Alerter.Logs;

/// <summary>The files a scan run reads, in order; the checkpoint ends on the last segment's file.</summary>
public sealed record ScanPlan(ScanAction Action, IReadOnlyList<ScanSegment> Segments, string Reason)
{
    public static ScanPlan Wait(string reason) => new(ScanAction.Wait, [], reason);
}

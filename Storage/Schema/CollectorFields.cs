namespace Storage.Schema;

/// <summary><c>monitoring_collector</c> fields: the Collector's own numbers per cycle, endpoint and sink.</summary>
public static class CollectorFields
{
    public const string CyclesTotal = "cycles_total";
    public const string CycleDurationMs = "cycle_duration_ms";
    public const string Endpoints = "endpoints";
    public const string PollOk = "poll_ok";
    public const string PollDurationMs = "poll_duration_ms";
    public const string Samples = "samples";
    public const string PollsTotal = "polls_total";
    public const string PollFailuresTotal = "poll_failures_total";
    public const string LastSuccessAgeS = "last_success_age_s";
    public const string Error = "error";
    public const string SinkOk = "sink_ok";
    public const string PointsWrittenTotal = "points_written_total";
    public const string SpoolPoints = "spool_points";
    public const string SpoolBytes = "spool_bytes";
    public const string DroppedPointsTotal = "dropped_points_total";
    public const string DatabaseBytes = "database_bytes";
    public const string RollupOpenSeries = "rollup_open_series";
    public const string StoreReopensTotal = "store_reopens_total";
}

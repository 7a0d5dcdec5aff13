namespace Storage.Schema;

/// <summary><c>system</c> fields (the Collector's node, from /proc).</summary>
public static class SystemFields
{
    public const string Load1 = "load1";
    public const string Load5 = "load5";
    public const string Load15 = "load15";
    public const string CpuPct = "cpu_pct";
    public const string MemUsedPct = "mem_used_pct";
}

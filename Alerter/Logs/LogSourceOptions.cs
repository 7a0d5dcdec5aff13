namespace Alerter.Logs;

/// <summary>One log to scan: an item of <c>Alerter:Logs:Sources</c>.</summary>
public sealed class LogSourceOptions
{
    /// <summary>A file path, or a glob with <c>*</c>/<c>?</c> in the file name only (<c>/var/log/haproxy*.log</c>).
    /// Globs are expanded at every discovery run; each matching file gets its own job. Match live files only:
    /// rotated copies (<c>haproxy.log.1</c>) are found through the checkpoint, not through the glob.</summary>
    public string Path { get; set; } = "";

    /// <summary>The <c>host</c> tag of the events (the HAProxy node). Default: this machine's name.</summary>
    public string? Host { get; set; }

    /// <summary>Where a file without checkpoint starts: <c>End</c> (default) or <c>Beginning</c>.</summary>
    public StartPosition Start { get; set; } = StartPosition.End;

    public string ResolvedHost => string.IsNullOrWhiteSpace(Host) ? Environment.MachineName : Host;
}

namespace HAProxy.Servers;

/// <summary>A parsed <c>show servers state</c> reply.</summary>
public sealed record ServersState(string FormatVersion, IReadOnlyList<ServerStateRow> Rows, int SkippedRows);

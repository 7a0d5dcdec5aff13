namespace Storage.Schema;

/// <summary><c>haproxy_event</c> fields (tags: host, proxy, server, kind, severity).</summary>
public static class EventFields
{
    public const string Message = "message";
    public const string ActiveLeft = "active_left";
    public const string BackupLeft = "backup_left";
    public const string Reason = "reason";
}

namespace Alerter.Logs;

/// <summary>Which file a path or handle names: device and inode. A rename keeps it; a new file gets a new one.</summary>
public readonly record struct FileIdentity(long Device, long Inode)
{
    public override string ToString() => $"{Device}:{Inode}";
}

namespace Storage.Sqlite;

/// <summary>One file of the embedded store (the database, its <c>-wal</c> or its <c>-shm</c>) as <c>statx</c> saw it.</summary>
/// <param name="Exists">False when the path names nothing (deleted, or not created yet).</param>
/// <param name="Device">The device (glibc <c>dev_t</c>); 0 when missing.</param>
/// <param name="Inode">The inode; 0 when missing. A file held open keeps its inode, so a new file at the path never gets it.</param>
/// <param name="Size">Bytes; 0 when missing.</param>
public readonly record struct StoreFile(bool Exists, ulong Device, ulong Inode, long Size)
{
    public static readonly StoreFile Missing = new(false, 0, 0, 0);

    /// <summary>The same file (device and inode). Not the change time: a store file changes with every write.</summary>
    public bool IsSameFile(StoreFile other) => Exists && other.Exists && Device == other.Device && Inode == other.Inode;
}

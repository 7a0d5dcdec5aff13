using HAProxy.Sockets;

namespace Storage.Sqlite;

/// <summary>
/// The embedded store's three files (database, <c>-wal</c>, <c>-shm</c>) at one moment, and the one rule that tells
/// whether an open connection still reaches the file at the path. A SQLite connection holds its files by descriptor:
/// after <c>rm collector.db*</c> (or a file moved in over it) the connection goes on reading and writing the deleted
/// inode without an error, so the writer would store into nothing and a reader would serve frozen data. SQLite never
/// shrinks these files by itself here (no auto-vacuum, no WAL size limit), so a smaller file was truncated under it.
/// The Collector's writer and the page's reader both check with this, at every write and every read.
/// </summary>
/// <param name="Database">Null when the file could not be looked at (no <c>statx</c>, no permission): then nothing is concluded.</param>
public sealed record StoreFiles(string DatabasePath, StoreFile? Database, StoreFile? Wal, StoreFile? Shm)
{
    private const int Enoent = 2;
    private const int Enotdir = 20;

    /// <summary>Looks at the database at <paramref name="databasePath"/> and its <c>-wal</c> and <c>-shm</c> (three <c>statx</c> calls).</summary>
    public static StoreFiles Take(string databasePath) =>
        new(databasePath, Look(databasePath), Look(databasePath + "-wal"), Look(databasePath + "-shm"));

    /// <summary>
    /// Pure: why a connection opened when <paramref name="before"/> was taken no longer reaches these files
    /// ("... was deleted", "... was replaced by another file", "... was truncated from 8192 to 0 bytes"), or null when it still does.
    /// A <c>-wal</c> or <c>-shm</c> that did not exist before may appear (SQLite creates them); one that existed
    /// must still be the same file.
    /// </summary>
    public StoreFileChange? ChangeSince(StoreFiles before)
    {
        ArgumentNullException.ThrowIfNull(before);
        return Change(DatabasePath, before.Database, Database, database: true)
            ?? Change(DatabasePath + "-wal", before.Wal, Wal, database: false)
            ?? Change(DatabasePath + "-shm", before.Shm, Shm, database: false);
    }

    private static StoreFileChange? Change(string path, StoreFile? before, StoreFile? now, bool database)
    {
        if (before is not { } was || now is not { } @is)
        {
            return null; // could not look: say nothing rather than guess
        }
        if (!was.Exists)
        {
            return database && @is.Exists ? new(path, database, StoreFileChangeKind.Created, $"{path} was created anew") : null;
        }
        if (!@is.Exists)
        {
            return new(path, database, StoreFileChangeKind.Deleted, $"{path} was deleted");
        }
        if (!@is.IsSameFile(was))
        {
            return new(path, database, StoreFileChangeKind.Replaced, $"{path} was replaced by another file (inode {was.Inode} -> {@is.Inode})");
        }
        return @is.Size < was.Size
            ? new(path, database, StoreFileChangeKind.Truncated, $"{path} was truncated from {was.Size} to {@is.Size} bytes")
            : null;
    }

    private static StoreFile? Look(string path)
    {
        if (UnixFileStat.TryGet(path, out var stat, out var errno))
        {
            return new StoreFile(true, stat.Device, stat.Inode, stat.Size);
        }
        return errno is Enoent or Enotdir ? StoreFile.Missing : null;
    }
}

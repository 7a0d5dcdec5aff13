using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Storage.Reading;

namespace Storage.Sqlite;

public sealed partial class SqliteStorageReader
{
    // What each file looked like at the last read. Pooled connections hold their files by descriptor, so after a
    // delete and recreate (or a truncation) they would go on serving the old inode: frozen data, or errors on every
    // call until the pool happened to drop them. Three statx calls per read find that out (measured: see README).
    private readonly ConcurrentDictionary<string, StoreFiles> _seen = new(StringComparer.Ordinal);

    /// <summary>
    /// Looks at <paramref name="path"/>'s files; when they are no longer those of the last read, drops the pooled
    /// connections to it. Returns whether the database file exists.
    /// </summary>
    private bool Refresh(string path)
    {
        var now = StoreFiles.Take(path);
        if (_seen.TryGetValue(path, out var before) && now.ChangeSince(before) is not null)
        {
            ClearPool(path);
        }
        _seen[path] = now;
        return now.Database is { } database ? database.Exists : File.Exists(path);
    }

    /// <summary>Runs a read of <paramref name="paths"/>; SQLite's failure becomes a <see cref="StoreUnreadableException"/> naming the file.</summary>
    private T Guarded<T>(Func<T> read, params string?[] paths)
    {
        try
        {
            return read();
        }
        catch (SqliteException ex)
        {
            // Whatever the pool holds may be what failed: the next call opens afresh.
            foreach (var path in paths)
            {
                if (path is not null)
                {
                    ClearPool(path);
                    _seen.TryRemove(path, out _);
                }
            }
            var names = string.Join(" or ", paths.Where(p => p is not null));
            throw new StoreUnreadableException(
                $"The store {names} cannot be read ({ex.Message.TrimEnd('.')}); it is read again at the next call.", ex);
        }
    }

    private static void ClearPool(string path)
    {
        using var connection = new SqliteConnection(ReadOnlyConnectionString(path));
        SqliteConnection.ClearPool(connection);
    }
}

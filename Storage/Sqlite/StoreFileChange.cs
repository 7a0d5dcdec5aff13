namespace Storage.Sqlite;

/// <summary>Which store file changed under an open connection, how, and a sentence for the log and the status.</summary>
/// <param name="Path">The database, or its <c>-wal</c> or <c>-shm</c>.</param>
/// <param name="IsDatabase">True for the database file itself (not a <c>-wal</c> or <c>-shm</c>).</param>
public sealed record StoreFileChange(string Path, bool IsDatabase, StoreFileChangeKind Kind, string Text)
{
    public override string ToString() => Text;
}

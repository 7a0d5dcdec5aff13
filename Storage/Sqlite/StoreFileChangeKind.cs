namespace Storage.Sqlite;

/// <summary>What happened to a store file under an open connection.</summary>
public enum StoreFileChangeKind
{
    /// <summary>The path names nothing now.</summary>
    Deleted,

    /// <summary>Another file (another inode) is at the path: moved in, or deleted and created again.</summary>
    Replaced,

    /// <summary>The same file, but shorter than it was: its pages are gone, what is left is damaged.</summary>
    Truncated,

    /// <summary>The database exists where there was none.</summary>
    Created,
}

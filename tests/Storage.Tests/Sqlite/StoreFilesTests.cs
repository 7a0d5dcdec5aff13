using Storage.Sqlite;
using TestSupport;

namespace Storage.Tests.Sqlite;

/// <summary>The one rule for "is the open store still the file at the path", on real files.</summary>
public sealed class StoreFilesTests : IDisposable
{
    private readonly TempDirectory _dir = new("files");

    private string Db => _dir.Combine("collector.db");

    public void Dispose() => _dir.Dispose();

    private StoreFiles Written(int bytes = 8192, bool companions = true)
    {
        File.WriteAllBytes(Db, new byte[bytes]);
        if (companions)
        {
            File.WriteAllBytes(Db + "-wal", new byte[100]);
            File.WriteAllBytes(Db + "-shm", new byte[100]);
        }
        return StoreFiles.Take(Db);
    }

    [Fact]
    public void ChangeSince_SameFilesGrown_NoChange()
    {
        var before = Written();
        File.AppendAllText(Db, "more");
        File.AppendAllText(Db + "-wal", "more");

        StoreFiles.Take(Db).ChangeSince(before).ShouldBeNull();
    }

    [Fact]
    public void ChangeSince_CompanionsAppear_NoChange()
    {
        var before = Written(companions: false);
        File.WriteAllBytes(Db + "-wal", new byte[10]);
        File.WriteAllBytes(Db + "-shm", new byte[10]);

        StoreFiles.Take(Db).ChangeSince(before).ShouldBeNull();
    }

    [Fact]
    public void ChangeSince_DatabaseDeleted_Deleted()
    {
        var before = Written();
        File.Delete(Db);

        var change = StoreFiles.Take(Db).ChangeSince(before).ShouldNotBeNull();

        change.ShouldBe(new StoreFileChange(Db, true, StoreFileChangeKind.Deleted, $"{Db} was deleted"));
    }

    [Fact]
    public void ChangeSince_DatabaseReplacedByRename_ReplacedWithInodes()
    {
        var before = Written();
        File.WriteAllBytes(Db + ".new", new byte[8192]);
        File.Move(Db + ".new", Db, overwrite: true);

        var change = StoreFiles.Take(Db).ChangeSince(before).ShouldNotBeNull();

        change.Kind.ShouldBe(StoreFileChangeKind.Replaced);
        change.Text.ShouldContain($"{Db} was replaced by another file (inode {before.Database!.Value.Inode} -> ");
    }

    [Fact]
    public void ChangeSince_DatabaseTruncated_TruncatedWithSizes()
    {
        var before = Written();
        using (var file = new FileStream(Db, FileMode.Open, FileAccess.Write))
        {
            file.SetLength(0);
        }

        StoreFiles.Take(Db).ChangeSince(before).ShouldNotBeNull().Text.ShouldBe($"{Db} was truncated from 8192 to 0 bytes");
    }

    [Fact]
    public void ChangeSince_OnlyTheWalDeleted_TheWalNamed()
    {
        var before = Written();
        File.Delete(Db + "-wal");

        var change = StoreFiles.Take(Db).ChangeSince(before).ShouldNotBeNull();

        change.IsDatabase.ShouldBeFalse();
        change.Text.ShouldBe($"{Db}-wal was deleted");
    }
}

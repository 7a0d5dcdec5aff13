using Storage.Samples;
using Storage.Schema;
using Storage.Sqlite;
using TestSupport;

namespace Storage.Tests.Sqlite;

/// <summary>The writer's own view of its files (what the Collector's sink checks before and after every write).</summary>
public sealed class SqliteSampleWriterFilesTests : IDisposable
{
    private readonly TempDirectory _dir = new("wfiles");

    public void Dispose() => _dir.Dispose();

    private static Sample Server(DateTimeOffset at) => new(Measurements.Server,
        [new(Measurements.HostTag, "lb1"), new(Measurements.ProxyTag, "be"), new(Measurements.ServerTag, "s1")],
        [new(ProxyFields.SessionRate, FieldValue.Of(1.0))], at);

    [Fact]
    public void FilesChanged_WrittenAndGrown_NoChange()
    {
        using var writer = new SqliteSampleWriter(_dir.Combine("collector.db"));
        for (var i = 0; i < 20; i++)
        {
            writer.Write([Server(DateTimeOffset.UnixEpoch.AddSeconds(i))]);
        }

        writer.FilesChanged().ShouldBeNull();
    }

    [Fact]
    public void FilesChanged_DeletedAndWrittenIntoAgain_StillSaysDeleted()
    {
        var path = _dir.Combine("collector.db");
        using var writer = new SqliteSampleWriter(path);
        writer.Write([Server(DateTimeOffset.UnixEpoch)]);
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(path + suffix);
        }

        writer.Write([Server(DateTimeOffset.UnixEpoch.AddSeconds(10))]); // SQLite writes into the deleted inode without a word

        writer.FilesChanged().ShouldNotBeNull().Kind.ShouldBe(StoreFileChangeKind.Deleted, "a write must not make the deletion its new normal");
    }
}

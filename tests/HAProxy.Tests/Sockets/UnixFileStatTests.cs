using System.Diagnostics;
using System.Net.Sockets;
using HAProxy.Sockets;
using TestSupport;

namespace HAProxy.Tests.Sockets;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class UnixFileStatTests
{
    [Fact]
    public void TryGet_SocketFile_MatchesCoreutilsStat()
    {
        using var directory = new TempDirectory("st");
        var path = directory.Combine("a.sock");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);

        UnixFileStat.TryGet(path, out var stat, out var errno).ShouldBeTrue();

        errno.ShouldBe(0);
        stat.IsSocket.ShouldBeTrue();
        stat.Permissions.ShouldBe(0b110_100_000u);
        // %i inode, %u uid, %g gid, %Z change time seconds
        var expected = Run("stat", "-c", "%i %u %g %Z", path).Trim().Split(' ');
        stat.Inode.ShouldBe(ulong.Parse(expected[0]));
        stat.Uid.ShouldBe(uint.Parse(expected[1]));
        stat.Gid.ShouldBe(uint.Parse(expected[2]));
        stat.ChangeSeconds.ShouldBe(long.Parse(expected[3]));
    }

    [Fact]
    public void TryGet_FileReplacedByRename_IsNotTheSameFile()
    {
        using var directory = new TempDirectory("st");
        var path = directory.Combine("f");
        File.WriteAllText(path, "1");
        UnixFileStat.TryGet(path, out var before, out _).ShouldBeTrue();
        File.WriteAllText(path + ".new", "2");
        File.Move(path + ".new", path, overwrite: true);

        UnixFileStat.TryGet(path, out var after, out _).ShouldBeTrue();

        after.IsSameFile(before).ShouldBeFalse();
        before.IsSameFile(before).ShouldBeTrue();
        after.IsSocket.ShouldBeFalse();
    }

    [Fact]
    public void TryGet_MissingPath_ReturnsEnoent()
    {
        UnixFileStat.TryGet("/tmp/does-not-exist-" + Guid.NewGuid(), out _, out var errno).ShouldBeFalse();

        errno.ShouldBe(2);
    }

    [Fact]
    public void TryGet_RegularFile_DeviceAndSizeMatchCoreutilsStat()
    {
        // %d is st_dev as stat(2) gives it (glibc's makedev encoding): the number the Alerter's checkpoints store.
        using var directory = new TempDirectory("st");
        var path = directory.Combine("log");
        File.WriteAllText(path, "twelve bytes");

        UnixFileStat.TryGet(path, out var stat, out _).ShouldBeTrue();

        var expected = Run("stat", "-c", "%d %i %s", path).Trim().Split(' ');
        stat.Device.ShouldBe(ulong.Parse(expected[0]));
        stat.Inode.ShouldBe(ulong.Parse(expected[1]));
        stat.Size.ShouldBe(12);
    }

    [Fact]
    public void Get_OpenHandleAfterRename_IsTheFileStillOpen()
    {
        using var directory = new TempDirectory("st");
        var path = directory.Combine("log");
        File.WriteAllText(path, "abc");
        UnixFileStat.TryGet(path, out var named, out _).ShouldBeTrue();
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        File.Move(path, path + ".1");
        File.WriteAllText(path, "a new, longer file");

        var open = UnixFileStat.Get(handle);

        open.Inode.ShouldBe(named.Inode);
        open.Device.ShouldBe(named.Device);
        open.Size.ShouldBe(3);
    }

    [Theory]
    [InlineData(8u, 1u, 2049ul)]          // /dev/sda1 as stat(2) reports it
    [InlineData(259u, 3u, 66307ul)]       // an NVMe partition
    [InlineData(0u, 0x1234u, 0x1200034ul)] // a minor above 255 spills above bit 20
    public void MakeDev_MajorMinor_GivesGlibcDevT(uint major, uint minor, ulong expected)
        => UnixFileStat.MakeDev(major, minor).ShouldBe(expected);

    private static string Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true };
        args.ToList().ForEach(info.ArgumentList.Add);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }
}

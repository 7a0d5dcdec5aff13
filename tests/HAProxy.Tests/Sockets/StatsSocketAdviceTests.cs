using HAProxy.Sockets;

namespace HAProxy.Tests.Sockets;

public sealed class StatsSocketAdviceTests
{
    [Fact]
    public void PermissionDenied_KnownOwnerAndMode_NamesUserGroupModeAndBothRemedies()
    {
        var facts = new PermissionFacts("alice", 1000, ["alice", "adm"], "haproxy", "haproxy", 0xC000 | 0b110_110_000u);

        var message = StatsSocketAdvice.PermissionDenied("/run/haproxy/admin.sock", facts);

        message.ShouldContain("runs as user alice (uid 1000) in groups alice, adm");
        message.ShouldContain("owned by haproxy:haproxy with mode 660 (srw-rw----)");
        message.ShouldContain("member of group haproxy");
        message.ShouldContain("`stats socket /run/haproxy/admin.sock mode 660 group <a group of alice>`");
        // usermod -aG changes nothing for a process that already runs: the advice must say so.
        message.ShouldEndWith("A group alice joins while this process runs counts only after a restart of the process.");
    }

    [Fact]
    public void PermissionDenied_SocketNotStatable_PointsAtParentDirectories()
    {
        var facts = new PermissionFacts("nobody", 65534, [], null, null, null);

        var message = StatsSocketAdvice.PermissionDenied("/srv/x/admin.sock", facts);

        message.ShouldContain("with no groups");
        message.ShouldContain("not searchable by nobody");
    }

    [Theory]
    [InlineData(0xC000 | 0b110_000_000u, "srw-------")]
    [InlineData(0x8000 | 0b111_101_101u, "-rwxr-xr-x")]
    [InlineData(0x4000 | 0b111_000_000u, "drwx------")]
    public void Symbolic_Mode_RendersLikeLs(uint mode, string expected)
    {
        StatsSocketAdvice.Symbolic(mode).ShouldBe(expected);
    }

    [Fact]
    public void Preview_ControlCharactersAndLongText_EscapedAndCut()
    {
        var preview = StatsSocketAdvice.Preview("HTTP/1.1 400\r\n\u0001" + new string('x', 200));

        preview.ShouldStartWith("HTTP/1.1 400\\r\\n\\x01");
        preview.Length.ShouldBeLessThan(100);
    }

    [Fact]
    public void ConnectionRefused_UnixAndTcp_GiveDifferentAdvice()
    {
        StatsSocketAdvice.ConnectionRefused(StatsEndpoint.Unix("/run/a.sock")).ShouldContain("stale socket file");
        StatsSocketAdvice.ConnectionRefused(StatsEndpoint.Tcp("127.0.0.1", 9999)).ShouldContain("stats socket ipv4@127.0.0.1:9999");
    }
}

using HAProxy.Sockets;

namespace HAProxy.Tests.Sockets;

public sealed class UnixAccountTests
{
    [Fact]
    public void ParseStatus_ProcStatusText_TakesFilesystemIdsAndGroups()
    {
        const string status = "Name:\tdotnet\nUid:\t1000\t1000\t1000\t1001\nGid:\t100\t100\t100\t101\nGroups:\t4 24 27 \n";

        var account = UnixAccount.ParseStatus(status).ShouldNotBeNull();

        account.Uid.ShouldBe(1001u);
        account.Gid.ShouldBe(101u);
        account.Groups.ShouldBe([4u, 24u, 27u]);
    }

    [Fact]
    public void ParseStatus_NoUidLine_ReturnsNull()
    {
        UnixAccount.ParseStatus("Name:\tx\n").ShouldBeNull();
    }

    [Fact]
    public void FindName_PasswdText_ReturnsNameOfId()
    {
        const string passwd = "root:x:0:0:root:/root:/bin/bash\nhaproxy:x:108:113::/var/lib/haproxy:/usr/sbin/nologin\n";

        UnixAccount.FindName(passwd, 108).ShouldBe("haproxy");
        UnixAccount.FindName(passwd, 5).ShouldBeNull();
    }

    [Fact]
    public void Current_ThisProcess_MatchesEnvironment()
    {
        var account = UnixAccount.Current().ShouldNotBeNull();

        UnixAccount.UserName(account.Uid).ShouldBe(Environment.UserName);
    }
}

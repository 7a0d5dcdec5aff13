using HAProxy.Admin;

namespace HAProxy.Tests.Admin;

public sealed class ServerRefTests
{
    [Theory]
    [InlineData("be", "srv;shutdown sessions server be/srv2")]
    [InlineData("be", "srv\nshutdown")]
    [InlineData("be", "srv other")]
    [InlineData("be/srv", "x")]
    [InlineData("be", "")]
    [InlineData("", "srv")]
    [InlineData("be", "srv\\;x")]
    [InlineData("bé", "srv")]
    public void Constructor_InjectionOrInvalidName_Throws(string proxy, string server)
    {
        Should.Throw<ArgumentException>(() => new ServerRef(proxy, server));
    }

    [Fact]
    public void Constructor_HAProxyNameCharacters_Accepted()
    {
        new ServerRef("be-1_x.y", "10.0.0.1:80").ToString().ShouldBe("be-1_x.y/10.0.0.1:80");
    }
}

using HAProxy.Sockets;

namespace HAProxy.Tests.Sockets;

public sealed class StatsEndpointTests
{
    [Theory]
    [InlineData("/run/haproxy/admin.sock", "/run/haproxy/admin.sock")]
    [InlineData("unix:/run/haproxy/admin.sock", "/run/haproxy/admin.sock")]
    [InlineData("admin.sock", "admin.sock")]
    public void Parse_UnixForms_ReturnsUnixEndpoint(string text, string path)
    {
        var endpoint = StatsEndpoint.Parse(text);

        endpoint.Kind.ShouldBe(StatsEndpointKind.Unix);
        endpoint.Path.ShouldBe(path);
    }

    [Theory]
    [InlineData("127.0.0.1:9999", "127.0.0.1", 9999, "127.0.0.1:9999")]
    [InlineData("tcp:localhost:80", "localhost", 80, "localhost:80")]
    [InlineData("tcp:[::1]:9999", "::1", 9999, "[::1]:9999")]
    public void Parse_TcpForms_ReturnsTcpEndpoint(string text, string host, int port, string display)
    {
        var endpoint = StatsEndpoint.Parse(text);

        endpoint.Kind.ShouldBe(StatsEndpointKind.Tcp);
        endpoint.Host.ShouldBe(host);
        endpoint.Port.ShouldBe(port);
        endpoint.ToString().ShouldBe(display);
    }

    [Theory]
    [InlineData("")]
    [InlineData("unix:")]
    [InlineData("127.0.0.1:0")]
    [InlineData("127.0.0.1:70000")]
    [InlineData("tcp::9999")]
    public void Parse_Invalid_ThrowsFormatExceptionShowingForms(string text)
    {
        var error = Should.Throw<FormatException>(() => StatsEndpoint.Parse(text));

        error.Message.ShouldContain("host:port");
    }
}

using System.Net;
using Dashboard.Web.Security;
using Microsoft.Extensions.Primitives;

namespace Dashboard.Web.Tests.Security;

/// <summary>Pure: who a request is from, and whether anything about it is beyond loopback.</summary>
public sealed class ClientAddressTests
{
    private static ClientAddress Resolve(string peer, string? xff, string? forwarded, string? trusted)
    {
        var chain = ForwardedChain.Parse(xff is null ? StringValues.Empty : new StringValues(xff), forwarded is null ? StringValues.Empty : new StringValues(forwarded));
        return ClientAddress.Resolve(IPAddress.Parse(peer), chain, TrustedProxies.Parse(trusted, out _));
    }

    [Fact]
    public void Untrusted_Peer_IsTheClient_EvenWithAForwardingHeader()
    {
        var client = Resolve("127.0.0.1", "198.51.100.7", null, null);
        client.Address.ShouldBe(IPAddress.Parse("127.0.0.1"));
        client.BeyondLoopback.ShouldBeTrue();
    }

    [Fact]
    public void TrustedProxy_ForwardedAddressIsTheClient_RightmostUntrustedWins()
    {
        // A client can put anything at the left; only what the trusted proxies appended counts.
        var client = Resolve("10.0.0.5", "1.1.1.1, 198.51.100.7, 10.0.0.9", null, "10.0.0.0/8");
        client.Address.ShouldBe(IPAddress.Parse("198.51.100.7"));
    }

    [Theory]
    [InlineData("for=192.0.2.60;proto=http;by=203.0.113.43", "192.0.2.60")]
    [InlineData("for=\"[2001:db8:cafe::17]:4711\"", "2001:db8:cafe::17")]
    [InlineData("for=192.0.2.43, for=198.51.100.17", "198.51.100.17")]
    public void ForwardedHeader_ForValues(string forwarded, string expected) =>
        Resolve("127.0.0.1", null, forwarded, "127.0.0.1").Address.ShouldBe(IPAddress.Parse(expected));

    [Theory]
    [InlineData(null, null, false)]
    [InlineData("127.0.0.1", null, false)]
    [InlineData(null, "for=unknown", true)]
    [InlineData("not-an-address", null, true)]
    public void BeyondLoopback_ForLoopbackPeer(string? xff, string? forwarded, bool beyond) =>
        Resolve("127.0.0.1", xff, forwarded, null).BeyondLoopback.ShouldBe(beyond);

    [Fact]
    public void TrustedProxies_BadEntries_AreReported()
    {
        TrustedProxies.Parse("127.0.0.1; 10.0.0.0/8, proxy.example", out var bad).Networks.Count.ShouldBe(2);
        bad.ShouldBe(["proxy.example"]);
    }
}

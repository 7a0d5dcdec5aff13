using Collector.Configuration;
using Collector.Polling;
using HAProxy.Sockets;

namespace Collector.Tests.Polling;

public class EndpointResolverTests
{
    private sealed class FakeDirectory : ISocketDirectory
    {
        public List<string> Files { get; } = [];

        public IEnumerable<string> List(string directory, string pattern) =>
            Files.Where(f => Path.GetDirectoryName(f) == directory && f.EndsWith(pattern.TrimStart('*'), StringComparison.Ordinal));
    }

    [Fact]
    public void Resolve_Glob_ExpandedEachCallSoNewSocketsAppear()
    {
        var directory = new FakeDirectory { Files = { "/run/haproxy/a.sock" } };
        var resolver = new EndpointResolver(directory);
        EndpointOptions[] configured = [new() { Address = "/run/haproxy/*.sock" }];

        var first = resolver.Resolve(configured, "lb1");
        directory.Files.Add("/run/haproxy/b.sock");
        var second = resolver.Resolve(configured, "lb1");

        first.Select(e => e.Host).ShouldBe(["lb1/a.sock"]);
        second.Select(e => e.Host).ShouldBe(["lb1/a.sock", "lb1/b.sock"]);
        second[1].Endpoint.ShouldBe(StatsEndpoint.Unix("/run/haproxy/b.sock"));
    }

    [Fact]
    public void Resolve_GlobWithHost_HostIsPrefix()
    {
        var resolver = new EndpointResolver(new FakeDirectory { Files = { "/run/haproxy/a.sock" } });

        resolver.Resolve([new() { Address = "/run/haproxy/*.sock", Host = "edge" }], "lb1").Single().Host.ShouldBe("edge/a.sock");
    }

    [Fact]
    public void Resolve_PathAndTcp_DefaultAndExplicitHosts()
    {
        var resolver = new EndpointResolver(new FakeDirectory());

        var endpoints = resolver.Resolve(
            [new() { Address = "/run/haproxy/admin.sock" }, new() { Address = "127.0.0.1:9999", Host = "lb-b" }], "lb1");

        endpoints.Select(e => e.Host).ShouldBe(["lb1/admin.sock", "lb-b"]);
        endpoints[1].Endpoint.ShouldBe(StatsEndpoint.Tcp("127.0.0.1", 9999));
    }

    [Fact]
    public void Resolve_SameSocketTwice_PolledOnce()
    {
        var resolver = new EndpointResolver(new FakeDirectory { Files = { "/run/haproxy/admin.sock" } });

        resolver.Resolve([new() { Address = "/run/haproxy/admin.sock" }, new() { Address = "/run/haproxy/*.sock" }], "lb1").Count.ShouldBe(1);
    }
}

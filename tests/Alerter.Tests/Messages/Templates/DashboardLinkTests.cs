using Alerter.Messages.Templates;

namespace Alerter.Tests.Messages.Templates;

public class DashboardLinkTests
{
    [Fact]
    public void Build_EveryPartUrlEncoded_UnixMillisecondsAt()
    {
        var at = DateTimeOffset.FromUnixTimeMilliseconds(1764592200123);
        var link = DashboardLink.Build("http://noc.example.net:8080/", "lb 1", "app&x=1", "web/1?#", at);
        link.ShouldBe("http://noc.example.net:8080/server?host=lb%201&proxy=app%26x%3D1&server=web%2F1%3F%23&at=1764592200123");
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(link!).Query);
        query["proxy"].ShouldBe("app&x=1");
        query["server"].ShouldBe("web/1?#");
    }

    [Fact]
    public void Build_BackendEvent_LinksTheBackendPageNotAServerPageWithoutServer()
        => DashboardLink.Build("https://noc", "lb1", "app", null, DateTimeOffset.FromUnixTimeMilliseconds(5))
            .ShouldBe("https://noc/backend?host=lb1&proxy=app&at=5");

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("javascript:alert(1)")]
    [InlineData("noc.example.net")]
    public void Build_NoOrUnusableBaseUrl_NoLink(string? baseUrl)
        => DashboardLink.Build(baseUrl, "lb1", "app", "web1", DateTimeOffset.UnixEpoch).ShouldBeNull();
}

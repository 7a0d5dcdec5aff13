using TestSupport;

namespace Storage.Tests.Integration.Influx;

[Trait("Category", "Integration")]
public class InfluxWrongServerTests
{
    [Fact]
    public async Task Write_UrlIsAWebServerThatAnswers200_NothingCountedAsWrittenPointsStaySpooledErrorNamesTheUrl()
    {
        // A web server that answers 200 to every request, as a mistyped URL or a proxy's default page would.
        using var dir = new TempDirectory("ifx");
        using var web = new TestHttpBackend();
        await using var host = await InfluxSinkHost.StartAsync(new Dictionary<string, string?>
        {
            ["Collector:Influx:Url"] = $"http://{web.Address}",
            ["Collector:Influx:Database"] = "haproxy",
            ["Collector:Influx:SpoolDirectory"] = dir.Combine("spool"),
        });

        await host.Sink.WriteAsync(TestPoints.Cycle(0), CancellationToken.None);
        await host.WaitUntilAsync(_ => web.Requests >= 2, TimeSpan.FromSeconds(30), "two write attempts");

        var status = host.Status;
        status.PointsWritten.ShouldBe(0);
        status.SpooledPoints.ShouldBe(10);
        status.DroppedPoints.ShouldBe(0);
        status.LastError.ShouldNotBeNull().ShouldContain("not 204 No Content");
        host.Logs.All.ShouldContain("check Collector:Influx:Url");
    }
}

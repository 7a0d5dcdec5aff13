using Alerter.Delivery.Context;
using Alerter.Delivery.Templates;

namespace Alerter.Tests.Delivery.Context;

public class ContextTextTests
{
    [Fact]
    public void Render_WithContext_NumbersServerThenBackend()
    {
        var text = ContextText.Render(SampleContext.Request(), new ContextOutcome(SampleContext.Build(), [1], null), null);
        text.ShouldContain("Traffic at the alert (server | backend):\n");
        text.ShouldContain("  Sessions/s: 12.25 | 97.5\n");
        text.ShouldContain("  Response time (ms): n/a | 18\n");
        text.ShouldContain("Servers of app now: web1 DOWN, web2 UP, web3 MAINT\n");
    }

    [Fact]
    public void Render_Unavailable_OneLineWithTheReason()
        => ContextText.Render(SampleContext.Request(), ContextOutcome.Unavailable("no traffic store is connected to the Alerter"), "http://x/server?host=lb1")
            .ShouldBe("Traffic context unavailable: no traffic store is connected to the Alerter\nServer view: http://x/server?host=lb1\n");

    [Fact]
    public void Insert_BodyWithSignature_ContextGoesBeforeIt()
        => ContextText.Insert("Title\n\nDetails\n\n-- \nHAProxy Alerter\n", "Context line\n")
            .ShouldBe("Title\n\nDetails\n\nContext line\n\n-- \nHAProxy Alerter\n");
}

using Alerter.Messages.Context;
using Alerter.Messages.Templates;
using Alerter.Tests.Messages.Context;

namespace Alerter.Tests.Messages.Templates;

public class ContextTextTests
{
    [Fact]
    public void Render_WithContext_NumbersServerThenBackend()
    {
        var text = ContextText.Render(SampleContext.Request(), new ContextOutcome(SampleContext.Build(), [1], null), null);
        text.ShouldContain("Traffic at the alert (server | backend):\n");
        text.ShouldContain("  Sessions/s: 12.25 | 97.5\n");
        text.ShouldContain("  Response time (ms): n/a | 18\n");
        text.ShouldContain("Servers of app now: web1 DOWN (from the log 2026-12-01 12:30:00 UTC), web2 UP (sampled 2026-12-01 12:29:50 UTC), "
            + "web3 MAINT (sampled 2026-12-01 12:29:50 UTC)\n");
    }

    [Fact]
    public void Render_Unavailable_OneLineWithTheReason()
        => ContextText.Render(SampleContext.Request(), ContextOutcome.Unavailable("no traffic store is connected to the Alerter"), "http://x/server?host=lb1")
            .ShouldBe("Traffic context unavailable: no traffic store is connected to the Alerter\nServer view: http://x/server?host=lb1\n");

    [Fact]
    public void Render_BackendEventLink_SaysBackendView()
        => ContextText.Render(SampleContext.Request(server: null), ContextOutcome.Unavailable("x"), "http://x/backend?host=lb1&proxy=app&at=1")
            .ShouldEndWith("Backend view: http://x/backend?host=lb1&proxy=app&at=1\n");

    [Fact]
    public void Insert_BodyWithSignature_ContextGoesBeforeIt()
        => ContextText.Insert("Title\n\nDetails\n\n-- \nHAProxy Alerter\n", "Context line\n")
            .ShouldBe("Title\n\nDetails\n\nContext line\n\n-- \nHAProxy Alerter\n");
}

using Alerter.Policy;

namespace Alerter.Tests.Policy;

public class AlertRouterTests
{
    private static Alert AlertOf(AlertSeverity severity, string proxy = "app") => new()
    {
        Key = "k", Kind = AlertKind.Transitions, Severity = severity, Host = "lb1", Proxy = proxy,
        Events = [], DecidedAt = Events.T0,
    };

    private static readonly AlertPolicyOptions Options = new()
    {
        Routes =
        [
            new RouteRule { Proxy = "*", Email = ["noc@example.net"], Sms = ["+15550001"], SmsEmail = ["15550002@sms.example.net"] },
            new RouteRule { Proxy = "app*", Email = ["app-team@example.net", "noc@example.net"] },
            new RouteRule { Proxy = "db", Email = ["dba@example.net"], EmailSeverities = [AlertSeverity.Info, AlertSeverity.Critical] },
        ],
    };

    [Fact]
    public void Route_Warning_EmailOnlyNoSmsDeduplicated()
        => AlertRouter.Route(AlertOf(AlertSeverity.Warning), Options).ShouldBe(
            [new Recipient(AlertChannel.Email, "noc@example.net"), new Recipient(AlertChannel.Email, "app-team@example.net")]);

    [Fact]
    public void Route_Critical_AddsBothSmsKinds()
        => AlertRouter.Route(AlertOf(AlertSeverity.Critical, "web"), Options).ShouldBe(
            [new Recipient(AlertChannel.Email, "noc@example.net"), new Recipient(AlertChannel.SmsEmail, "15550002@sms.example.net"), new Recipient(AlertChannel.SmsHttp, "+15550001")]);

    [Fact]
    public void Route_InfoByDefault_NobodyPaged()
        => AlertRouter.Route(AlertOf(AlertSeverity.Info, "web"), Options).ShouldBeEmpty();

    [Fact]
    public void Route_RouteListingInfo_GetsInfo()
        => AlertRouter.Route(AlertOf(AlertSeverity.Info, "db"), Options).ShouldBe([new Recipient(AlertChannel.Email, "dba@example.net")]);

    private static readonly HashSet<AlertChannel> AllChannels = [AlertChannel.Email, AlertChannel.SmsEmail, AlertChannel.SmsHttp];

    [Fact]
    public void ReachProblems_RoutesWithDefaultsOnConfiguredChannels_None()
        => AlertRouter.ReachProblems(Options, AllChannels).ShouldBeEmpty();

    [Fact]
    public void ReachProblems_NoRoutes_SaysNoAlertReachesAnyone()
        => AlertRouter.ReachProblems(new AlertPolicyOptions(), AllChannels).ShouldHaveSingleItem()
            .ShouldStartWith("Alerter:Policy:Routes is empty: no alert would reach anyone.");

    [Fact]
    public void ReachProblems_RoutesWithEmptySeverityLists_SaysNoSeverityIsSent()
        => AlertRouter.ReachProblems(new AlertPolicyOptions
        {
            Routes = [new RouteRule { Email = ["noc@example.net"], EmailSeverities = [], SmsSeverities = [] }],
        }, AllChannels).ShouldHaveSingleItem().ShouldStartWith("Alerter:Policy:Routes send no severity to anyone");

    [Fact]
    public void ReachProblems_CriticalLeftOut_SaysCriticalAlertsReachNobody()
        => AlertRouter.ReachProblems(new AlertPolicyOptions
        {
            Routes = [new RouteRule { Email = ["noc@example.net"], EmailSeverities = [AlertSeverity.Warning, AlertSeverity.Recovery] }],
        }, AllChannels).ShouldHaveSingleItem().ShouldStartWith("Alerter:Policy:Routes send critical alerts (a backend with no server left) to nobody");

    [Fact]
    public void ReachProblems_OnlySmsRecipientsWithoutAnSmsGateway_SaysWhatTheChannelNeeds()
    {
        var problem = AlertRouter.ReachProblems(new AlertPolicyOptions { Routes = [new RouteRule { Sms = ["+15550001"] }] }, new HashSet<AlertChannel> { AlertChannel.Email, AlertChannel.SmsEmail })
            .ShouldHaveSingleItem();

        problem.ShouldStartWith("Alerter:Policy:Routes send no severity to anyone");
        problem.ShouldContain("Recipients on SmsHttp do not count: SMS needs Alerter:Sms:Url.");
    }
}

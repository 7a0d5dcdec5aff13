using Alerter.Policy;

namespace Alerter.Tests.Policy;

public class SeverityClassifierTests
{
    private readonly AlertPolicyOptions _options = new();

    [Fact]
    public void Classify_ServerDownWithActiveLeft_IsWarning()
        => SeverityClassifier.Classify(Events.Down("be", "srv3", Events.T0, activeLeft: 2), _options).ShouldBe(AlertSeverity.Warning);

    [Fact]
    public void Classify_ServerDownWithNoActiveLeft_IsCritical()
        => SeverityClassifier.Classify(Events.Down("be", "srv1", Events.T0, activeLeft: 0, backupLeft: 1), _options).ShouldBe(AlertSeverity.Critical);

    [Fact]
    public void Classify_ServerDownWithThresholdRaised_IsCriticalAtOneLeft()
        => SeverityClassifier.Classify(Events.Down("be", "srv1", Events.T0, activeLeft: 1), new AlertPolicyOptions { CriticalWhenActiveLeftAtMost = 1 })
            .ShouldBe(AlertSeverity.Critical);

    [Fact]
    public void Classify_BackendWithoutServers_IsCritical()
        => SeverityClassifier.Classify(Events.NoServer("be", Events.T0), _options).ShouldBe(AlertSeverity.Critical);

    [Fact]
    public void Classify_ServerUp_IsRecovery()
        => SeverityClassifier.Classify(Events.Up("be", "srv1", Events.T0), _options).ShouldBe(AlertSeverity.Recovery);

    [Fact]
    public void Classify_OperatorActionsAndReload_AreInfo()
    {
        SeverityClassifier.Classify(Events.Maintenance("be", "srv2", Events.T0), _options).ShouldBe(AlertSeverity.Info);
        SeverityClassifier.Classify(Events.Drain("be", "srv2", Events.T0), _options).ShouldBe(AlertSeverity.Info);
        SeverityClassifier.Classify(Events.ProxyStopped("fe", Events.T0), _options).ShouldBe(AlertSeverity.Info);
    }
}

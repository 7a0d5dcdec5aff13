using Alerter.Sources;

namespace Alerter.Tests.Sources;

public class SourceProblemThrottleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Decide_FirstFailureThenRepeats_OneWarningThenOnlyAfterThePeriod()
    {
        var (first, state) = SourceProblemThrottle.Decide(null, "denied", T0);
        first.ShouldBe(ProblemWarning.First);

        var (again, state2) = SourceProblemThrottle.Decide(state, "denied", T0 + TimeSpan.FromMinutes(59));
        again.ShouldBe(ProblemWarning.None);

        var (still, state3) = SourceProblemThrottle.Decide(state2, "denied", T0 + SourceProblemThrottle.Period);
        still.ShouldBe(ProblemWarning.Still);
        state3!.Since.ShouldBe(T0);
        SourceProblemThrottle.Period.ShouldBe(TimeSpan.FromHours(1));
    }

    [Fact]
    public void Decide_ProblemChanges_WarnsAtOnceKeepingSince()
    {
        var (_, state) = SourceProblemThrottle.Decide(null, "missing", T0);

        var (warning, next) = SourceProblemThrottle.Decide(state, "denied", T0.AddSeconds(5));

        warning.ShouldBe(ProblemWarning.First);
        next!.Since.ShouldBe(T0);
    }

    [Fact]
    public void Decide_ReadsAgain_ResolvedOnceThenNothing()
    {
        var (_, state) = SourceProblemThrottle.Decide(null, "missing", T0);

        SourceProblemThrottle.Decide(state, null, T0.AddSeconds(5)).ShouldBe((ProblemWarning.Resolved, null));
        SourceProblemThrottle.Decide(null, null, T0.AddSeconds(10)).ShouldBe((ProblemWarning.None, null));
    }
}

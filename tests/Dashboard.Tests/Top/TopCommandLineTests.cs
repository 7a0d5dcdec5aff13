using Dashboard.Cli;
using Dashboard.Top;
using Dashboard.Top.Model;

namespace Dashboard.Tests.Top;

public class TopCommandLineTests
{
    private static (TopOptions? Options, IReadOnlyList<string> Problems, int ParseErrors) Bind(string line)
    {
        var parse = DashboardCommandLine.Build().Parse(line);
        if (parse.Errors.Count > 0)
        {
            return (null, [], parse.Errors.Count);
        }
        var options = TopCommandLine.Bind(parse, out var problems);
        return (options, problems, 0);
    }

    [Fact]
    public void Bind_AllOptions_AreRead()
    {
        var (options, _, _) = Bind("top --socket /run/a.sock -s 127.0.0.1:9999 --interval 500ms --mode http --read-only --filter web*");

        options.ShouldNotBeNull();
        options.Endpoints.Select(e => e.ToString()).ShouldBe(["/run/a.sock", "127.0.0.1:9999"]);
        options.Interval.ShouldBe(TimeSpan.FromMilliseconds(500));
        options.Mode.ShouldBe(TopMode.Http);
        options.ReadOnly.ShouldBeTrue();
        options.ProxyFilter.ShouldBe("web*");
    }

    [Fact]
    public void Bind_NoOptions_UsesDebiansSocketAndTwoSeconds()
    {
        var (options, _, _) = Bind("top");

        options!.Endpoints.Single().ToString().ShouldBe(TopOptions.DefaultSocket);
        options.Interval.ShouldBe(TimeSpan.FromSeconds(2));
        options.Mode.ShouldBe(TopMode.Status);
    }

    [Theory]
    [InlineData("top --interval soon")]
    [InlineData("top --mode fancy")]
    public void Parse_BadValue_IsAParseError(string line)
    {
        Bind(line).ParseErrors.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Bind_TooShortIntervalAndDuplicateSocket_AreReportedClearly()
    {
        var (options, problems, _) = Bind("top -s /a.sock -s /a.sock --interval 10ms");

        options.ShouldBeNull();
        problems.ShouldContain(p => p.Contains("too short"));
        problems.ShouldContain(p => p.Contains("given twice"));
    }

    [Theory]
    [InlineData("2", 2000)]
    [InlineData("1.5s", 1500)]
    [InlineData("250ms", 250)]
    [InlineData("1m", 60000)]
    [InlineData("00:00:03", 3000)]
    public void TryParseDuration_AcceptedForms_GiveTheDuration(string text, int milliseconds)
    {
        TopCommandLine.TryParseDuration(text, out var value).ShouldBeTrue();
        value.ShouldBe(TimeSpan.FromMilliseconds(milliseconds));
    }
}

namespace Grafana.Tests.Integration;

public sealed class GrafanaMacrosTests
{
    private static readonly DateTimeOffset From = DateTimeOffset.FromUnixTimeMilliseconds(1_764_600_000_000);
    private static readonly DateTimeOffset To = DateTimeOffset.FromUnixTimeMilliseconds(1_764_600_060_000);

    [Fact]
    public void Interpolate_TimeFilterAndInterval_AsGrafanaSendsThem()
    {
        var macros = new GrafanaMacros(From, To, TimeSpan.FromSeconds(5));
        macros.Interpolate("WHERE $timeFilter GROUP BY time($__interval) -- $__interval_ms")
            .ShouldBe("WHERE time >= 1764600000000ms and time <= 1764600060000ms GROUP BY time(5s) -- 5000");
    }

    [Fact]
    public void Interpolate_MultiValue_RegexEscapedAlternation_SingleValueAsIs()
    {
        var macros = new GrafanaMacros(From, To, TimeSpan.FromSeconds(5));
        macros.Set("host", ["lb1/admin.sock", "lb2"], multi: true);
        macros.Set("backend", ["be_web"], multi: false);
        macros.Set("one", ["a.b"], multi: true);
        macros.Interpolate("\"host\" =~ /^$host$/ AND \"proxy\" =~ /^${backend}$/ AND \"x\" =~ /^$one$/")
            .ShouldBe(@"""host"" =~ /^(lb1\/admin\.sock|lb2)$/ AND ""proxy"" =~ /^be_web$/ AND ""x"" =~ /^a\.b$/");
    }

    [Fact]
    public void Interpolate_UnknownVariable_Throws() =>
        Should.Throw<InvalidOperationException>(() => new GrafanaMacros(From, To, TimeSpan.FromSeconds(1)).Interpolate("$nope"));
}

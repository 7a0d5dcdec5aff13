using Dashboard.Web.Api;
using Dashboard.Web.Security;

namespace Dashboard.Web.Tests.Security;

public sealed class PureSecurityTests
{
    [Theory]
    [InlineData("http://127.0.0.1:18090", true)]
    [InlineData("http://localhost:18090", true)]
    [InlineData("http://[::1]:18090", true)]
    [InlineData("http://127.0.0.2:80", true)]
    [InlineData("http://0.0.0.0:18090", false)]
    [InlineData("http://*:18090", false)]
    [InlineData("http://+:18090", false)]
    [InlineData("http://[::]:18090", false)]
    [InlineData("http://10.1.2.3:18090", false)]
    [InlineData("http://dashboard.example:18090", false)]
    public void IsLoopback_ByHostPart(string url, bool loopback) => BindAddresses.IsLoopback(url).ShouldBe(loopback);

    [Fact]
    public void NonLoopback_ListsOnlyTheExposedUrls() =>
        BindAddresses.NonLoopback("http://127.0.0.1:1; http://0.0.0.0:2").ShouldBe(["http://0.0.0.0:2"]);

    [Fact]
    public void PasswordHash_VerifiesOnlyItsPassword()
    {
        var hash = PasswordHash.Create("s3cret", 10_000);
        hash.ShouldStartWith("pbkdf2-sha256$10000$");
        hash.ShouldNotContain("s3cret");
        PasswordHash.Verify("s3cret", hash).ShouldBeTrue();
        PasswordHash.Verify("s3cret ", hash).ShouldBeFalse();
        PasswordHash.Problem(hash).ShouldBeNull();
        PasswordHash.Problem("s3cret").ShouldNotBeNull();
        PasswordHash.Verify("s3cret", "pbkdf2-sha256$10$AAAA$AAAA").ShouldBeFalse();
    }

    [Theory]
    [InlineData("15m", 15 * 60)]
    [InlineData("24h", 86400)]
    [InlineData("30d", 30 * 86400)]
    [InlineData("90", 90)]
    public void TryParseDuration_Units(string text, int seconds)
    {
        TimeWindow.TryParseDuration(text, out var d).ShouldBeTrue();
        d.ShouldBe(TimeSpan.FromSeconds(seconds));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-1h")]
    [InlineData("1y")]
    [InlineData("99999999d")]
    [InlineData("NaN")]
    [InlineData("NaNm")]
    [InlineData("Infinityh")]
    [InlineData("0")]
    public void TryParseDuration_RefusesNonsense(string text) => TimeWindow.TryParseDuration(text, out _).ShouldBeFalse();

    [Fact]
    public void TryParse_RangeEndsAtToOrNow()
    {
        var now = new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
        TimeWindow.TryParse(null, null, "1h", now, TimeSpan.FromMinutes(5), out var from, out var to, out var error).ShouldBeTrue(error);
        (from, to).ShouldBe((now.AddHours(-1), now));
        TimeWindow.TryParse("2026-12-01T10:00:00Z", "1796126400000", null, now, TimeSpan.FromMinutes(5), out from, out to, out error).ShouldBeTrue(error);
        from.ShouldBe(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));
        to.ShouldBe(DateTimeOffset.FromUnixTimeMilliseconds(1796126400000));
    }
}

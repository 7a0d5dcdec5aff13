using Dashboard.Shared;

namespace Dashboard.Tests.Shared;

/// <summary>The executable's one duration grammar, read by top --interval and the web API's range/step.</summary>
public sealed class DurationTextTests
{
    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("2", 2000)]
    [InlineData("1.5s", 1500)]
    [InlineData("15m", 900_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData("7d", 604_800_000)]
    [InlineData("1w", 604_800_000)]
    [InlineData("00:00:03", 3000)]
    [InlineData("0", 0)]
    public void TryParse_EveryForm(string text, long milliseconds)
    {
        DurationText.TryParse(text, out var value).ShouldBeTrue();
        value.ShouldBe(TimeSpan.FromMilliseconds(milliseconds));
    }

    [Theory]
    [InlineData("")]
    [InlineData("NaN")]
    [InlineData("NaNm")]
    [InlineData("Infinity")]
    [InlineData("-1s")]
    [InlineData("1y")]
    [InlineData("99999999d")]
    [InlineData("-00:00:01")]
    public void TryParse_RefusesNonsense(string text) => DurationText.TryParse(text, out _).ShouldBeFalse();
}

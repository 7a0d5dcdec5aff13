using Storage.Influx;
using Microsoft.Extensions.Options;

namespace Storage.Tests.Influx;

public class InfluxOptionsValidatorTests
{
    private static IReadOnlyList<string> Errors(InfluxOptions options)
    {
        var result = new InfluxOptionsValidator("Collector:Influx", interval: null).Validate(null, options);
        return result.Failed ? result.Failures!.ToList() : [];
    }

    [Theory]
    [InlineData(1500, InfluxPrecision.Seconds, true)]
    [InlineData(2500, InfluxPrecision.Seconds, true)]
    [InlineData(1000, InfluxPrecision.Seconds, false)]
    [InlineData(10000, InfluxPrecision.Seconds, false)]
    [InlineData(1500, InfluxPrecision.Milliseconds, false)]
    public void Validate_FractionalIntervalWithSecondPrecision_Refused(int intervalMs, InfluxPrecision precision, bool refused)
    {
        var options = new InfluxOptions { Url = "http://127.0.0.1:8086", Database = "haproxy", Precision = precision };

        var result = new InfluxOptionsValidator("Collector:Influx", TimeSpan.FromMilliseconds(intervalMs)).Validate(null, options);

        result.Failed.ShouldBe(refused);
        if (refused)
        {
            result.FailureMessage!.ShouldContain("not a whole number of seconds");
            result.FailureMessage!.ShouldContain("Collector:Influx:Precision Milliseconds");
        }
    }

    [Fact]
    public void Validate_NoUrl_SinkDisabledAndValid()
    {
        Errors(new InfluxOptions()).ShouldBeEmpty();
    }

    [Fact]
    public void Validate_V1WithDatabase_Valid()
    {
        Errors(new InfluxOptions { Url = "http://127.0.0.1:8086", Database = "haproxy" }).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("ftp://host:8086")]
    [InlineData("127.0.0.1:8086")]
    [InlineData("not a url")]
    public void Validate_NonHttpUrl_SaysHttpRequired(string url)
    {
        Errors(new InfluxOptions { Url = url, Database = "d" }).ShouldContain(e => e.Contains("http://") && e.Contains("Collector:Influx:Url"));
    }

    [Fact]
    public void Validate_UrlWithCredentials_Refused()
    {
        Errors(new InfluxOptions { Url = "http://u:secret@host:8086", Database = "d" }).ShouldContain(e => e.Contains("must not contain credentials"));
    }

    [Fact]
    public void Validate_V1WithoutDatabase_NamesKey()
    {
        Errors(new InfluxOptions { Url = "http://h:8086" }).ShouldContain(e => e.Contains("Collector:Influx:Database is required"));
    }

    [Fact]
    public void Validate_V2WithoutOrgBucketToken_ThreeMessages()
    {
        var errors = Errors(new InfluxOptions { Url = "http://h:8086", Api = InfluxApiVersion.V2 });
        errors.ShouldContain(e => e.Contains("Org is required"));
        errors.ShouldContain(e => e.Contains("Bucket is required"));
        errors.ShouldContain(e => e.Contains("Token (or Collector:Influx:TokenFile) is required"));
    }

    [Fact]
    public void Validate_V2WithTokenFileMissing_SaysFileMissing()
    {
        var errors = Errors(new InfluxOptions { Url = "http://h:8086", Api = InfluxApiVersion.V2, Org = "o", Bucket = "b", TokenFile = "/nonexistent/token" });
        errors.ShouldHaveSingleItem().ShouldContain("TokenFile '/nonexistent/token' does not exist");
    }

    [Fact]
    public void Validate_PasswordWithoutUser_Refused()
    {
        Errors(new InfluxOptions { Url = "http://h:8086", Database = "d", Password = "p" }).ShouldContain(e => e.Contains("Username is not"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100_001)]
    public void Validate_BatchSizeOutOfRange_Refused(int size)
    {
        Errors(new InfluxOptions { Url = "http://h:8086", Database = "d", BatchSize = size }).ShouldContain(e => e.Contains("BatchSize"));
    }

    [Fact]
    public void Validate_SpoolBoundTooSmall_Refused()
    {
        Errors(new InfluxOptions { Url = "http://h:8086", Database = "d", SpoolMaxBytes = 1000 }).ShouldContain(e => e.Contains("SpoolMaxBytes"));
    }

    [Fact]
    public void Validate_RetryDelayAboveMax_Refused()
    {
        Errors(new InfluxOptions { Url = "http://h:8086", Database = "d", RetryDelay = TimeSpan.FromMinutes(5) }).ShouldContain(e => e.Contains("RetryDelay"));
    }
}

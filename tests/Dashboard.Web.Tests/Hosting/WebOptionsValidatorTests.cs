using Dashboard.Web.Hosting;
using Microsoft.Extensions.Configuration;
using Storage.Influx;

namespace Dashboard.Web.Tests.Hosting;

/// <summary>The page's InfluxDB settings are checked by the one InfluxDB validator's rules, not by a second copy with other rules.</summary>
public class WebOptionsValidatorTests
{
    // No Kestrel endpoints and the default loopback URL: only the InfluxDB rules can fail.
    private static WebOptionsValidator Validator() => new(new ConfigurationBuilder().Build());

    [Fact]
    public void Validate_InfluxV2WithOrgBucketAndToken_IsValid()
    {
        // Regression: the page's own copy of the rules required Database, which the V2 API does not have.
        var options = new WebOptions { Influx = new InfluxOptions { Url = "http://127.0.0.1:8086", Api = InfluxApiVersion.V2, Org = "noc", Bucket = "haproxy", Token = "t" } };

        Validator().Validate(null, options).Failed.ShouldBeFalse();
    }

    [Fact]
    public void Validate_InfluxUrlWithCredentials_IsRefusedAsForTheWriters()
    {
        var options = new WebOptions { Influx = new InfluxOptions { Url = "http://user:secret@127.0.0.1:8086", Database = "haproxy" } };

        var result = Validator().Validate(null, options);

        result.Failed.ShouldBeTrue();
        result.FailureMessage!.ShouldContain("Dashboard:Influx:Url must not contain credentials");
    }

    [Fact]
    public void Validate_InfluxV1WithoutDatabase_NamesTheSetting()
    {
        var options = new WebOptions { Influx = new InfluxOptions { Url = "http://127.0.0.1:8086" } };

        Validator().Validate(null, options).FailureMessage!.ShouldContain("Dashboard:Influx:Database is required");
    }
}

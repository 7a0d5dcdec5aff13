using Dashboard.Web.Hosting;
using Storage.Influx;

namespace Dashboard.Web.Tests.Hosting;

/// <summary>The page's InfluxDB settings are checked by the one InfluxDB validator's rules, not by a second copy with other rules.</summary>
public class WebOptionsValidatorTests
{
    [Fact]
    public void Validate_InfluxV2WithOrgBucketAndToken_IsValid()
    {
        // Regression: the page's own copy of the rules required Database, which the V2 API does not have.
        var options = new WebOptions { Influx = new InfluxOptions { Url = "http://127.0.0.1:8086", Api = InfluxApiVersion.V2, Org = "noc", Bucket = "haproxy", Token = "t" } };

        new WebOptionsValidator().Validate(null, options).Failed.ShouldBeFalse();
    }

    [Fact]
    public void Validate_InfluxUrlWithCredentials_IsRefusedAsForTheWriters()
    {
        var options = new WebOptions { Influx = new InfluxOptions { Url = "http://user:secret@127.0.0.1:8086", Database = "haproxy" } };

        var result = new WebOptionsValidator().Validate(null, options);

        result.Failed.ShouldBeTrue();
        result.FailureMessage!.ShouldContain("Dashboard:Influx:Url must not contain credentials");
    }

    [Fact]
    public void Validate_InfluxV1WithoutDatabase_NamesTheSetting()
    {
        var options = new WebOptions { Influx = new InfluxOptions { Url = "http://127.0.0.1:8086" } };

        new WebOptionsValidator().Validate(null, options).FailureMessage!.ShouldContain("Dashboard:Influx:Database is required");
    }
}

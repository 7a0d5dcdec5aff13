using HAProxy.Fields;
using HAProxy.Stats;

namespace HAProxy.Tests.Fields;

public class FieldCatalogueTests
{
    [Fact]
    public void All_CoversEveryStandardColumnOfHAProxy26()
    {
        var columns = StatCsvParser.Parse(Fixture.Read("Stats/show-stat-2.6.12.csv")).Columns;
        var standard = columns.TakeWhile(c => c != "-").ToArray();

        standard.Length.ShouldBe(103);
        standard.Where(c => FieldCatalogue.Find(c) is null).ShouldBeEmpty();
        FieldCatalogue.All.Select(f => f.Name).ShouldBe(standard);
    }

    [Fact]
    public void StorageNames_AreUnique()
    {
        var names = FieldCatalogue.All.SelectMany(f => new[] { f.StoredAs, f.RateAs }).OfType<string>().ToArray();

        names.Distinct().Count().ShouldBe(names.Length);
    }

    [Fact]
    public void RateCounters_AreCountersWithRateNames()
    {
        FieldCatalogue.RateCounters.ShouldAllBe(f => f.Kind == FieldKind.Counter && f.RateAs!.EndsWith("_rate"));
        FieldCatalogue.RateCounters.Count.ShouldBe(FieldCatalogue.All.Count(f => f.Kind == FieldKind.Counter));
    }

    [Theory]
    [InlineData("stot", "sessions_total", "session_rate")]
    [InlineData("req_tot", "requests_total", "request_rate")]
    [InlineData("conn_tot", null, "connection_rate")]
    [InlineData("bin", "bytes_in_total", "bytes_in_rate")]
    [InlineData("bout", "bytes_out_total", "bytes_out_rate")]
    [InlineData("hrsp_5xx", "http_5xx_total", "http_5xx_rate")]
    [InlineData("hrsp_other", null, "http_other_rate")]
    [InlineData("dreq", null, "denied_request_rate")]
    [InlineData("ereq", null, "request_error_rate")]
    [InlineData("econ", null, "connection_error_rate")]
    [InlineData("eresp", null, "response_error_rate")]
    [InlineData("wretr", null, "retry_rate")]
    [InlineData("wredis", null, "redispatch_rate")]
    [InlineData("cli_abrt", null, "client_abort_rate")]
    [InlineData("srv_abrt", null, "server_abort_rate")]
    [InlineData("chkdown", "check_down_total", "check_down_rate")]
    [InlineData("scur", "sessions_current", null)]
    [InlineData("qtime", "queue_time_ms", null)]
    [InlineData("lastchg", "last_change_s", null)]
    [InlineData("downtime", "downtime_s", null)]
    public void Find_DesignSchemaNames(string column, string? storedAs, string? rateAs)
    {
        var field = FieldCatalogue.Find(column)!;

        field.StoredAs.ShouldBe(storedAs);
        field.RateAs.ShouldBe(rateAs);
    }

    [Fact]
    public void Find_UnknownField_IsNull()
    {
        FieldCatalogue.Find("h2_headers_rcvd").ShouldBeNull();
    }
}

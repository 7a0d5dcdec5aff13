using System.Reflection;
using HAProxy.Fields;
using Storage.Schema;

namespace Storage.Tests.Schema;

/// <summary>
/// The one place HAProxy's columns meet stored names: every mapped column is one HAProxy has, every counter's rate is
/// stored, no stored name is used twice, and every <see cref="ProxyFields"/> constant is a field the schema has.
/// </summary>
public class ProxyColumnsTests
{
    [Fact]
    public void All_NamesOnlyColumnsOfTheFieldCatalogue()
    {
        ProxyColumns.All.Where(c => FieldCatalogue.Find(c.Column) is null).Select(c => c.Column).ShouldBeEmpty();
        ProxyColumns.All.Select(c => c.Column).Distinct().Count().ShouldBe(ProxyColumns.All.Count);
    }

    [Fact]
    public void All_StoresTheRateOfEveryCounterAndOnlyOfCounters()
    {
        FieldCatalogue.RateCounters.Where(f => ProxyColumns.Find(f.Name)?.RateAs is null).Select(f => f.Name).ShouldBeEmpty();
        ProxyColumns.All.Where(c => c.RateAs is not null && FieldCatalogue.Find(c.Column)!.Kind != FieldKind.Counter)
            .Select(c => c.Column).ShouldBeEmpty();
        ProxyColumns.All.Where(c => c.RateAs is not null).ShouldAllBe(c => c.RateAs!.EndsWith("_rate"));
    }

    [Fact]
    public void StoredNames_AreUnique()
    {
        var names = ProxyColumns.All.SelectMany(c => new[] { c.StoredAs, c.RateAs }).OfType<string>()
            .Concat([ProxyFields.SessionsPct, ProxyFields.Up]).ToArray();

        names.Distinct().Count().ShouldBe(names.Length);
    }

    [Fact]
    public void ProxyFields_EveryConstantIsAFieldOfAProxyMeasurement()
    {
        var stored = new[] { Measurements.Frontend, Measurements.Backend, Measurements.Server }
            .SelectMany(m => StorageSchema.Get(m).Fields).Select(f => f.Name).ToHashSet();
        var constants = typeof(ProxyFields).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToArray();

        constants.Length.ShouldBeGreaterThan(50);
        constants.Where(c => !stored.Contains(c)).ShouldBeEmpty();
        stored.Where(s => !constants.Contains(s)).ShouldBeEmpty("a proxy-row field without a ProxyFields constant is spelled somewhere else");
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
        var stored = ProxyColumns.Find(column)!;

        stored.StoredAs.ShouldBe(storedAs);
        stored.RateAs.ShouldBe(rateAs);
    }

    [Fact]
    public void Find_ColumnNotStored_IsNull()
    {
        ProxyColumns.Find("pxname").ShouldBeNull();
    }
}

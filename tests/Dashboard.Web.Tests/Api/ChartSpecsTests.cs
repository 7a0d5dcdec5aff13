using Dashboard.Web.Api;
using Storage.Schema;

namespace Dashboard.Web.Tests.Api;

/// <summary>The drill-down charts /api/schema hands the page: every declared field is one the schema stores, and none is dropped unseen.</summary>
public class ChartSpecsTests
{
    private static readonly string[] ProxyMeasurements = [Measurements.Frontend, Measurements.Backend, Measurements.Server];

    [Theory]
    [InlineData(Measurements.Frontend)]
    [InlineData(Measurements.Backend)]
    [InlineData(Measurements.Server)]
    [InlineData(Measurements.Process)]
    [InlineData(Measurements.System)]
    public void Declared_EveryFieldIsANumericFieldOfThePageMeasurements(string measurement)
    {
        // A proxy chart lists the fields of every proxy row (a frontend has no queue), so it must be stored by one of them;
        // a node chart by its own measurement.
        var owners = ProxyMeasurements.Contains(measurement) ? ProxyMeasurements : [measurement];
        var numeric = owners.SelectMany(m => StorageSchema.Get(m).Fields).Where(f => f.Type != SchemaFieldType.String)
            .Select(f => f.Name).ToHashSet();

        var declared = ChartSpecs.Declared(measurement).SelectMany(c => c.Fields).Select(f => f.Name).ToArray();

        declared.ShouldNotBeEmpty();
        declared.Where(f => !numeric.Contains(f)).ShouldBeEmpty();
    }

    [Fact]
    public void For_KeepsOnlyFieldsTheMeasurementHasAndDropsEmptyCharts()
    {
        var frontend = ChartSpecs.For(StorageSchema.Get(Measurements.Frontend));
        var backend = ChartSpecs.For(StorageSchema.Get(Measurements.Backend));

        frontend.SelectMany(c => c.Fields).Select(f => f.Name).ShouldNotContain(ProxyFields.QueueCurrent);
        frontend.Select(c => c.Title).ShouldNotContain("Active and backup servers");
        backend[0].Fields.Select(f => f.Name).ShouldBe([ProxyFields.ActiveServers, ProxyFields.BackupServers]);
        ChartSpecs.For(StorageSchema.Get(Measurements.Server)).Select(c => c.Title).ShouldBe(
            ["Bytes in / out", "Sessions", "Session and request rate", "HTTP responses by class", "Errors", "Queue", "Connect, response and total time"]);
        ChartSpecs.For(StorageSchema.Get(Measurements.Collector)).ShouldBeEmpty();
    }
}

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
    public void RateCounters_AreEveryCounter()
    {
        FieldCatalogue.RateCounters.ShouldAllBe(f => f.Kind == FieldKind.Counter);
        FieldCatalogue.RateCounters.Count.ShouldBe(FieldCatalogue.All.Count(f => f.Kind == FieldKind.Counter));
    }

    [Fact]
    public void Find_UnknownField_IsNull()
    {
        FieldCatalogue.Find("h2_headers_rcvd").ShouldBeNull();
    }
}

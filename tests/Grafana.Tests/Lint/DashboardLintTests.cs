namespace Grafana.Tests.Lint;

/// <summary>Every shipped dashboard passes every lint rule.</summary>
public sealed class DashboardLintTests
{
    public static TheoryData<string> Files() =>
        new(Directory.GetFiles(DashboardFile.Directory, "*.json").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal));

    [Fact]
    public void Directory_HoldsTheFleetBackendAndServerDashboards()
    {
        DashboardFile.All().Select(d => d.Uid).ShouldBe(["haproxy-backend", "haproxy-fleet", "haproxy-server"], ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void File_Parses_WithAStableUidAndSchemaVersion42(string file) => DashboardLint.Identity(DashboardFile.Load(file)).ShouldBeEmpty();

    [Theory]
    [MemberData(nameof(Files))]
    public void PanelIds_IncludingInsideRows_AreUnique(string file) => DashboardLint.UniquePanelIds(DashboardFile.Load(file)).ShouldBeEmpty();

    [Theory]
    [MemberData(nameof(Files))]
    public void GridPos_FitsTwentyFourColumns_WithoutOverlaps(string file) => DashboardLint.Layout(DashboardFile.Load(file)).ShouldBeEmpty();

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryPanel_HasATitleAUnitAndTheDatasourceVariable(string file) => DashboardLint.Panels(DashboardFile.Load(file)).ShouldBeEmpty();

    [Theory]
    [MemberData(nameof(Files))]
    public void Variables_OneDatasourceVariable_QueryVariablesRefreshOnTimeRange(string file) => DashboardLint.Variables(DashboardFile.Load(file)).ShouldBeEmpty();

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryQuery_HasTimeFilter_BucketsByInterval_AndUsesStoredRates(string file) => DashboardLint.Queries(DashboardFile.Load(file)).ShouldBeEmpty();

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryVariableUsed_IsDefined(string file) => DashboardLint.VariablesDefined(DashboardFile.Load(file)).ShouldBeEmpty();

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryMeasurementTagAndField_IsInTheStorageSchema(string file) => DashboardLint.SchemaNamesExist(DashboardFile.Load(file)).ShouldBeEmpty();

    [Theory]
    [MemberData(nameof(Files))]
    public void TimeSeriesDashboards_CarryOneEventAnnotationPerSeverity(string file)
    {
        var dashboard = DashboardFile.Load(file);
        var annotations = dashboard.Queries().Where(q => q.Kind == QueryKind.Annotation).ToList();
        foreach (var severity in new[] { "critical", "warning", "recovery", "info" })
        {
            annotations.ShouldContain(a => a.Text.Contains("FROM \"haproxy_event\"") && a.Text.Contains($"\"severity\" = '{severity}'"), severity);
        }
    }
}

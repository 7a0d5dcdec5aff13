using System.Text;
using TestSupport;

namespace Storage.Tests.Integration.Influx;

[Trait("Category", "Integration")]
public class InfluxAuthTests
{
    private const string AdminPassword = "Adm1n-pa55-7f3c";
    private const string WrongPassword = "wr0ng-s3cret-91ab";

    [Fact]
    public async Task Write_WrongPassword_ClearErrorPointsStaySpooledSecretNeverLogged_ThenRightPasswordDeliversAll()
    {
        using var dir = new TempDirectory("ifx");
        await using var influx = await InfluxDbProcess.StartAsync(dir.Path, authEnabled: true);
        // With auth enabled and no user yet, InfluxDB 1.x accepts exactly this statement without credentials.
        (await influx.QueryAsync($"CREATE USER \"admin\" WITH PASSWORD '{AdminPassword}' WITH ALL PRIVILEGES")).Dispose();
        (await influx.QueryAsync("CREATE DATABASE \"haproxy\"", user: "admin", password: AdminPassword)).Dispose();
        var spool = dir.Combine("spool");
        var settings = new Dictionary<string, string?>
        {
            ["Collector:Influx:Url"] = influx.Url,
            ["Collector:Influx:Database"] = "haproxy",
            ["Collector:Influx:Username"] = "admin",
            ["Collector:Influx:Password"] = WrongPassword,
            ["Collector:Influx:SpoolDirectory"] = spool,
        };

        await using (var wrong = await InfluxSinkHost.StartAsync(settings))
        {
            await wrong.Sink.WriteAsync(TestPoints.Cycle(0), CancellationToken.None);
            await wrong.Sink.WriteAsync(TestPoints.Cycle(1), CancellationToken.None);
            await wrong.WaitUntilAsync(s => s.LastError is not null, TimeSpan.FromSeconds(30), "an error in the status");
            await wrong.WaitUntilAsync(_ => wrong.Logs.Lines.Count(l => l.Contains("refused the credentials")) >= 2, TimeSpan.FromSeconds(30), "two refused attempts");
            var status = wrong.Status;
            status.LastError.ShouldNotBeNull().ShouldContain("refused the credentials (401)");
            status.SpooledPoints.ShouldBe(20);
            status.DroppedPoints.ShouldBe(0);
            status.PointsWritten.ShouldBe(0);
            wrong.Logs.All.ShouldContain("Check Collector:Influx:Username and Password/PasswordFile");
            wrong.Logs.All.ShouldNotContain(WrongPassword);
            wrong.Logs.All.ShouldNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes($"admin:{WrongPassword}")));
            status.LastError!.ShouldNotContain(WrongPassword);
        }

        var passwordFile = dir.Combine("influx-password");
        await File.WriteAllTextAsync(passwordFile, AdminPassword + "\n");
        settings["Collector:Influx:Password"] = null;
        settings["Collector:Influx:PasswordFile"] = passwordFile;
        await using var right = await InfluxSinkHost.StartAsync(settings);
        await right.WaitUntilAsync(s => s.SpooledPoints == 0 && s.PointsWritten == 20, TimeSpan.FromSeconds(30), "replay with the right password");
        var rows = await influx.RowsAsync("SELECT COUNT(\"seq\") FROM \"haproxy_server\"", "haproxy", "admin", AdminPassword);
        rows[0]["count"].GetInt64().ShouldBe(20);
        right.Logs.All.ShouldNotContain(AdminPassword);
    }
}

using HAProxy.Servers;

namespace HAProxy.Tests.Servers;

public class ServersStateParserTests
{
    [Fact]
    public void Parse_RealCapture_RowsByHeaderName()
    {
        var state = ServersStateParser.Parse(Fixture.Read("Stats/show-servers-state-2.6.12.txt"));

        state.FormatVersion.ShouldBe("1");
        state.Rows.Count.ShouldBe(2);
        state.SkippedRows.ShouldBe(0);
        var srv1 = state.Rows[0];
        srv1.BackendName.ShouldBe("be");
        srv1.ServerName.ShouldBe("srv1");
        srv1.Address.ShouldBe("127.0.0.1");
        srv1.Port.ShouldBe(28081);
        srv1.OperationalState.ShouldBe(0);
        srv1.InitialWeight.ShouldBe(1);
        srv1.InMaintenance.ShouldBeFalse();
    }

    [Fact]
    public void Parse_MaintenanceAndDrainFlags()
    {
        var text = "1\n# be_id be_name srv_id srv_name srv_admin_state\n3 be 1 a 1\n3 be 2 b 8\n3 be 3 c 2\n";

        var rows = ServersStateParser.Parse(text).Rows;

        rows.Select(r => r.InMaintenance).ShouldBe([true, false, true]);
        rows.Select(r => r.Draining).ShouldBe([false, true, false]);
    }

    [Fact]
    public void Parse_RowWithWrongFieldCount_IsSkippedAndCounted()
    {
        var state = ServersStateParser.Parse("1\n# be_id be_name srv_id srv_name\n3 be 1 a\n3 be\n");

        state.Rows.Count.ShouldBe(1);
        state.SkippedRows.ShouldBe(1);
    }

    [Fact]
    public void Parse_NoHeader_ThrowsClearError()
    {
        Should.Throw<FormatException>(() => ServersStateParser.Parse("Unknown command.\n"));
    }
}

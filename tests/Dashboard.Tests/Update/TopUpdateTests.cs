using Dashboard.Top.Model;
using Dashboard.Top.Update;

namespace Dashboard.Tests.Update;

public class TopUpdateTests
{
    private static string SelectedService(TopModel model) => model.Nodes[model.Rows[model.Selected].Node].Snapshot!.Rows[model.Rows[model.Selected].Row].Service;

    [Fact]
    public void Apply_SnapshotWithRowsInAnotherOrder_KeepsSelectionOnTheSameServer()
    {
        var model = TopTestData.Model().Apply(new MoveSelection(3));
        SelectedService(model).ShouldBe("srv3");
        var lines = TopTestData.StatText.Split('\n').ToList();
        var srv3 = lines.Single(l => l.StartsWith("be,srv3,", StringComparison.Ordinal));
        lines.Remove(srv3);
        lines.Insert(1, srv3);

        var after = model.Apply(new SnapshotArrived(TopTestData.Snapshot(statText: string.Join('\n', lines))));

        after.Selected.ShouldBe(0);
        SelectedService(after).ShouldBe("srv3");
        after.SelectedKey.ShouldBe(new RowKey(TopTestData.Endpoint, "be", "srv3"));
    }

    [Fact]
    public void Apply_PollFailedThenRecovered_DropsNumbersThenReturnsToTheSelectedServer()
    {
        var model = TopTestData.Model().Apply(new MoveSelection(2));

        var failed = model.Apply(new PollFailed(TopTestData.Endpoint, "boom", TopTestData.At));
        failed.Nodes[0].Snapshot.ShouldBeNull();
        failed.Nodes[0].Health.ShouldBe(NodeHealth.Reconnecting);
        failed.Rows.ShouldBeEmpty();

        var back = failed.Apply(new SnapshotArrived(TopTestData.Snapshot()));
        back.Nodes[0].Health.ShouldBe(NodeHealth.Live);
        back.Nodes[0].Error.ShouldBeNull();
        SelectedService(back).ShouldBe("srv2");
    }

    [Fact]
    public void Apply_SnapshotFromANewPid_RecordsThePidChange()
    {
        var info = HAProxy.Info.ProcessInfo.Parse(TopTestData.InfoText.Replace("Pid: 26307", "Pid: 4242"));

        var model = TopTestData.Model().Apply(new SnapshotArrived(TopTestData.Snapshot(info: info, at: TopTestData.At.AddSeconds(3))));

        model.Nodes[0].PidChange.ShouldBe(new PidChange(26307, 4242, TopTestData.At.AddSeconds(3)));
        model.Nodes[0].LastPid.ShouldBe(4242);
    }

    [Fact]
    public void Apply_MaintConfirmedWithYes_EmitsTheExactCommandForTheSelectedServer()
    {
        var model = TopTestData.Model().Apply(new MoveSelection(2), new RequestAdmin(new AdminAction(AdminActionKind.Maint)));
        var dialog = model.Dialog.ShouldBeOfType<ConfirmDialog>();
        dialog.Command.ShouldBe("set server be/srv2 state maint");
        dialog.Endpoint.ShouldBe(TopTestData.Endpoint);

        var result = TopUpdate.Apply(model, new Confirm(Yes: true));

        result.Effect.ShouldBe(new RunAdminCommand(TopTestData.Endpoint, "set server be/srv2 state maint"));
        result.Model.Dialog.ShouldBeNull();
    }

    [Fact]
    public void Apply_ConfirmWithNo_SendsNothing()
    {
        var model = TopTestData.Model().Apply(new MoveSelection(1), new RequestAdmin(new AdminAction(AdminActionKind.Drain)));

        var result = TopUpdate.Apply(model, new Confirm(Yes: false));

        result.Effect.ShouldBeNull();
        result.Model.Dialog.ShouldBeNull();
        result.Model.Notice.ShouldBe("Cancelled: set server be/srv1 state drain");
    }

    [Theory]
    [InlineData(AdminActionKind.Ready, 0, "set server be/srv1 state ready")]
    [InlineData(AdminActionKind.Drain, 0, "set server be/srv1 state drain")]
    [InlineData(AdminActionKind.WeightDelta, 10, "set server be/srv1 weight 11")]
    [InlineData(AdminActionKind.WeightDelta, -1, "set server be/srv1 weight 0")]
    [InlineData(AdminActionKind.WeightDelta, -10, "set server be/srv1 weight 0")]
    [InlineData(AdminActionKind.WeightSet, 300, "set server be/srv1 weight 256")]
    [InlineData(AdminActionKind.HealthDown, 0, "set server be/srv1 health down")]
    [InlineData(AdminActionKind.HealthUp, 0, "set server be/srv1 health up")]
    public void Apply_AdminAction_AsksToConfirmTheCommand(AdminActionKind kind, int value, string command)
    {
        var model = TopTestData.Model().Apply(new MoveSelection(1), new RequestAdmin(new AdminAction(kind, value)));

        model.Dialog.ShouldBeOfType<ConfirmDialog>().Command.ShouldBe(command);
    }

    [Fact]
    public void Apply_AdminInReadOnlyMode_IsRefusedWithAClearMessage()
    {
        var model = TopTestData.Model(readOnly: true).Apply(new MoveSelection(1));

        var result = TopUpdate.Apply(model, new RequestAdmin(new AdminAction(AdminActionKind.Maint)));

        result.Effect.ShouldBeNull();
        var message = result.Model.Dialog.ShouldBeOfType<MessageDialog>();
        message.IsError.ShouldBeTrue();
        message.Text.ShouldContain("Read-only mode (--read-only)");
    }

    [Fact]
    public void Apply_AdminOnAnOperatorLevelSocket_IsRefusedAndSaysHowToFixIt()
    {
        var model = TopTestData.Model(level: "operator").Apply(new MoveSelection(1), new RequestAdmin(new AdminAction(AdminActionKind.Maint)));

        var message = model.Dialog.ShouldBeOfType<MessageDialog>();
        message.Text.ShouldContain("level 'operator', not admin");
        message.Text.ShouldContain("level admin");
    }

    [Fact]
    public void Apply_AdminOnABackendRow_IsRefused()
    {
        var model = TopTestData.Model().Apply(new MoveToEdge(End: true), new RequestAdmin(new AdminAction(AdminActionKind.Maint)));

        model.Dialog.ShouldBeOfType<MessageDialog>().Text.ShouldContain("be/BACKEND is not a server");
    }

    [Fact]
    public void Apply_WeightTypedInTheDialog_AsksToConfirmThatWeight()
    {
        var model = TopTestData.Model().Apply(new MoveSelection(1), new StartWeightInput(), new TextInput('4'), new TextInput('x'), new TextInput('2'), new TextSubmit());

        model.Dialog.ShouldBeOfType<ConfirmDialog>().Command.ShouldBe("set server be/srv1 weight 42");
    }

    [Fact]
    public void Apply_AdminReplyWithText_ShowsHAProxysReply()
    {
        var model = TopTestData.Model().Apply(new AdminReplied(TopTestData.Endpoint, "set server be/x state maint", Succeeded: false, "No such server.\n"));

        var message = model.Dialog.ShouldBeOfType<MessageDialog>();
        message.Text.ShouldContain("No such server.");
        message.IsError.ShouldBeTrue();
    }

    [Fact]
    public void Apply_FilterTyped_FiltersLiveAndEscapeClears()
    {
        var model = TopTestData.Model().Apply(new StartFilter(), new TextInput('d'), new TextInput('o'), new TextInput('w'));

        model.Rows.Count.ShouldBe(1);
        SelectedService(model).ShouldBe("srv3");

        model.Apply(new TextSubmit()).Filter.ShouldBe("dow");
        model.Apply(new TextSubmit()).Rows.Count.ShouldBe(1);
        model.Apply(new TextCancel()).Rows.Count.ShouldBe(6);
    }

    [Fact]
    public void Apply_ProxyPattern_ShowsOnlyMatchingProxies()
    {
        var model = TopModel.Create([TopTestData.Endpoint], proxyPattern: "f*").Apply(new SnapshotArrived(TopTestData.Snapshot()));

        model.Rows.Count.ShouldBe(1);
    }

    [Fact]
    public void Apply_CycleSortOnStatusMode_SortsByTheChosenColumnAndReverses()
    {
        var model = TopTestData.Model().Apply(new SwitchMode(TopMode.Errors));
        // Columns: PROXY, SERVICE, WEIGHT, STATUS, CHECK, CHKFAIL ...: six steps reach CHKFAIL.
        model = model.Apply(Enumerable.Repeat<TopMessage>(new CycleSort(+1), 6).ToArray());
        model.Sort.ShouldBe(new SortSpec("chkfail", Descending: true));
        SelectedService(model with { Selected = 0 }).ShouldBe("srv3");

        var reversed = model.Apply(new ReverseSort());
        reversed.Sort.Descending.ShouldBeFalse();
        // Empty cells (FRONTEND, BACKEND have no chkfail) stay last in both directions.
        var last = reversed.Rows[^1];
        reversed.Nodes[0].Snapshot!.Rows[last.Row].Service.ShouldBe("BACKEND");
        SelectedService(reversed with { Selected = 3 }).ShouldBe("srv3");
    }

    [Fact]
    public void Apply_PageDownAndEnd_MoveByTheBodyHeightAndKeepTheSelectionVisible()
    {
        var model = (TopModel.Create([TopTestData.Endpoint]) with { Width = 120, Height = 24 })
            .Apply(new SnapshotArrived(TopTestData.Snapshot(statText: TopTestData.ManyServers(1000))));
        var body = Layout.BodyHeight(model);

        var paged = model.Apply(new MovePage(+1));
        paged.Selected.ShouldBe(body - 1);
        paged.Top.ShouldBe(0);

        var end = paged.Apply(new MoveToEdge(End: true));
        end.Selected.ShouldBe(999);
        end.Top.ShouldBe(1000 - body);

        var up = end.Apply(new MovePage(-1));
        up.Selected.ShouldBe(999 - (body - 1));
        up.Top.ShouldBeLessThanOrEqualTo(up.Selected);
    }

    [Fact]
    public void Apply_ResizeSmaller_KeepsTheSelectedRowOnScreen()
    {
        var model = (TopModel.Create([TopTestData.Endpoint]) with { Width = 120, Height = 50 })
            .Apply(new SnapshotArrived(TopTestData.Snapshot(statText: TopTestData.ManyServers(100))), new MoveSelection(40));

        var small = model.Apply(new Resized(80, 12));

        small.Selected.ShouldBe(40);
        small.Selected.ShouldBeLessThan(small.Top + Layout.BodyHeight(small));
        small.Selected.ShouldBeGreaterThanOrEqualTo(small.Top);
    }

    [Fact]
    public void Apply_CliLineSubmitted_RunsItOnTheSelectedNodeAndKeepsHistory()
    {
        var model = TopTestData.Model(TopMode.Cli);
        foreach (var c in "show version")
        {
            model = model.Apply(new TextInput(c));
        }

        var result = TopUpdate.Apply(model, new TextSubmit());

        result.Effect.ShouldBe(new RunCliCommand(TopTestData.Endpoint, "show version"));
        result.Model.Cli.Busy.ShouldBeTrue();
        result.Model.Cli.History.ShouldBe(["show version"]);
        result.Model.Cli.Scrollback[^1].ShouldBe("/tmp/h/admin.sock> show version");

        var replied = result.Model.Apply(new CliReplied(TopTestData.Endpoint, "show version", "2.6.12\n", Failed: false));
        replied.Cli.Busy.ShouldBeFalse();
        replied.Cli.Scrollback[^1].ShouldBe("2.6.12");
        replied.Apply(new CliHistory(-1)).Cli.Input.ShouldBe("show version");
    }

    [Theory]
    [InlineData("quit", false, "would end the viewer's session")]
    [InlineData("prompt", false, "would end the viewer's session")]
    [InlineData("show info; show stat", false, "one command at a time")]
    [InlineData("disable server be/srv1", true, "read-only mode")]
    public void Apply_CliLineThatWouldBreakTheSessionOrWriteInReadOnly_IsRefused(string line, bool readOnly, string reason)
    {
        var model = TopTestData.Model(TopMode.Cli, readOnly: readOnly);
        foreach (var c in line)
        {
            model = model.Apply(new TextInput(c));
        }

        var result = TopUpdate.Apply(model, new TextSubmit());

        result.Effect.ShouldBeNull();
        result.Model.Cli.Scrollback[^1].ShouldContain(reason);
    }

    [Fact]
    public void Apply_CycleMode_WrapsBothWays()
    {
        var model = TopTestData.Model();

        model.Apply(new CycleMode(-1)).Mode.ShouldBe(TopMode.Cli);
        model.Apply(new CycleMode(+1)).Mode.ShouldBe(TopMode.Traffic);
        model.Apply(new SwitchMode(TopMode.Cli), new CycleMode(+1)).Mode.ShouldBe(TopMode.Status);
    }
}

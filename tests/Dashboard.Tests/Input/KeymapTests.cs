using Dashboard.Top.Input;
using Dashboard.Top.Model;
using Dashboard.Top.Update;
using static Dashboard.Tests.TopTestData;

namespace Dashboard.Tests.Input;

public class KeymapTests
{
    public static TheoryData<ConsoleKeyInfo, TopMessage> TableKeys => new()
    {
        { Key('1'), new SwitchMode(TopMode.Status) },
        { Key('2'), new SwitchMode(TopMode.Traffic) },
        { Key('3'), new SwitchMode(TopMode.Http) },
        { Key('4'), new SwitchMode(TopMode.Errors) },
        { Key('5'), new SwitchMode(TopMode.Cli) },
        { Key(ConsoleKey.Tab), new CycleMode(+1) },
        { Key(ConsoleKey.Tab, shift: true), new CycleMode(-1) },
        { Key(ConsoleKey.UpArrow), new MoveSelection(-1) },
        { Key(ConsoleKey.DownArrow), new MoveSelection(+1) },
        { Key(ConsoleKey.PageUp), new MovePage(-1) },
        { Key(ConsoleKey.PageDown), new MovePage(+1) },
        { Key(ConsoleKey.Home), new MoveToEdge(End: false) },
        { Key(ConsoleKey.End), new MoveToEdge(End: true) },
        { Key('?'), new ShowHelp() },
        { Key('q'), new Quit() },
        { Key('/'), new StartFilter() },
        { Key('>'), new CycleSort(+1) },
        { Key('r'), new ReverseSort() },
        { Key('d'), new RequestAdmin(new AdminAction(AdminActionKind.Maint)) },
        { Key(ConsoleKey.F10), new RequestAdmin(new AdminAction(AdminActionKind.Maint)) },
        { Key('e'), new RequestAdmin(new AdminAction(AdminActionKind.Ready)) },
        { Key('n'), new RequestAdmin(new AdminAction(AdminActionKind.Drain)) },
        { Key('+'), new RequestAdmin(new AdminAction(AdminActionKind.WeightDelta, 1)) },
        { Key('-'), new RequestAdmin(new AdminAction(AdminActionKind.WeightDelta, -1)) },
        { Key(']'), new RequestAdmin(new AdminAction(AdminActionKind.WeightDelta, 10)) },
        { Key('['), new RequestAdmin(new AdminAction(AdminActionKind.WeightDelta, -10)) },
        { Key('w'), new StartWeightInput() },
        { Key('u'), new RequestAdmin(new AdminAction(AdminActionKind.HealthUp)) },
        { Key('x'), new RequestAdmin(new AdminAction(AdminActionKind.HealthDown)) },
        { Key(ConsoleKey.C, control: true), new Quit() },
    };

    [Theory]
    [MemberData(nameof(TableKeys))]
    public void Resolve_TableKey_MapsToItsCommand(ConsoleKeyInfo key, TopMessage expected)
    {
        Keymap.Resolve(Model(), key).ShouldBe(expected);
    }

    [Fact]
    public void Resolve_LettersInCliMode_AreTextNotCommands()
    {
        var model = Model(TopMode.Cli);

        Keymap.Resolve(model, Key('q')).ShouldBe(new TextInput('q'));
        Keymap.Resolve(model, Key('1')).ShouldBe(new TextInput('1'));
        Keymap.Resolve(model, Key(ConsoleKey.UpArrow)).ShouldBe(new CliHistory(-1));
        Keymap.Resolve(model, Key(ConsoleKey.Tab)).ShouldBe(new CycleMode(+1));
        Keymap.Resolve(model, Key(ConsoleKey.Escape)).ShouldBe(new SwitchMode(TopMode.Status));
    }

    [Fact]
    public void Resolve_InAConfirmDialog_OnlyYesAndNoCount()
    {
        var model = Model().Apply(new MoveSelection(1), new RequestAdmin(new AdminAction(AdminActionKind.Maint)));

        Keymap.Resolve(model, Key('y')).ShouldBe(new Confirm(Yes: true));
        Keymap.Resolve(model, Key('n')).ShouldBe(new Confirm(Yes: false));
        Keymap.Resolve(model, Key(ConsoleKey.Escape)).ShouldBe(new Confirm(Yes: false));
        Keymap.Resolve(model, Key('q')).ShouldBeNull();
    }

    [Fact]
    public void Press_DownDThenY_SendsMaintForTheSecondRow()
    {
        var model = Model().Press(Key(ConsoleKey.DownArrow), Key('d'));

        var result = TopUpdate.Apply(model, new KeyPressed(Key('y')));

        result.Effect.ShouldBe(new RunAdminCommand(Endpoint, "set server be/srv1 state maint"));
    }

    [Fact]
    public void Press_SlashThenText_TypesTheFilterInsteadOfRunningCommands()
    {
        var model = Model().Press(Key('/'), Key('q'), Key('d'));

        model.QuitRequested.ShouldBeFalse();
        model.Dialog.ShouldBeNull();
        model.FilterDraft.ShouldBe("qd");
    }

    [Fact]
    public void Sections_EveryBindingThatIsListed_HasHelpText()
    {
        var listed = Keymap.Sections.SelectMany(s => s.Bindings).Where(b => b.Label.Length > 0).ToArray();

        listed.Length.ShouldBeGreaterThan(30);
        listed.ShouldAllBe(b => b.Help.Length > 3);
    }
}

using HAProxy.Admin;
using Dashboard.Top.Model;
using Dashboard.Top.Update;
using static Dashboard.Top.Input.Keys;

namespace Dashboard.Top.Input;

/// <summary>
/// Maps a pressed key to a command, depending on what has the focus (a dialog, the filter being typed, the
/// CLI line, or the table). Every binding carries its help text; the <c>?</c> screen lists <see cref="Sections"/>.
/// </summary>
public static class Keymap
{
    private static readonly KeyBinding[] Table =
    [
        new("1-5", "Switch mode: 1 STATUS, 2 TRAFFIC, 3 HTTP, 4 ERRORS, 5 CLI", Char('1'), new SwitchMode(TopMode.Status)),
        new("", "", Char('2'), new SwitchMode(TopMode.Traffic)),
        new("", "", Char('3'), new SwitchMode(TopMode.Http)),
        new("", "", Char('4'), new SwitchMode(TopMode.Errors)),
        new("", "", Char('5'), new SwitchMode(TopMode.Cli)),
        new("Tab", "Next mode", Key(ConsoleKey.Tab), new CycleMode(+1)),
        new("Shift-Tab", "Previous mode", Shifted(ConsoleKey.Tab), new CycleMode(-1)),
        new("Up / k", "Select the row above", Any(Key(ConsoleKey.UpArrow), Char('k')), new MoveSelection(-1)),
        new("Down / j", "Select the row below", Any(Key(ConsoleKey.DownArrow), Char('j')), new MoveSelection(+1)),
        new("PgUp", "One page up", Key(ConsoleKey.PageUp), new MovePage(-1)),
        new("PgDn", "One page down", Key(ConsoleKey.PageDown), new MovePage(+1)),
        new("Home", "First row", Key(ConsoleKey.Home), new MoveToEdge(End: false)),
        new("End", "Last row", Key(ConsoleKey.End), new MoveToEdge(End: true)),
        new("> / <", "Sort by the next / previous column (then back to configuration order)", Char('>'), new CycleSort(+1)),
        new("", "", Char('<'), new CycleSort(-1)),
        new("r", "Reverse the sort order", Char('r'), new ReverseSort()),
        new("/", "Filter rows by proxy, service or status (Enter keeps, Esc clears)", Char('/'), new StartFilter()),
        new("Esc", "Clear the filter", Key(ConsoleKey.Escape), new TextCancel()),
        new("? / F1", "This help", Any(Char('?'), Key(ConsoleKey.F1)), new ShowHelp()),
        new("q", "Quit", Char('q', 'Q'), new Quit()),
    ];

    private static readonly KeyBinding[] Admin =
    [
        new("e / F9", "Ready: enable the server (leave maintenance or drain)", Any(Char('e'), Key(ConsoleKey.F9)), new RequestAdmin(new AdminAction(AdminActionKind.Ready))),
        new("d / F10", "Maint: disable the server (maintenance)", Any(Char('d'), Key(ConsoleKey.F10)), new RequestAdmin(new AdminAction(AdminActionKind.Maint))),
        new("n", "Drain: no new sessions", Char('n'), new RequestAdmin(new AdminAction(AdminActionKind.Drain))),
        new("+ / F7", "Weight +1", Any(Char('+'), Key(ConsoleKey.F7)), new RequestAdmin(new AdminAction(AdminActionKind.WeightDelta, +1))),
        new("- / F6", "Weight -1", Any(Char('-'), Key(ConsoleKey.F6)), new RequestAdmin(new AdminAction(AdminActionKind.WeightDelta, -1))),
        new("] / F8", "Weight +10", Any(Char(']'), Key(ConsoleKey.F8)), new RequestAdmin(new AdminAction(AdminActionKind.WeightDelta, +10))),
        new("[ / F5", "Weight -10", Any(Char('['), Key(ConsoleKey.F5)), new RequestAdmin(new AdminAction(AdminActionKind.WeightDelta, -10))),
        new("w", $"Set the weight (0-{AdminCommand.MaxWeight})", Char('w'), new StartWeightInput()),
        new("W / F4", "Restore the initial weight", Any(Char('W'), Key(ConsoleKey.F4)), new RequestAdmin(new AdminAction(AdminActionKind.WeightReset))),
        new("u", "Force health UP", Char('u'), new RequestAdmin(new AdminAction(AdminActionKind.HealthUp))),
        new("x", "Force health DOWN", Char('x'), new RequestAdmin(new AdminAction(AdminActionKind.HealthDown))),
    ];

    private static readonly KeyBinding[] Cli =
    [
        new("Enter", "Send the line to the selected row's node", Key(ConsoleKey.Enter), new TextSubmit()),
        new("Up / Down", "Earlier / later commands (history)", Key(ConsoleKey.UpArrow), new CliHistory(-1)),
        new("", "", Key(ConsoleKey.DownArrow), new CliHistory(+1)),
        new("PgUp / PgDn", "Scroll the replies", Key(ConsoleKey.PageUp), new MovePage(-1)),
        new("", "", Key(ConsoleKey.PageDown), new MovePage(+1)),
        new("Home / End", "Oldest / newest reply", Key(ConsoleKey.Home), new MoveToEdge(End: false)),
        new("", "", Key(ConsoleKey.End), new MoveToEdge(End: true)),
        new("Backspace", "Delete a character", Key(ConsoleKey.Backspace), new TextBackspace()),
        new("Tab / Shift-Tab", "Leave the CLI to the next / previous mode", Key(ConsoleKey.Tab), new CycleMode(+1)),
        new("", "", Shifted(ConsoleKey.Tab), new CycleMode(-1)),
        new("Esc", "Clear the line; on an empty line back to STATUS", Key(ConsoleKey.Escape), new TextCancel()),
        new("F1", "This help", Key(ConsoleKey.F1), new ShowHelp()),
        new("Ctrl-C", "Quit", Control(ConsoleKey.C), new Quit()),
    ];

    private static readonly KeyBinding[] Dialogs =
    [
        new("y", "Confirm: send the command shown", Char('y', 'Y'), new Confirm(Yes: true)),
        new("n / Esc", "Cancel", Any(Char('n', 'N'), Key(ConsoleKey.Escape)), new Confirm(Yes: false)),
    ];

    private static readonly KeyBinding[] TextEntry =
    [
        new("Enter", "Apply", Key(ConsoleKey.Enter), new TextSubmit()),
        new("Esc", "Cancel", Key(ConsoleKey.Escape), new TextCancel()),
        new("Backspace", "Delete a character", Key(ConsoleKey.Backspace), new TextBackspace()),
    ];

    /// <summary>Every binding, grouped, for the help screen.</summary>
    public static IReadOnlyList<KeySection> Sections { get; } =
    [
        new("Moving and modes", Table),
        new("Admin actions on the selected server (each asks y/n first)", Admin),
        new("CLI mode (5)", Cli),
        new("Confirmation dialog", Dialogs),
    ];

    /// <summary>The command for <paramref name="key"/> in the current context, or null when the key means nothing there.</summary>
    public static TopMessage? Resolve(TopModel model, ConsoleKeyInfo key)
    {
        if (Control(ConsoleKey.C)(key))
        {
            return new Quit();
        }
        switch (model.Dialog)
        {
            case HelpDialog:
                return new CloseDialog();
            case MessageDialog:
                return new CloseDialog();
            case ConfirmDialog:
                return Find(Dialogs, key);
            case WeightInputDialog:
                return Find(TextEntry, key) ?? (IsText(key) ? new TextInput(key.KeyChar) : null);
        }
        if (model.FilterDraft is not null)
        {
            return Find(TextEntry, key) ?? (IsText(key) ? new TextInput(key.KeyChar) : null);
        }
        if (model.Mode == TopMode.Cli)
        {
            if (Key(ConsoleKey.Escape)(key) && model.Cli.Input.Length == 0)
            {
                return new SwitchMode(TopMode.Status);
            }
            return Find(Cli, key) ?? (IsText(key) ? new TextInput(key.KeyChar) : null);
        }
        if (Key(ConsoleKey.Escape)(key) && model.Filter.Length == 0)
        {
            return null;
        }
        return Find(Table, key) ?? Find(Admin, key);
    }

    private static TopMessage? Find(KeyBinding[] bindings, ConsoleKeyInfo key)
    {
        foreach (var binding in bindings)
        {
            if (binding.Matches(key))
            {
                return binding.Command;
            }
        }
        return null;
    }
}

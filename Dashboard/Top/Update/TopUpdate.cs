using Dashboard.Top.Model;
using Dashboard.Top.Columns;

namespace Dashboard.Top.Update;

/// <summary>
/// The update half of model-update-view: pure functions from (model, message) to a new model and an optional
/// effect. No I/O, no clock: times arrive inside messages.
/// </summary>
public static partial class TopUpdate
{
    public static UpdateResult Apply(TopModel model, TopMessage message) => message switch
    {
        KeyPressed k => Input.Keymap.Resolve(model, k.Key) is { } command ? Apply(model with { Notice = null }, command) : model,
        SwitchMode m => ChangeMode(model, m.Mode),
        CycleMode m => ChangeMode(model, Cycle(model.Mode, m.Direction)),
        MoveSelection m => Select(model, model.Selected + m.Delta),
        MovePage m => model.Mode == TopMode.Cli
            ? ScrollCli(model, -m.Direction * Math.Max(1, Layout.BodyHeight(model) - 2))
            : Select(model, model.Selected + m.Direction * Math.Max(1, Layout.BodyHeight(model) - 1)),
        MoveToEdge m => model.Mode == TopMode.Cli
            ? ScrollCli(model, m.End ? -model.Cli.Scrollback.Count : model.Cli.Scrollback.Count)
            : Select(model, m.End ? model.Rows.Count - 1 : 0),
        ShowHelp => model with { Dialog = model.Dialog is HelpDialog ? null : new HelpDialog() },
        CloseDialog => model with { Dialog = null },
        Quit => model with { QuitRequested = true },
        CycleSort m => ChangeSort(model, m.Direction),
        ReverseSort => model.Sort.ColumnId is null
            ? model with { Notice = "Not sorted: choose a column with < or > first" }
            : WithRows(model with { Sort = model.Sort with { Descending = !model.Sort.Descending } }),
        StartFilter => model with { FilterDraft = model.Filter },
        TextInput m => TypeCharacter(model, m.Character),
        TextBackspace => Backspace(model),
        TextSubmit => Submit(model),
        TextCancel => Cancel(model),
        RequestAdmin m => RequestAdminAction(model, m.Action),
        StartWeightInput => StartWeight(model),
        Confirm m => ConfirmAdmin(model, m.Yes),
        CliHistory m => BrowseHistory(model, m.Direction),
        CliScroll m => ScrollCli(model, m.Lines),
        SnapshotArrived m => ApplySnapshot(model, m.Snapshot),
        PollFailed m => ApplyFailure(model, m),
        Resized m => Select(model with { Width = Math.Max(20, m.Width), Height = Math.Max(6, m.Height) }, model.Selected),
        AdminReplied m => ApplyAdminReply(model, m),
        CliReplied m => ApplyCliReply(model, m),
        _ => model,
    };

    private static TopMode Cycle(TopMode mode, int direction)
    {
        var count = Enum.GetValues<TopMode>().Length;
        var next = ((int)mode - 1 + direction % count + count) % count;
        return (TopMode)(next + 1);
    }

    private static TopModel ChangeMode(TopModel model, TopMode mode)
    {
        if (mode == model.Mode)
        {
            return model;
        }
        var changed = model with { Mode = mode, FilterDraft = null };
        if (model.Sort.ColumnId is { } id && !ColumnSets.For(mode, model.Nodes.Count > 1).Any(c => c.Id == id))
        {
            return WithRows(changed with { Sort = SortSpec.None });
        }
        return model.Sort.ColumnId is null ? changed : WithRows(changed);
    }

    private static TopModel ChangeSort(TopModel model, int direction)
    {
        var columns = ColumnSets.For(model.Mode, model.Nodes.Count > 1);
        var index = model.Sort.ColumnId is { } id ? columns.ToList().FindIndex(c => c.Id == id) : -1;
        // Positions -1 (configuration order) .. Count-1, wrapping.
        var next = (index + 1 + direction % (columns.Count + 1) + columns.Count + 1) % (columns.Count + 1) - 1;
        if (next < 0)
        {
            return WithRows(model with { Sort = SortSpec.None, Notice = "Sorted in configuration order" });
        }
        var column = columns[next];
        var descending = column.Number is not null;
        return WithRows(model with
        {
            Sort = new SortSpec(column.Id, descending),
            Notice = $"Sorted by {column.Heading.Trim()} {(descending ? "descending" : "ascending")} (r reverses)",
        });
    }
}

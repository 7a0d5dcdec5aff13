using HAProxy.Admin;
using Dashboard.Top.Model;

namespace Dashboard.Top.Update;

public static partial class TopUpdate
{
    private const int MaxInput = 1000;

    /// <summary>Typed text goes to the weight dialog, else the <c>/</c> filter being typed, else the CLI line.</summary>
    private static TopModel TypeCharacter(TopModel model, char c)
    {
        if (model.Dialog is WeightInputDialog weight)
        {
            return char.IsAsciiDigit(c) && weight.Buffer.Length < 3 ? model with { Dialog = weight with { Buffer = weight.Buffer + c } } : model;
        }
        if (model.FilterDraft is { } draft)
        {
            return draft.Length >= 100 ? model : WithRows(model with { FilterDraft = draft + c, Filter = draft + c });
        }
        if (model.Mode == TopMode.Cli && model.Cli.Input.Length < MaxInput)
        {
            return model with { Cli = model.Cli with { Input = model.Cli.Input + c, HistoryIndex = -1 } };
        }
        return model;
    }

    private static TopModel Backspace(TopModel model)
    {
        if (model.Dialog is WeightInputDialog weight)
        {
            return weight.Buffer.Length == 0 ? model : model with { Dialog = weight with { Buffer = weight.Buffer[..^1] } };
        }
        if (model.FilterDraft is { Length: > 0 } draft)
        {
            return WithRows(model with { FilterDraft = draft[..^1], Filter = draft[..^1] });
        }
        if (model.Mode == TopMode.Cli && model.Cli.Input.Length > 0)
        {
            return model with { Cli = model.Cli with { Input = model.Cli.Input[..^1] } };
        }
        return model;
    }

    private static UpdateResult Submit(TopModel model)
    {
        if (model.Dialog is WeightInputDialog weight)
        {
            return ParseWeight(weight.Buffer) is { } value
                ? RequestAdminAction(model with { Dialog = null }, new AdminAction(AdminActionKind.WeightSet, value))
                : model with { Notice = $"A weight is a whole number from 0 to {AdminCommand.MaxWeight}" };
        }
        if (model.FilterDraft is not null)
        {
            return model with
            {
                FilterDraft = null,
                Notice = model.Filter.Length == 0 ? "Filter cleared" : $"Filter '{model.Filter}': {model.Rows.Count} rows",
            };
        }
        return model.Mode == TopMode.Cli ? SubmitCli(model) : model;
    }

    private static TopModel Cancel(TopModel model)
    {
        if (model.Dialog is not null)
        {
            return model with { Dialog = null };
        }
        if (model.FilterDraft is not null)
        {
            return WithRows(model with { FilterDraft = null, Filter = "", Notice = "Filter cleared" });
        }
        if (model.Mode == TopMode.Cli && model.Cli.Input.Length > 0)
        {
            return model with { Cli = model.Cli with { Input = "", HistoryIndex = -1 } };
        }
        return model;
    }

    private static UpdateResult SubmitCli(TopModel model)
    {
        var line = model.Cli.Input.Trim();
        if (line.Length == 0)
        {
            return model;
        }
        if (model.Cli.Busy)
        {
            return model with { Notice = "Waiting for the previous reply" };
        }
        var endpoint = CliEndpoint(model);
        var cli = model.Cli with
        {
            Input = "",
            HistoryIndex = -1,
            History = Append(model.Cli.History, line, CliState.MaxHistory),
            ScrollOffset = 0,
        };
        if (CliRefusal(model, line) is { } reason)
        {
            return model with { Cli = cli with { Scrollback = Append(cli.Scrollback, [$"{endpoint}> {line}", reason]) } };
        }
        return new UpdateResult(
            model with { Cli = cli with { Busy = true, Scrollback = Append(cli.Scrollback, [$"{endpoint}> {line}"]) } },
            new RunCliCommand(endpoint, line));
    }

    /// <summary>
    /// Lines that would break the shared prompt-mode session, or change state in read-only mode, are refused
    /// here rather than sent.
    /// </summary>
    private static string? CliRefusal(TopModel model, string line)
    {
        var word = line.Split(' ', 2)[0].ToLowerInvariant();
        if (word is "prompt" or "quit")
        {
            return $"Refused: '{word}' would end the viewer's session with HAProxy.";
        }
        if (line.Replace("\\;", "", StringComparison.Ordinal).Contains(';'))
        {
            return "Refused: send one command at a time (no ';').";
        }
        if (model.ReadOnly && word is not ("show" or "get" or "help"))
        {
            return "Refused: read-only mode (--read-only) allows only show, get and help.";
        }
        return null;
    }

    /// <summary>The CLI talks to the node of the selected row, or the first node.</summary>
    internal static string CliEndpoint(TopModel model) =>
        SelectedRow(model) is { } row ? model.Nodes[row.Node].Endpoint : model.Nodes.Count > 0 ? model.Nodes[0].Endpoint : "";

    private static TopModel ApplyCliReply(TopModel model, CliReplied reply)
    {
        var text = reply.Reply.TrimEnd('\n', '\r');
        string[] lines = text.Length == 0 ? ["(empty reply: done)"] : text.Split('\n');
        if (reply.Failed)
        {
            lines = ["Error: " + string.Join(' ', lines)];
        }
        return model with { Cli = model.Cli with { Busy = false, ScrollOffset = 0, Scrollback = Append(model.Cli.Scrollback, lines) } };
    }

    private static TopModel BrowseHistory(TopModel model, int direction)
    {
        var history = model.Cli.History;
        if (history.Count == 0)
        {
            return model;
        }
        var index = model.Cli.HistoryIndex;
        index = direction < 0
            ? (index < 0 ? history.Count - 1 : Math.Max(0, index - 1))
            : (index < 0 ? -1 : index + 1 >= history.Count ? -1 : index + 1);
        return model with { Cli = model.Cli with { HistoryIndex = index, Input = index < 0 ? "" : history[index] } };
    }

    private static TopModel ScrollCli(TopModel model, int lines)
    {
        var max = Math.Max(0, model.Cli.Scrollback.Count - (Layout.BodyHeight(model) - 1));
        return model with { Cli = model.Cli with { ScrollOffset = Math.Clamp(model.Cli.ScrollOffset + lines, 0, max) } };
    }

    private static string[] Append(IReadOnlyList<string> list, string item, int max) => Append(list, [item], max);

    private static string[] Append(IReadOnlyList<string> list, IReadOnlyList<string> items, int max = CliState.MaxScrollback)
    {
        var total = list.Count + items.Count;
        var skip = Math.Max(0, total - max);
        return list.Concat(items).Skip(skip).ToArray();
    }
}

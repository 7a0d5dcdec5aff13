using System.Globalization;
using Dashboard.Top.Model;
using HAProxy.Admin;
using HAProxy.Stats;

namespace Dashboard.Top.Update;

public static partial class TopUpdate
{
    private static TopModel RequestAdminAction(TopModel model, AdminAction action)
    {
        if (Refusal(model, out var target, out var node) is { } refused)
        {
            return refused;
        }
        var server = new ServerRef(target.Proxy, target.Service);
        var (command, description) = action.Kind switch
        {
            AdminActionKind.Ready => (AdminCommand.SetState(server, ServerAdminState.Ready), $"Set {server} ready (enable, leave maintenance or drain)"),
            AdminActionKind.Maint => (AdminCommand.SetState(server, ServerAdminState.Maint), $"Put {server} into maintenance (disable)"),
            AdminActionKind.Drain => (AdminCommand.SetState(server, ServerAdminState.Drain), $"Drain {server} (no new sessions)"),
            AdminActionKind.WeightDelta => WeightChange(model, server, action.Value),
            AdminActionKind.WeightSet => (AdminCommand.SetWeight(server, Math.Clamp(action.Value, 0, AdminCommand.MaxWeight)), $"Set the weight of {server} to {Math.Clamp(action.Value, 0, AdminCommand.MaxWeight)}"),
            AdminActionKind.WeightReset => (AdminCommand.SetWeightPercent(server, 100), $"Restore the initial weight of {server}"),
            AdminActionKind.HealthUp => (AdminCommand.SetHealth(server, up: true), $"Force {server}'s health UP"),
            AdminActionKind.HealthDown => (AdminCommand.SetHealth(server, up: false), $"Force {server}'s health DOWN"),
            _ => (null, ""),
        };
        return command is null
            ? model
            : model with { Dialog = new ConfirmDialog(node.Endpoint, command, description) };
    }

    private static (string?, string) WeightChange(TopModel model, ServerRef server, int delta)
    {
        var row = SelectedRow(model)!.Value;
        var current = model.Nodes[row.Node].Snapshot!.Table[row.Row].GetInt64("weight") ?? 0;
        var weight = (int)Math.Clamp(current + delta, 0, AdminCommand.MaxWeight);
        return (AdminCommand.SetWeight(server, weight), $"Change the weight of {server} from {current} to {weight}");
    }

    private static TopModel StartWeight(TopModel model) =>
        Refusal(model, out var target, out _) ?? model with { Dialog = new WeightInputDialog(target, "") };

    /// <summary>Why an admin action cannot run on the selected row, as a dialog a person can act on; null when it can.</summary>
    private static TopModel? Refusal(TopModel model, out RowKey target, out NodeState node)
    {
        target = default;
        node = null!;
        if (SelectedRow(model) is not { } row)
        {
            return model with { Dialog = new MessageDialog("Refused", "No server is selected.", IsError: true) };
        }
        node = model.Nodes[row.Node];
        target = KeyOf(model, row);
        if (model.ReadOnly)
        {
            return model with
            {
                Dialog = new MessageDialog("Refused", "Read-only mode (--read-only): admin actions are disabled. Start without --read-only to change servers.", IsError: true),
            };
        }
        if (node.Snapshot!.Table[row.Row].Type != StatRowType.Server)
        {
            return model with
            {
                Dialog = new MessageDialog("Refused", $"{target.Proxy}/{target.Service} is not a server: admin actions apply to server rows.", IsError: true),
            };
        }
        if (!string.Equals(node.Snapshot.CliLevel, "admin", StringComparison.Ordinal))
        {
            var level = node.Snapshot.CliLevel ?? "unknown";
            return model with
            {
                Dialog = new MessageDialog("Refused",
                    $"The stats socket {node.Endpoint} is at level '{level}', not admin: admin actions are refused. " +
                    "Declare it with 'stats socket <path> level admin' in haproxy.cfg.", IsError: true),
            };
        }
        if (!ServerRef.IsValidName(target.Proxy) || !ServerRef.IsValidName(target.Service))
        {
            return model with { Dialog = new MessageDialog("Refused", $"'{target.Proxy}/{target.Service}' cannot be named safely on the CLI.", IsError: true) };
        }
        return null;
    }

    private static UpdateResult ConfirmAdmin(TopModel model, bool yes)
    {
        if (model.Dialog is not ConfirmDialog confirm)
        {
            return model;
        }
        if (!yes)
        {
            return model with { Dialog = null, Notice = $"Cancelled: {confirm.Command}" };
        }
        return new UpdateResult(
            model with { Dialog = null, Notice = $"Sent: {confirm.Command} ..." },
            new RunAdminCommand(confirm.Endpoint, confirm.Command));
    }

    private static TopModel ApplyAdminReply(TopModel model, AdminReplied reply)
    {
        var text = reply.Reply.Trim();
        if (reply.Succeeded)
        {
            var said = text.Length == 0 ? "done" : text.ReplaceLineEndings(" ");
            return model with
            {
                Notice = $"{reply.Command}: {said}",
                Dialog = text.Length == 0 ? model.Dialog : new MessageDialog("HAProxy replied", $"{reply.Command}\n\n{text}", IsError: false),
            };
        }
        return model with
        {
            Notice = $"{reply.Command}: failed",
            Dialog = new MessageDialog("HAProxy refused", $"{reply.Command}\n\n{(text.Length == 0 ? "(no reply)" : text)}", IsError: true),
        };
    }

    private static int? ParseWeight(string buffer) =>
        int.TryParse(buffer, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= AdminCommand.MaxWeight ? value : null;
}

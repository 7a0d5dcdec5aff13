using Dashboard.Top.Model;

namespace Dashboard.Top.Update;

public static partial class TopUpdate
{
    private static TopModel ApplySnapshot(TopModel model, NodeSnapshot snapshot)
    {
        var index = IndexOfNode(model, snapshot.Endpoint);
        if (index < 0)
        {
            return model;
        }
        var node = model.Nodes[index];
        var pid = snapshot.Info.Pid;
        var change = node.PidChange;
        if (node.LastPid is { } oldPid && pid is { } newPid && oldPid != newPid)
        {
            change = new PidChange(oldPid, newPid, snapshot.PolledAt);
        }
        var updated = node with
        {
            Snapshot = snapshot,
            Health = NodeHealth.Live,
            Error = null,
            LastAttempt = snapshot.PolledAt,
            PidChange = change,
            LastPid = pid ?? node.LastPid,
        };
        return WithRows(model with { Nodes = Replace(model.Nodes, index, updated) });
    }

    /// <summary>A failed poll drops the node's numbers at once: the screen says "reconnecting", never shows old data.</summary>
    private static TopModel ApplyFailure(TopModel model, PollFailed failure)
    {
        var index = IndexOfNode(model, failure.Endpoint);
        if (index < 0)
        {
            return model;
        }
        var node = model.Nodes[index];
        var updated = node with
        {
            Snapshot = null,
            Health = node.Health == NodeHealth.Connecting && node.LastPid is null ? NodeHealth.Connecting : NodeHealth.Reconnecting,
            Error = failure.Error,
            LastAttempt = failure.At,
        };
        var changed = model with { Nodes = Replace(model.Nodes, index, updated) };
        return node.Snapshot is null ? changed : WithRows(changed);
    }

    private static int IndexOfNode(TopModel model, string endpoint)
    {
        for (var i = 0; i < model.Nodes.Count; i++)
        {
            if (string.Equals(model.Nodes[i].Endpoint, endpoint, StringComparison.Ordinal))
            {
                return i;
            }
        }
        return -1;
    }

    private static NodeState[] Replace(IReadOnlyList<NodeState> nodes, int index, NodeState node)
    {
        var copy = nodes.ToArray();
        copy[index] = node;
        return copy;
    }
}

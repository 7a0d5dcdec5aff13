using Dashboard.Top.Model;

namespace Dashboard.Top.Columns;

/// <summary>The NODE column and header name: HAProxy's node name when the nodes' names differ, else the endpoint.</summary>
public static class NodeLabels
{
    public static string Label(TopModel model, int node)
    {
        var state = model.Nodes[node];
        var name = state.Snapshot?.Info.Node;
        if (string.IsNullOrEmpty(name))
        {
            return state.Endpoint;
        }
        for (var i = 0; i < model.Nodes.Count; i++)
        {
            if (i != node && string.Equals(model.Nodes[i].Snapshot?.Info.Node, name, StringComparison.Ordinal))
            {
                return state.Endpoint;
            }
        }
        return name;
    }
}

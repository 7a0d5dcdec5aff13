using System.Text.Json;

namespace Alerter.Tests.Support;

/// <summary>Turns flat configuration keys (<c>Alerter:Smtp:Host</c>) into the nested JSON a <c>--config</c> file holds.</summary>
internal static class ConfigJson
{
    public static string Nest(IReadOnlyDictionary<string, string?> flat)
    {
        var root = new Dictionary<string, object?>();
        foreach (var (key, value) in flat.Where(kv => kv.Value is not null))
        {
            var parts = key.Split(':');
            var node = root;
            foreach (var part in parts[..^1])
            {
                if (!node.TryGetValue(part, out var child) || child is not Dictionary<string, object?> next)
                {
                    next = [];
                    node[part] = next;
                }
                node = next;
            }
            node[parts[^1]] = value;
        }
        return JsonSerializer.Serialize(root, new JsonSerializerOptions { WriteIndented = true });
    }
}

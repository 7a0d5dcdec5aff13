using System.Reflection;

namespace ServiceDefaults.Tests.House;

/// <summary>
/// The house rule that keeps each pipeline one-way: inside a project, two sibling folders (namespaces, with their
/// subfolders) never use each other, directly or around a loop of siblings. Read from the built assemblies' metadata
/// and IL (<see cref="TypeReferences"/>), so a use through a lambda, a generic argument or a fully qualified name counts
/// as much as one through a <c>using</c>.
/// </summary>
public class NamespaceCycleTests
{
    /// <summary>
    /// Cycles that exist and are still to break, each with the change that breaks it. A new cycle fails the test; so
    /// does one listed here that is gone (take it off the list).
    /// </summary>
    private static readonly string[] KnownCycles =
    [
        // The composition roots (Collector.Hosting's registration, Collector.Configuration's options) and the pollers use
        // each other's types: options classes belong beside what they configure, registration above both.
        "collector: Collector.Configuration <-> Collector.Health <-> Collector.Polling",
        // WebOptions (Hosting) is read by Api, Live, Pages, Reading and Security, and Hosting registers them: the options
        // move out of Hosting, the registration above all five.
        "dashboard: Dashboard.Web.Api <-> Dashboard.Web.Hosting <-> Dashboard.Web.Live <-> Dashboard.Web.Pages <-> Dashboard.Web.Reading <-> Dashboard.Web.Security",
        // Key bindings name update messages, and TopUpdate resolves a KeyPressed through the Keymap: the terminal
        // should resolve keys and hand the update messages only. (Update <-> View is broken: the columns, node labels
        // and sparkline moved to Top/Columns, the screen layout maths to Top/Model.)
        "dashboard: Dashboard.Top.Input <-> Dashboard.Top.Update",
    ];

    private static readonly string[] Assemblies = ["HAProxy", "Storage", "ServiceDefaults", "collector", "alerter", "dashboard"];

    [Fact]
    public void ProductAssemblies_SiblingFoldersNeverUseEachOther()
    {
        var found = Assemblies.SelectMany(a => Cycles(a, TypeReferences.NamespaceEdges(PathOf(a)))).ToList();

        var added = found.Where(c => !KnownCycles.Contains(c.Name)).Select(c => c.Name + "\n    " + string.Join("\n    ", c.Examples));
        var gone = KnownCycles.Where(k => found.All(c => c.Name != k));
        added.ShouldBeEmpty("a new namespace cycle: make one of the folders stop using the other");
        gone.ShouldBeEmpty("a known cycle is broken: take it off KnownCycles");
    }

    [Fact]
    public void TypeReferences_SeesUsesInsideMethodBodies()
    {
        // The scanner must see what a using directive hides: dashboard's Program composes the Top and Web folders only
        // in method bodies.
        var edges = TypeReferences.NamespaceEdges(PathOf("dashboard"));

        edges.Keys.Where(e => e.From.StartsWith("Dashboard.Top.", StringComparison.Ordinal)).ShouldNotBeEmpty();
        edges.Keys.ShouldContain(("Dashboard.Top.Update", "Dashboard.Top.Model"));
    }

    /// <summary>Per parent namespace, the strongly connected groups of its child subtrees (Tarjan) larger than one.</summary>
    private static IEnumerable<(string Name, List<string> Examples)> Cycles(string assembly, Dictionary<(string From, string To), string> edges)
    {
        var namespaces = edges.Keys.SelectMany(e => new[] { e.From, e.To }).Distinct().ToList();
        var parents = namespaces.SelectMany(Ancestors).Distinct();
        foreach (var parent in parents)
        {
            string? Child(string ns) => ns.StartsWith(parent + ".", StringComparison.Ordinal) ? parent + "." + ns[(parent.Length + 1)..].Split('.')[0] : null;
            var graph = new Dictionary<string, HashSet<string>>();
            var examples = new Dictionary<(string, string), string>();
            foreach (var ((from, to), example) in edges)
            {
                if (Child(from) is { } a && Child(to) is { } b && a != b)
                {
                    graph.TryAdd(a, []);
                    graph[a].Add(b);
                    examples.TryAdd((a, b), example);
                }
            }
            foreach (var group in StronglyConnected(graph).Where(g => g.Count > 1))
            {
                var sorted = group.Order(StringComparer.Ordinal).ToList();
                var shown = examples.Where(e => group.Contains(e.Key.Item1) && group.Contains(e.Key.Item2)).Select(e => e.Value).Order().ToList();
                yield return ($"{assembly}: {string.Join(" <-> ", sorted)}", shown);
            }
        }
    }

    private static IEnumerable<string> Ancestors(string ns)
    {
        for (var dot = ns.LastIndexOf('.'); dot > 0; dot = ns.LastIndexOf('.', dot - 1))
        {
            yield return ns[..dot];
        }
    }

    private static List<HashSet<string>> StronglyConnected(Dictionary<string, HashSet<string>> graph)
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var groups = new List<HashSet<string>>();
        void Visit(string v)
        {
            index[v] = low[v] = index.Count;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in graph.GetValueOrDefault(v) ?? [])
            {
                if (!index.ContainsKey(w))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (onStack.Contains(w))
                {
                    low[v] = Math.Min(low[v], index[w]);
                }
            }
            if (low[v] == index[v])
            {
                var group = new HashSet<string>();
                string w;
                do
                {
                    w = stack.Pop();
                    onStack.Remove(w);
                    group.Add(w);
                }
                while (w != v);
                groups.Add(group);
            }
        }
        foreach (var v in graph.Keys.Order(StringComparer.Ordinal))
        {
            if (!index.ContainsKey(v))
            {
                Visit(v);
            }
        }
        return groups;
    }

    private static string PathOf(string assembly)
    {
        var metadata = typeof(NamespaceCycleTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToDictionary(a => a.Key, a => a.Value!);
        var project = assembly switch { "collector" => "Collector", "alerter" => "Alerter", "dashboard" => "Dashboard", _ => assembly };
        var path = Path.Combine(metadata["RepositoryRoot"], project, "bin", metadata["BuildConfiguration"], "net10.0", assembly + ".dll");
        File.Exists(path).ShouldBeTrue($"{path} is missing: build the solution first (dotnet build Monitoring.sln -c {metadata["BuildConfiguration"]})");
        return path;
    }
}

namespace ServiceDefaults.Settings;

/// <summary>
/// Which configured keys an executable does not read, pure. Only keys of the suite's own sections are judged
/// (<see cref="SuiteSections"/>); the host's sections (<c>Logging</c>, <c>Kestrel</c>, <c>AllowedHosts</c>, ...)
/// keep their own rules. A top-level name one typo away from one of ours (<c>Colector</c>) is ours misspelt.
/// </summary>
public static class UnknownSettings
{
    /// <summary>The top-level sections of the suite's parts. Sections of another part are not judged here.</summary>
    public static readonly IReadOnlyList<string> SuiteSections = ["Collector", "Alerter", "Store", "Dashboard"];

    /// <param name="schema">The keys this executable reads (<see cref="SettingsSchema.Build"/>).</param>
    /// <param name="keys">Every key of the sources the suite adds (files, <c>MONITORING__</c> environment, command line).</param>
    /// <param name="program">The executable, for messages (<c>the Collector</c>).</param>
    public static SettingsVerdict Check(SettingsNode schema, IReadOnlyList<ConfiguredKey> keys, string program)
    {
        var errors = new Dictionary<(string Origin, string Prefix), Problem>();
        var warnings = new List<string>();
        var foreign = new HashSet<(string Origin, string Section)>();
        var translations = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var set = keys.Select(k => k.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var key in keys)
        {
            var segments = key.Key.Split(':');
            if (!schema.Children.ContainsKey(segments[0]))
            {
                if (SuiteSections.FirstOrDefault(s => s.Equals(segments[0], StringComparison.OrdinalIgnoreCase)) is { } section)
                {
                    if (foreign.Add((key.Origin, section)))
                    {
                        warnings.Add($"Settings under {section} ({key.Origin}) are read by another part of the suite, not by {program}; ignored here.");
                    }
                }
                else if (ClosestName.Find(segments[0], SuiteSections) is { } meant)
                {
                    Add(errors, key, segments[0], string.Join(':', [meant, .. segments[1..]]), null);
                }
                continue;
            }
            Walk(schema, segments, key, set, errors, warnings, translations);
        }
        var lines = errors.Values.Select(p => p.Line()).ToList();
        return new SettingsVerdict(lines, warnings, translations);
    }

    private static void Walk(SettingsNode schema, string[] segments, ConfiguredKey key, HashSet<string> set,
        Dictionary<(string, string), Problem> errors, List<string> warnings, Dictionary<string, string?> translations)
    {
        var node = schema;
        for (var i = 0; i < segments.Length; i++)
        {
            var prefix = string.Join(':', segments[..(i + 1)]);
            var parent = string.Join(':', segments[..i]);
            switch (node.Kind)
            {
                case SettingsNodeKind.Any:
                    return;
                case SettingsNodeKind.List or SettingsNodeKind.Map:
                    node = node.Element!;
                    continue;
                case SettingsNodeKind.Value:
                    Add(errors, key, prefix, null, $"{parent} is a single value, not a section");
                    return;
            }
            if (node.Children.TryGetValue(segments[i], out var child))
            {
                node = child;
                continue;
            }
            if (node.Renamed.TryGetValue(segments[i], out var renamed))
            {
                Rename(key, parent, segments[(i + 1)..], renamed, set, errors, warnings, translations);
                return;
            }
            var meant = ClosestName.Find(segments[i], node.Children.Keys);
            Add(errors, key, prefix, meant is null ? null : $"{parent}:{meant}",
                meant is null ? Elsewhere(schema, segments[i]) ?? $"the keys under {parent} are {string.Join(", ", node.Children.Keys.Order(StringComparer.Ordinal))}" : null);
            return;
        }
    }

    private static void Rename(ConfiguredKey key, string parent, string[] rest, SettingRenamedAttribute renamed, HashSet<string> set,
        Dictionary<(string, string), Problem> errors, List<string> warnings, Dictionary<string, string?> translations)
    {
        var newKey = string.Join(':', [parent, renamed.NewName, .. rest]);
        var since = renamed.Since is null ? "" : $" in {renamed.Since}";
        if (set.Contains(newKey))
        {
            warnings.Add($"{key.Key} ({key.Origin}) was renamed to {newKey}{since}; {newKey} is set too and wins. Remove {key.Key}: the old name stops working in the next release.");
            return;
        }
        var value = key.Value;
        if (renamed.Values.Length > 0 && value is not null)
        {
            var map = renamed.Values.Select(v => v.Split('=', 2)).ToDictionary(p => p[0], p => p[^1], StringComparer.OrdinalIgnoreCase);
            if (!map.TryGetValue(value, out var translated))
            {
                Add(errors, key, key.Key, newKey, $"it was renamed to {newKey}{since}, and '{value}' has no equivalent there (old values: {string.Join(", ", map.Keys)})");
                return;
            }
            value = translated;
        }
        translations[newKey] = value;
        warnings.Add($"{key.Key} ({key.Origin}) was renamed to {newKey}{since}; read as {newKey}={value} for now. Rename it: the old name stops working in the next release.");
    }

    /// <summary>A key of the same name in another section (<c>Alerter:Password</c> -> <c>Alerter:Smtp:Password</c>).</summary>
    private static string? Elsewhere(SettingsNode schema, string name)
    {
        var queue = new Queue<(SettingsNode Node, string Path)>([(schema, "")]);
        while (queue.Count > 0)
        {
            var (node, path) = queue.Dequeue();
            foreach (var (childName, child) in node.Children.OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                var childPath = path.Length == 0 ? childName : $"{path}:{childName}";
                if (childName.Equals(name, StringComparison.OrdinalIgnoreCase))
                {
                    return $"did you mean {childPath}?";
                }
                queue.Enqueue((child.Element is { } element && child.Kind is SettingsNodeKind.List or SettingsNodeKind.Map ? element : child,
                    child.Kind is SettingsNodeKind.List or SettingsNodeKind.Map ? childPath + ":0" : childPath));
            }
        }
        return null;
    }

    private static void Add(Dictionary<(string, string), Problem> errors, ConfiguredKey key, string prefix, string? meant, string? detail)
    {
        if (errors.TryGetValue((key.Origin, prefix), out var problem))
        {
            problem.More++;
            return;
        }
        errors[(key.Origin, prefix)] = new Problem(key, prefix, meant, detail);
    }

    private sealed class Problem(ConfiguredKey key, string prefix, string? meant, string? detail)
    {
        public int More { get; set; }

        public string Line()
        {
            var more = More == 0 ? "" : $" (and {More} more key{(More == 1 ? "" : "s")} under {prefix})";
            var advice = meant is not null
                ? detail is null ? $"did you mean {meant}?" : $"{detail}; set {meant} instead"
                : detail ?? "remove it";
            return $"unknown setting {key.Key} ({key.Origin}){more}: {advice}";
        }
    }
}

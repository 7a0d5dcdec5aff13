namespace ServiceDefaults.Settings;

/// <summary>One key of the known-key tree (<see cref="SettingsSchema"/>): what may appear below it.</summary>
public sealed class SettingsNode(SettingsNodeKind kind)
{
    public SettingsNodeKind Kind { get; private set; } = kind;

    /// <summary>An <see cref="SettingsNodeKind.Object"/>'s properties, by key (case-insensitive, as the binder).</summary>
    public Dictionary<string, SettingsNode> Children { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A list's element or a dictionary's value.</summary>
    public SettingsNode? Element { get; private set; }

    /// <summary>Old property names still read for one release, by old name.</summary>
    public Dictionary<string, SettingRenamedAttribute> Renamed { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static SettingsNode ElementOf(SettingsNodeKind kind, SettingsNode element) => new(kind) { Element = element };

    /// <summary>The child named <paramref name="name"/>, created as an empty object when missing (a section path).</summary>
    public SettingsNode Section(string name)
    {
        if (Kind == SettingsNodeKind.Value)
        {
            Kind = SettingsNodeKind.Object;
        }
        if (!Children.TryGetValue(name, out var child))
        {
            child = new SettingsNode(SettingsNodeKind.Object);
            Children[name] = child;
        }
        return child;
    }

    /// <summary>
    /// Adds what <paramref name="other"/> allows (two Options classes bound to one section, such as
    /// <c>Alerter</c>'s own keys and its subsections): the union of both.
    /// </summary>
    public void Merge(SettingsNode other)
    {
        if (Kind == SettingsNodeKind.Any || other.Kind == SettingsNodeKind.Any)
        {
            Kind = SettingsNodeKind.Any;
            return;
        }
        if (Kind == SettingsNodeKind.Value || (Kind == SettingsNodeKind.Object && Children.Count == 0 && other.Kind != SettingsNodeKind.Value))
        {
            Kind = other.Kind;
        }
        foreach (var (name, child) in other.Children)
        {
            if (Children.TryGetValue(name, out var mine))
            {
                mine.Merge(child);
            }
            else
            {
                Children[name] = child;
            }
        }
        foreach (var (name, renamed) in other.Renamed)
        {
            Renamed.TryAdd(name, renamed);
        }
        if (other.Element is { } element)
        {
            if (Element is null)
            {
                Element = element;
            }
            else
            {
                Element.Merge(element);
            }
        }
    }
}

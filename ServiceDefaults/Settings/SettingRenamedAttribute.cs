namespace ServiceDefaults.Settings;

/// <summary>
/// On an Options class: the key <see cref="OldName"/> was renamed to <see cref="NewName"/>. For one release the
/// old key is still read (translated through <see cref="Values"/>) with a warning naming the new one, so an
/// upgrade never stops a service; then the attribute goes and the old key is an unknown key like any other.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class SettingRenamedAttribute(string oldName, string newName) : Attribute
{
    public string OldName { get; } = oldName;

    public string NewName { get; } = newName;

    /// <summary>
    /// How old values become new ones, as <c>old=new</c> pairs (case-insensitive), e.g. <c>true=StartTls</c>.
    /// Empty: the value is taken as it is. A value not listed is reported as a configuration error.
    /// </summary>
    public string[] Values { get; init; } = [];

    /// <summary>The release that renamed it, for the warning (e.g. "2026.12").</summary>
    public string? Since { get; init; }
}

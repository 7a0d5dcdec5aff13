namespace Alerter.Sources;

/// <summary>Who this process is and who owns a path, names already resolved, for a message a person can act on.</summary>
/// <param name="Owner">The path's owner, or null when it could not be stat'ed.</param>
public sealed record AccessFacts(string UserName, uint Uid, IReadOnlyList<string> GroupNames, string? Owner = null, string? Group = null, uint? Mode = null)
{
    public string Who => $"user {UserName} (uid {Uid}) in {(GroupNames.Count > 0 ? "groups " + string.Join(", ", GroupNames) : "no groups")}";
}

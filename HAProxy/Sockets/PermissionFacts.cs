namespace HAProxy.Sockets;

/// <summary>Facts for a permission-denied message; names already resolved.</summary>
internal sealed record PermissionFacts(string UserName, uint Uid, IReadOnlyList<string> GroupNames, string? SocketOwner, string? SocketGroup, uint? SocketMode);

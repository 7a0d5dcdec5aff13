namespace HAProxy.Tests.Integration.Sockets;

/// <summary>Tests that change process-wide state (file modes a parallel test might trip on) run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NonParallelCollection
{
    public const string Name = "Sockets, not parallel";
}

namespace Alerter.Logs;

/// <summary>The stored checkpoint changed under a running scan: another scanner of the same path committed.</summary>
public sealed class CheckpointMovedException(string path) : Exception($"The checkpoint of {path} was moved by another scanner.")
{
    public string Path { get; } = path;
}

namespace Collector.Node;

/// <summary>The real /proc.</summary>
public sealed class ProcFiles : IProcFiles
{
    public string Read(string path) => File.ReadAllText(path);
}

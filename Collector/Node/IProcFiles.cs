namespace Collector.Node;

/// <summary>Reads the kernel's /proc text files; a seam so the node maths is tested with captured text.</summary>
public interface IProcFiles
{
    /// <summary>The whole file, e.g. <c>/proc/loadavg</c>.</summary>
    string Read(string path);
}

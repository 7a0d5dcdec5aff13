namespace Alerter.Logs;

/// <summary>
/// The file's first bytes changed while a scan was reading it (copytruncate, then new lines): what was read may
/// start mid-line in the new content, so the batch is not committed and the next run decides again.
/// </summary>
public sealed class FileRewrittenException(string path) : Exception($"{path} was truncated and rewritten during the read.")
{
    public string Path { get; } = path;
}

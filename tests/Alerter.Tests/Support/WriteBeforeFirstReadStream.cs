namespace Alerter.Tests.Support;

/// <summary>
/// A log file opened the way the scanner opens it, that runs an action just before its first read: after the scanner
/// has measured and fingerprinted the file, before it has read a byte.
/// </summary>
public sealed class WriteBeforeFirstReadStream(string path, Action<string> beforeFirstRead)
    : FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0)
{
    private Action<string>? _beforeFirstRead = beforeFirstRead;

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var action = _beforeFirstRead;
        _beforeFirstRead = null;
        action?.Invoke(Name);
        return base.ReadAsync(buffer, cancellationToken);
    }
}

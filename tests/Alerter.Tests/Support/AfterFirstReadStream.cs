namespace Alerter.Tests.Support;

/// <summary>A log file opened the way the scanner opens it, that runs an action once its first read has returned.</summary>
public sealed class AfterFirstReadStream(string path, Action<string> afterFirstRead)
    : FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0)
{
    private Action<string>? _afterFirstRead = afterFirstRead;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await base.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        var action = _afterFirstRead;
        _afterFirstRead = null;
        action?.Invoke(Name);
        return read;
    }
}

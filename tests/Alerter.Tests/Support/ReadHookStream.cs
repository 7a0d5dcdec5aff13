namespace Alerter.Tests.Support;

/// <summary>A log file opened the way the scanner opens it, that runs an action once: before its first read, or after it.</summary>
public sealed class ReadHookStream(string path, Action<string> action, bool afterRead)
    : FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0)
{
    private Action<string>? _action = action;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var action = _action;
        _action = null;
        if (!afterRead)
        {
            action?.Invoke(Name);
        }
        var read = await base.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (afterRead)
        {
            action?.Invoke(Name);
        }
        return read;
    }
}

using Alerter.Logs;

namespace Alerter.Tests.Support;

/// <summary>
/// The real file system, except that the next file the scanner opens runs an action just before its first read:
/// what a writer does when its line lands after the scanner measured the file and before it read it.
/// </summary>
public sealed class WriteBeforeFirstReadFileSystemView : IFileSystemView
{
    private readonly PhysicalFileSystemView _real = new();
    private Action<string>? _beforeFirstRead;

    public void Arm(Action<string> beforeFirstRead) => _beforeFirstRead = beforeFirstRead;

    public FileObservation? Observe(string path, int fingerprintLength) => _real.Observe(path, fingerprintLength);

    public IReadOnlyList<FileObservation> ObserveSiblings(string path, int fingerprintLength) => _real.ObserveSiblings(path, fingerprintLength);

    public FileStream Open(string path)
    {
        if (_beforeFirstRead is not { } action)
        {
            return _real.Open(path);
        }
        _beforeFirstRead = null;
        return new WriteBeforeFirstReadStream(path, action);
    }
}

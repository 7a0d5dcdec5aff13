using Alerter.Logs;

namespace Alerter.Tests.Support;

/// <summary>
/// The real file system, except that the next file the scanner opens runs an action right after its first read
/// returns: the scanner has opened, measured and fingerprinted the file and read its first buffer, and has committed
/// nothing of it yet. A deterministic point inside a scan, found by what the scan does, not by counting clock reads.
/// </summary>
public sealed class AfterFirstReadFileSystemView : IFileSystemView
{
    private readonly PhysicalFileSystemView _real = new();
    private Action<string>? _afterFirstRead;

    public bool Fired { get; private set; }

    public void Arm(Action<string> afterFirstRead)
    {
        _afterFirstRead = afterFirstRead;
        Fired = false;
    }

    public FileObservation? Observe(string path, int fingerprintLength) => _real.Observe(path, fingerprintLength);

    public IReadOnlyList<FileObservation> ObserveSiblings(string path, int fingerprintLength) => _real.ObserveSiblings(path, fingerprintLength);

    public FileStream Open(string path)
    {
        if (_afterFirstRead is not { } action)
        {
            return _real.Open(path);
        }
        _afterFirstRead = null;
        return new AfterFirstReadStream(path, p =>
        {
            action(p);
            Fired = true;
        });
    }
}

using Alerter.Logs;

namespace Alerter.Tests.Support;

/// <summary>
/// The real file system, except that the next file the scanner opens runs an action at a point of its read: just
/// before the first read (the scanner has measured and fingerprinted the file, and read nothing), or right after the
/// first read returned (it has read its first buffer and committed nothing). A deterministic point inside a scan,
/// found by what the scan does, not by counting clock reads.
/// </summary>
public sealed class ReadHookFileSystemView : IFileSystemView
{
    private readonly PhysicalFileSystemView _real = new();
    private Action<string>? _action;
    private bool _afterRead;

    public bool Fired { get; private set; }

    /// <summary>What a writer does when its line lands after the scanner measured the file and before it read it.</summary>
    public void ArmBeforeFirstRead(Action<string> action) => Arm(action, afterRead: false);

    /// <summary>What a writer (or logrotate) does while the scan reads, before its first commit.</summary>
    public void ArmAfterFirstRead(Action<string> action) => Arm(action, afterRead: true);

    private void Arm(Action<string> action, bool afterRead)
    {
        _action = action;
        _afterRead = afterRead;
        Fired = false;
    }

    public FileObservation? Observe(string path, int fingerprintLength) => _real.Observe(path, fingerprintLength);

    public IReadOnlyList<FileObservation> ObserveSiblings(string path, int fingerprintLength) => _real.ObserveSiblings(path, fingerprintLength);

    public FileStream Open(string path)
    {
        if (_action is not { } action)
        {
            return _real.Open(path);
        }
        _action = null;
        return new ReadHookStream(path, p =>
        {
            action(p);
            Fired = true;
        }, _afterRead);
    }
}

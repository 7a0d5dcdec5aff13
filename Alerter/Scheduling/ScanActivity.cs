using Alerter.Logs;

namespace Alerter.Scheduling;

/// <summary>In-process totals since start, for the one-line health summary.</summary>
public sealed class ScanActivity
{
    private long _runs;
    private long _failures;
    private long _events;
    private long _inserted;
    private long _malformed;
    private long _bytes;
    private readonly HashSet<string> _files = [];

    public void Record(FileScanResult result)
    {
        Interlocked.Increment(ref _runs);
        Interlocked.Add(ref _events, result.Events);
        Interlocked.Add(ref _inserted, result.Inserted);
        Interlocked.Add(ref _malformed, result.Malformed);
        Interlocked.Add(ref _bytes, result.Bytes);
        lock (_files)
        {
            _files.Add(result.Path);
        }
    }

    public void RecordFailure(string path)
    {
        Interlocked.Increment(ref _failures);
        lock (_files)
        {
            _files.Add(path);
        }
    }

    public ScanActivitySnapshot Read()
    {
        int files;
        lock (_files)
        {
            files = _files.Count;
        }
        return new ScanActivitySnapshot(files, Interlocked.Read(ref _runs), Interlocked.Read(ref _failures), Interlocked.Read(ref _bytes),
            Interlocked.Read(ref _events), Interlocked.Read(ref _inserted), Interlocked.Read(ref _malformed));
    }
}

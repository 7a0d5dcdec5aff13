using System.Diagnostics;

namespace TestSupport;

/// <summary>
/// A size-limited tmpfs mounted on a fresh temp directory (root only), for a real "No space left on device": fill it
/// with <see cref="Fill"/>, give the space back with <see cref="Free"/>. Unmounted and removed on dispose.
/// </summary>
public sealed class TmpfsMount : IDisposable
{
    private readonly TempDirectory _directory;
    private string? _filler;

    public TmpfsMount(int sizeKiB)
    {
        if (Environment.UserName != "root")
        {
            throw new InvalidOperationException("TmpfsMount needs root (mount -t tmpfs); the test suite runs as root.");
        }
        _directory = new TempDirectory("tmpfs");
        Run("mount", "-t", "tmpfs", "-o", $"size={sizeKiB}k,mode=0700", "tmpfs", _directory.Path);
    }

    public string Path => _directory.Path;

    /// <summary>Writes a filler file until the file system is full (ENOSPC).</summary>
    public void Fill()
    {
        _filler = System.IO.Path.Combine(Path, "filler");
        var chunk = new byte[4096];
        using var file = new FileStream(_filler, FileMode.Append, FileAccess.Write, FileShare.None, 1, FileOptions.None);
        try
        {
            while (true)
            {
                file.Write(chunk);
            }
        }
        catch (IOException)
        {
            // full: that is the point
        }
        try
        {
            while (true)
            {
                file.Write(chunk.AsSpan(0, 1));
            }
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Deletes the filler: the space is there again.</summary>
    public void Free()
    {
        if (_filler is not null)
        {
            File.Delete(_filler);
            _filler = null;
        }
    }

    private static void Run(string file, params string[] arguments)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error}");
        }
    }

    public void Dispose()
    {
        try
        {
            Run("umount", Path);
        }
        finally
        {
            _directory.Dispose();
        }
    }
}

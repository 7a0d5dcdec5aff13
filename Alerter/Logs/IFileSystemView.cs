namespace Alerter.Logs;

/// <summary>The little of the file system the scanner needs: looking at the log and its copies, and opening one.</summary>
public interface IFileSystemView
{
    /// <summary>The file at <paramref name="path"/>, its first <paramref name="fingerprintLength"/> bytes fingerprinted; null when missing.</summary>
    FileObservation? Observe(string path, int fingerprintLength);

    /// <summary>Files beside <paramref name="path"/> whose name starts with its name (rotated copies), not compressed ones.</summary>
    IReadOnlyList<FileObservation> ObserveSiblings(string path, int fingerprintLength);

    /// <summary>Opens a log file for reading while others write, rename or truncate it.</summary>
    FileStream Open(string path);
}

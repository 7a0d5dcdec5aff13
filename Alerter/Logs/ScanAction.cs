namespace Alerter.Logs;

/// <summary>What a scan run does with a log path, decided by <see cref="RotationPolicy"/>.</summary>
public enum ScanAction
{
    /// <summary>Nothing to read (no file yet, or the checkpointed file vanished and no new one exists).</summary>
    Wait,
    /// <summary>First sight of the path: start at its end (default) or its start.</summary>
    StartNew,
    /// <summary>Same file, same content: read on from the checkpoint.</summary>
    Continue,
    /// <summary>Same inode, but shorter than the checkpoint or a different first-bytes fingerprint: copytruncate.
    /// Finish the copy (when found beside it) from the checkpoint, then read the live file from 0.</summary>
    RestartAfterTruncate,
    /// <summary>The checkpointed inode now lives under another name and the new file is not written yet:
    /// read the old one on, keep the checkpoint on it.</summary>
    FinishRotated,
    /// <summary>Rename rotation: read the old inode (new name) to its end, then the new file from 0.</summary>
    FinishRotatedThenNew,
    /// <summary>The checkpointed file is gone (deleted or compressed): start the new file from 0; its unread tail is lost.</summary>
    RotatedFileLost,
}

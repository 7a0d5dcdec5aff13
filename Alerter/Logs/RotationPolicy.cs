namespace Alerter.Logs;

/// <summary>
/// Pure decision: given the checkpoint and what the file system shows now, which bytes of which files to read.
/// Rename rotation keeps the inode under a new name; copytruncate keeps the inode but shrinks it (or refills
/// it with different first bytes). The copy made by copytruncate is recognised by the checkpoint's fingerprint.
/// </summary>
public static class RotationPolicy
{
    /// <summary>
    /// File modification times come from the kernel's coarse clock (up to a scheduler tick, 4-10 ms, behind the
    /// clock the checkpoint's <see cref="LogCheckpoint.ObservedUtc"/> is taken from): a copy modified up to 20 ms
    /// before the last look still counts as written after it. Scans must be further apart (at least 100 ms).
    /// </summary>
    public static readonly TimeSpan ClockMargin = TimeSpan.FromMilliseconds(20);

    /// <summary>Whether <see cref="Decide"/> needs the sibling files (the path changed identity or content).</summary>
    public static bool NeedsSiblings(LogCheckpoint? checkpoint, FileObservation? current)
        => checkpoint is not null && (current is null || current.Identity != checkpoint.Identity || IsTruncated(checkpoint, current) || checkpoint.FingerprintLength == 0);

    /// <param name="checkpoint">The stored checkpoint, or null on first sight.</param>
    /// <param name="current">The file at the configured path now, or null when missing.</param>
    /// <param name="siblings">Other files in the same directory whose name starts with the log's name
    /// (e.g. <c>haproxy.log.1</c>), fingerprinted with the checkpoint's length.</param>
    /// <param name="start">Where a file without checkpoint starts.</param>
    public static ScanPlan Decide(LogCheckpoint? checkpoint, FileObservation? current, IReadOnlyList<FileObservation> siblings, StartPosition start)
    {
        if (checkpoint is null)
        {
            if (current is null)
            {
                return ScanPlan.Wait("the file does not exist yet");
            }
            var from = start == StartPosition.End ? current.Size : 0;
            return new ScanPlan(ScanAction.StartNew, [new ScanSegment(current.Path, current.Identity, from, false)], $"first sight, starting at byte {from}");
        }

        if (current is not null && current.Identity == checkpoint.Identity)
        {
            // With nothing fingerprinted (the file was empty), only a copy written since the last look reveals a copytruncate.
            var copiedWhileEmpty = checkpoint.FingerprintLength == 0
                && siblings.Any(s => s.Identity != checkpoint.Identity && IsUnread(checkpoint, s));
            if (!IsTruncated(checkpoint, current) && !copiedWhileEmpty)
            {
                return new ScanPlan(ScanAction.Continue, [new ScanSegment(current.Path, current.Identity, checkpoint.Offset, false)], "continuing");
            }
            // Copies written after the last look hold unread lines. The one that starts with the checkpointed bytes
            // is read from the checkpoint on; later ones (several rotations between two scans) whole, oldest first.
            var fresh = siblings.Where(s => s.Identity != checkpoint.Identity && IsUnread(checkpoint, s)).OrderBy(s => s.LastWriteUtc).ToList();
            var copy = checkpoint.FingerprintLength == 0 ? null : fresh.FirstOrDefault(s => s.Size >= checkpoint.Offset && s.PrefixFingerprint == checkpoint.Fingerprint);
            var live = new ScanSegment(current.Path, current.Identity, 0, false);
            if (copy is null)
            {
                return new ScanPlan(ScanAction.RestartAfterTruncate, [.. fresh.Select(s => new ScanSegment(s.Path, s.Identity, 0, true, s.LastWriteUtc)), live],
                    fresh.Count == 0 ? "truncated in place (copytruncate); no copy written since the last scan" : $"truncated in place (copytruncate); reading {fresh.Count} new copies first");
            }
            return new ScanPlan(ScanAction.RestartAfterTruncate, [new ScanSegment(copy.Path, copy.Identity, checkpoint.Offset, true, copy.LastWriteUtc), .. Intermediates(copy, current, fresh), live],
                $"truncated in place (copytruncate); finishing the copy {copy.Path} first");
        }

        var old = siblings.FirstOrDefault(s => s.Identity == checkpoint.Identity);
        if (old is not null)
        {
            // Switch only once the writer has written to the new file: until then it may still append to the old inode.
            if (current is not null && current.Size > 0)
            {
                return new ScanPlan(ScanAction.FinishRotatedThenNew,
                    [new ScanSegment(old.Path, old.Identity, checkpoint.Offset, true), .. Intermediates(old, current, siblings), new ScanSegment(current.Path, current.Identity, 0, false)],
                    $"rotated by rename to {old.Path}: finishing it, then the new file from 0");
            }
            return new ScanPlan(ScanAction.FinishRotated, [new ScanSegment(old.Path, old.Identity, checkpoint.Offset, false)], $"rotated by rename to {old.Path}; no new file written yet");
        }

        if (current is null)
        {
            return ScanPlan.Wait("the file was removed and no new one exists yet");
        }
        return new ScanPlan(ScanAction.RotatedFileLost, [new ScanSegment(current.Path, current.Identity, 0, false)], "the checkpointed file is gone; starting the new file from 0");
    }

    /// <summary>
    /// Files rotated after <paramref name="first"/> and before the live one (two rotations between scans):
    /// the other siblings written after it, oldest first, each read whole.
    /// </summary>
    private static IEnumerable<ScanSegment> Intermediates(FileObservation first, FileObservation live, IReadOnlyList<FileObservation> siblings)
        => siblings
            .Where(s => s.Identity != first.Identity && s.Identity != live.Identity && s.LastWriteUtc > first.LastWriteUtc)
            .OrderBy(s => s.LastWriteUtc)
            .Select(s => new ScanSegment(s.Path, s.Identity, 0, true, s.LastWriteUtc));

    /// <summary>Modified after the last look (within the clock margin) and newer than every copy already read.</summary>
    private static bool IsUnread(LogCheckpoint checkpoint, FileObservation sibling)
        => sibling.LastWriteUtc > checkpoint.ObservedUtc - ClockMargin && sibling.LastWriteUtc > checkpoint.CopiesReadThrough;

    private static bool IsTruncated(LogCheckpoint checkpoint, FileObservation current)
        => current.Size < checkpoint.Offset
           || (checkpoint.FingerprintLength > 0 && current.PrefixFingerprint != checkpoint.Fingerprint);
}

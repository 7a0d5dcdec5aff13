namespace Alerter.Journal;

/// <summary>What one journalctl child said on stderr, written by its stderr reader, read by the source.</summary>
internal sealed class JournalStderrWatch
{
    public volatile string? PermissionLine;
    public volatile string? LastLine;
    public int Logged;
    public int Suppressed;
}

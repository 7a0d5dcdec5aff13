namespace Alerter.Journal;

/// <summary>What <see cref="JournalEntryProcessor"/> made of one journal entry.</summary>
public enum JournalEntryOutcome
{
    /// <summary>A state change to store.</summary>
    Event,
    /// <summary>A copy of a message already keyed (two <c>log</c> lines to one journal): not stored again.</summary>
    Copy,
    /// <summary>A message that is not a state change (or an entry without MESSAGE).</summary>
    NotAnEvent,
    /// <summary>A broken message, or a state change holding characters that cannot be names: skipped and counted.</summary>
    Malformed,
    /// <summary>MESSAGE was bytes that are not valid UTF-8: skipped and counted, as in files.</summary>
    InvalidUtf8,
}

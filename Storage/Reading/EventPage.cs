namespace Storage.Reading;

/// <summary>A page of events, newest first; <see cref="NextBeforeId"/> asks for the next (older) page, null when there is none.</summary>
public sealed record EventPage(IReadOnlyList<StoredEvent> Events, long? NextBeforeId);

namespace Storage.Reading;

/// <summary>A query the readers refuse (inverted or too long a range, too many series): the caller's mistake, told plainly; a web API answers 400 with <see cref="Exception.Message"/>.</summary>
public sealed class StorageQueryException(string message) : ArgumentException(message);

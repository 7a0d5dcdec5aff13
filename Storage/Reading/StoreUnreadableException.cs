namespace Storage.Reading;

/// <summary>
/// A store file that exists but cannot be read (damaged, truncated, not a database, an I/O error): not the caller's
/// mistake, and not a crash either. The message names the file and SQLite's reason; the reader drops its pooled
/// connections to it, so the next call reads it afresh (and succeeds as soon as the file is good again).
/// A web API answers 503 with <see cref="Exception.Message"/>.
/// </summary>
public sealed class StoreUnreadableException(string message, Exception inner) : IOException(message, inner);

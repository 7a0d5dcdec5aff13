namespace ServiceDefaults;

/// <summary>
/// Settings that are valid on their own but clash with the machine at start, such as a spool directory another
/// process holds. The message says what to change; <see cref="ConfigurationFailure"/> shows it as a
/// configuration error, without a stack trace.
/// </summary>
public sealed class SettingConflictException(string message, Exception? innerException = null) : IOException(message, innerException);

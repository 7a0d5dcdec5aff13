namespace Storage.Influx.Spool;

/// <summary>
/// The spool directory is locked by another process (a second Collector or Alerter with the same SpoolDirectory).
/// Storage's own exception, so the library needs nothing of the executables' ServiceDefaults: the registration that
/// opens the spool from settings turns it into the options failure every entry point shows as a configuration error.
/// </summary>
public sealed class SpoolInUseException(string message, Exception innerException) : IOException(message, innerException);

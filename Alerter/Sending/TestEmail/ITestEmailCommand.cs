namespace Alerter.Sending.TestEmail;

/// <summary>
/// <c>alerter test-email</c>: implemented by the delivery side and registered in DI by
/// <c>AddAlerterDelivery</c>. When nothing is registered the command says it is not available.
/// </summary>
public interface ITestEmailCommand
{
    /// <summary>
    /// Sends one test message with the current configuration and writes what happened, in plain words
    /// (authentication failed, TLS required, unreachable, relay denied), to <paramref name="output"/>.
    /// </summary>
    /// <param name="to">Recipient override from <c>--to</c>; null = the configured recipients.</param>
    /// <param name="verbose">Also write the SMTP conversation, AUTH secrets redacted (<c>--verbose</c>).</param>
    /// <returns>The process exit code: 0 when the server accepted the message.</returns>
    Task<int> RunAsync(string? to, TextWriter output, CancellationToken cancellationToken, bool verbose = false);
}

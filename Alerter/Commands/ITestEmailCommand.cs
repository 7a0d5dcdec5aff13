namespace Alerter.Commands;

/// <summary><c>alerter test-email [to]</c>: sends a test message with the current configuration and names SMTP problems plainly.</summary>
public interface ITestEmailCommand
{
    /// <summary>Returns the process exit code: 0 sent, 1 the send failed, 2 configuration error.</summary>
    Task<int> RunAsync(string? to, CancellationToken cancellationToken);
}

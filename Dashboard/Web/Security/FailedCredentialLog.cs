using System.Net;
using Microsoft.Extensions.Logging;

namespace Dashboard.Web.Security;

/// <summary>
/// Writes refused credentials to the log, one line per client and minute (<see cref="FailureWindows"/>), as
/// <c>Authentication failure from ADDRESS</c> for fail2ban. Never the header, the user name or the path: the
/// address is the only caller-chosen text, and it is a parsed <see cref="IPAddress"/>.
/// </summary>
public sealed partial class FailedCredentialLog(TimeProvider time, ILogger<FailedCredentialLog> logger)
{
    private readonly FailureWindows _windows = new();

    public void Refused(IPAddress client, bool throttled)
    {
        if (_windows.Record(client, time.GetUtcNow(), out var since))
        {
            LogFailure(logger, client.ToString(), throttled ? "throttled (429)" : "wrong credential (401)", since);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Authentication failure from {Client}: {Outcome}; {Since} more failures from it since its previous line")]
    private static partial void LogFailure(ILogger logger, string client, string outcome, int since);
}

using System.Net;

namespace Alerter.Sending.Email;

/// <summary>Facts about a configured SMTP host name, pure.</summary>
public static class SmtpHost
{
    /// <summary>True for <c>localhost</c> and loopback addresses: traffic that never leaves the machine.</summary>
    public static bool IsLoopback(string host)
        => host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}

using Microsoft.Extensions.Primitives;

namespace Dashboard.Web.Security;

/// <summary>
/// The client addresses a request's <c>X-Forwarded-For</c> and <c>Forwarded: for=</c> headers claim, as written,
/// client first and nearest proxy last. Pure; the text is untrusted and only ever parsed as addresses.
/// </summary>
public static class ForwardedChain
{
    public static IReadOnlyList<string> Parse(StringValues xForwardedFor, StringValues forwarded)
    {
        var chain = new List<string>();
        foreach (var header in forwarded)
        {
            foreach (var element in (header ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                foreach (var pair in element.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (pair.StartsWith("for=", StringComparison.OrdinalIgnoreCase))
                    {
                        chain.Add(pair[4..].Trim().Trim('"'));
                    }
                }
            }
        }
        foreach (var header in xForwardedFor)
        {
            chain.AddRange((header ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }
        return chain;
    }
}

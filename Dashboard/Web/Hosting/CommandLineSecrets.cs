namespace Dashboard.Web.Hosting;

/// <summary>
/// The secret settings given as command-line arguments (<c>--Dashboard:Auth:Token=...</c>, <c>--Kestrel:...:Password x</c>),
/// which <c>ps</c> and /proc/PID/cmdline show to every user of the machine. Pure; returns the keys, never the values.
/// </summary>
public static class CommandLineSecrets
{
    private static readonly string[] SecretNames = ["Token", "Password", "PasswordHash"];

    public static IReadOnlyList<string> Find(IReadOnlyList<string> args)
    {
        var keys = new List<string>();
        foreach (var arg in args)
        {
            var key = arg.TrimStart('-', '/');
            if (key.Length == arg.Length)
            {
                continue; // a value, not a key
            }
            var equals = key.IndexOf('=');
            key = equals >= 0 ? key[..equals] : key;
            var last = key.Split(':', '_').Last();
            if (SecretNames.Contains(last, StringComparer.OrdinalIgnoreCase) && !keys.Contains(key, StringComparer.OrdinalIgnoreCase))
            {
                keys.Add(key);
            }
        }
        return keys;
    }

    public static string Warning(string key) =>
        $"Warning: {key} is given on the command line, where ps shows it to every user of this machine; "
        + $"use {key}File or the environment variable MONITORING__{key.Replace(":", "__", StringComparison.Ordinal)} instead.";
}

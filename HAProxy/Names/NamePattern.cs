namespace HAProxy.Names;

/// <summary>
/// Shell-style patterns over proxy, server and host names: <c>*</c> matches any run, <c>?</c> one character.
/// Pure; used by the Alerter's routes and silences (case-sensitive, like HAProxy's names) and by the terminal
/// viewer's <c>--filter</c> (case-insensitive, for typing).
/// </summary>
public static class NamePattern
{
    public static bool IsMatch(ReadOnlySpan<char> pattern, ReadOnlySpan<char> name, bool ignoreCase = false)
    {
        int p = 0, n = 0, star = -1, mark = 0;
        while (n < name.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || Same(pattern[p], name[n], ignoreCase)))
            {
                p++;
                n++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = n;
            }
            else if (star >= 0)
            {
                // Backtrack: let the last '*' swallow one more character.
                p = star + 1;
                n = ++mark;
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }
        return p == pattern.Length;
    }

    private static bool Same(char a, char b, bool ignoreCase) =>
        a == b || (ignoreCase && char.ToLowerInvariant(a) == char.ToLowerInvariant(b));
}

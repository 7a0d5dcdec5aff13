namespace ServiceDefaults.Settings;

/// <summary>The known name a misspelt one most likely meant: edit distance with transpositions, case-insensitive.</summary>
public static class ClosestName
{
    /// <summary>
    /// The candidate nearest <paramref name="name"/>, when it is near enough to be a typo: at most one edit in a
    /// short name, about one in three in a longer one (<c>Route</c> -> <c>Routes</c>, <c>Securty</c> -> <c>Security</c>).
    /// Null when nothing is that close.
    /// </summary>
    public static string? Find(string name, IEnumerable<string> candidates)
    {
        var limit = Math.Clamp(name.Length / 3, 1, 3);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates.OrderBy(c => c, StringComparer.Ordinal))
        {
            var distance = Distance(name.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= limit ? best : null;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }
}

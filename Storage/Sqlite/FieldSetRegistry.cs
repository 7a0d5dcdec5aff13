using Storage.Samples;

namespace Storage.Sqlite;

/// <summary>
/// Pure: the field sets known to the store, found by the names of a sample's stored fields without allocating.
/// A stored field is an integer, a boolean, a string or a finite float; NaN and infinities are left out
/// (as they always were), so they are left out of the set too.
/// </summary>
public sealed class FieldSetRegistry
{
    private readonly Dictionary<int, List<FieldSet>> _byHash = [];

    public int Count { get; private set; }

    public static bool IsStored(FieldValue value) => value.Type != FieldValueType.Float || double.IsFinite(value.Number);

    /// <summary>The set whose names are the stored fields of <paramref name="fields"/>, in order; null when new.</summary>
    /// <param name="hint">A set to try first (the series' previous one): then no hashing is needed.</param>
    public FieldSet? Find(IReadOnlyList<KeyValuePair<string, FieldValue>> fields, FieldSet? hint)
    {
        if (hint is not null && Matches(hint, fields))
        {
            return hint;
        }
        var hash = new HashCode();
        var count = 0;
        for (var i = 0; i < fields.Count; i++)
        {
            var (name, value) = fields[i];
            if (IsStored(value))
            {
                hash.Add(name, StringComparer.Ordinal);
                count++;
            }
        }
        if (_byHash.TryGetValue(Combine(hash, count), out var candidates))
        {
            foreach (var candidate in candidates)
            {
                if (Matches(candidate, fields))
                {
                    return candidate;
                }
            }
        }
        return null;
    }

    /// <summary>The set with exactly these names; null when new.</summary>
    public FieldSet? Find(IReadOnlyList<string> names)
    {
        if (_byHash.TryGetValue(Hash(names), out var candidates))
        {
            foreach (var candidate in candidates)
            {
                if (SameNames(candidate.Names, names))
                {
                    return candidate;
                }
            }
        }
        return null;
    }

    public void Add(FieldSet set)
    {
        var hash = Hash(set.Names);
        if (!_byHash.TryGetValue(hash, out var list))
        {
            _byHash[hash] = list = [];
        }
        list.Add(set);
        Count++;
    }

    /// <summary>The names of the stored fields, in order (for a new set).</summary>
    public static string[] StoredNames(IReadOnlyList<KeyValuePair<string, FieldValue>> fields)
    {
        var names = new List<string>(fields.Count);
        foreach (var (name, value) in fields)
        {
            if (IsStored(value))
            {
                names.Add(name);
            }
        }
        return names.ToArray();
    }

    private static bool Matches(FieldSet set, IReadOnlyList<KeyValuePair<string, FieldValue>> fields)
    {
        var names = set.Names;
        var position = 0;
        for (var i = 0; i < fields.Count; i++)
        {
            var (name, value) = fields[i];
            if (!IsStored(value))
            {
                continue;
            }
            if (position == names.Length || !(ReferenceEquals(names[position], name) || string.Equals(names[position], name, StringComparison.Ordinal)))
            {
                return false;
            }
            position++;
        }
        return position == names.Length;
    }

    private static bool SameNames(string[] a, IReadOnlyList<string> b)
    {
        if (a.Length != b.Count)
        {
            return false;
        }
        for (var i = 0; i < a.Length; i++)
        {
            if (!string.Equals(a[i], b[i], StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }

    private static int Hash(IReadOnlyList<string> names)
    {
        var hash = new HashCode();
        foreach (var name in names)
        {
            hash.Add(name, StringComparer.Ordinal);
        }
        return Combine(hash, names.Count);
    }

    private static int Combine(HashCode hash, int count)
    {
        hash.Add(count);
        return hash.ToHashCode();
    }
}

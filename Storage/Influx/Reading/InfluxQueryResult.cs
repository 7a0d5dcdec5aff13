using System.Text.Json;

namespace Storage.Influx.Reading;

/// <summary>One series of a <c>/query</c> answer: its tags (when grouped), its columns and rows.</summary>
public sealed record InfluxQueryResult(string Name, IReadOnlyDictionary<string, string> Tags, IReadOnlyList<string> Columns, IReadOnlyList<JsonElement[]> Rows)
{
    public int Column(string name)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i] == name)
            {
                return i;
            }
        }
        return -1;
    }
}

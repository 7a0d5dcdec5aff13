using System.Text.RegularExpressions;
using Storage.Schema;

namespace Storage.Tests.Schema;

/// <summary>docs/schema.md against <see cref="StorageSchema"/>, both ways: what the code stores is documented with its type and unit, and what the page names exists.</summary>
public partial class SchemaDocTests
{
    private static readonly Lazy<IReadOnlyList<DocumentedField>> Documented = new(ReadDoc);

    public static TheoryData<string, string> SchemaFields()
    {
        var data = new TheoryData<string, string>();
        foreach (var measurement in StorageSchema.All)
        {
            foreach (var field in measurement.Fields)
            {
                data.Add(measurement.Name, field.Name);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(SchemaFields))]
    public void SchemaDoc_EverySchemaField_DocumentedWithItsTypeAndUnit(string measurement, string field)
    {
        var schema = StorageSchema.Get(measurement).Field(field).ShouldNotBeNull();
        // A name may have several rows (monitoring_collector's error, once per endpoint and once per sink): all must agree.
        var rows = Documented.Value.Where(d => d.Measurements.Contains(measurement) && d.Name == field).ToList();
        rows.ShouldNotBeEmpty($"docs/schema.md has no row for {measurement}.{field}");
        foreach (var row in rows)
        {
            row.Type.ShouldBe(schema.Type, $"{measurement}.{field}");
            row.Unit.ShouldBe(schema.Unit, $"{measurement}.{field}");
        }
    }

    [Fact]
    public void SchemaDoc_EveryDocumentedField_ExistsInTheSchema()
    {
        var unknown = Documented.Value
            .SelectMany(d => d.Measurements.Select(m => (Measurement: m, d.Name)))
            .Where(x => StorageSchema.Find(x.Measurement)?.Field(x.Name) is null)
            .Select(x => $"{x.Measurement}.{x.Name}")
            .ToList();

        Documented.Value.Count.ShouldBeGreaterThan(90, "the page's tables were read");
        unknown.ShouldBeEmpty();
    }

    [Fact]
    public void SchemaDoc_MeasurementTable_ListsEveryMeasurementWithItsTags()
    {
        var doc = SchemaDoc();
        var rows = MeasurementRow().Matches(doc).ToDictionary(m => m.Groups[1].Value, m => Backticked(m.Groups[2].Value));

        rows.Keys.Order().ShouldBe(StorageSchema.All.Select(m => m.Name).Order());
        foreach (var measurement in StorageSchema.All)
        {
            rows[measurement.Name].ShouldBe(measurement.Tags, ignoreOrder: true, measurement.Name);
        }
    }

    [Fact]
    public void SchemaDoc_EventKinds_SameNamesBothWays()
    {
        var documented = KindRow().Matches(SchemaDoc()).Select(m => m.Groups[1].Value).ToList();

        documented.ShouldBe(EventKinds.All.Select(k => k.Name).ToList());
    }

    private static IReadOnlyList<DocumentedField> ReadDoc()
    {
        var fields = new List<DocumentedField>();
        string[]? measurements = null;
        string[]? header = null;
        foreach (var raw in SchemaDoc().Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                measurements = Backticked(line).Where(n => StorageSchema.Find(n) is not null).ToArray();
                header = null;
                continue;
            }
            if (!line.StartsWith('|') || measurements is not { Length: > 0 })
            {
                header = null;
                continue;
            }
            var cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            if (header is null)
            {
                header = cells;
                continue;
            }
            var fieldColumn = Array.IndexOf(header, "field");
            if (fieldColumn < 0 || cells[0].StartsWith("---", StringComparison.Ordinal))
            {
                continue;
            }
            var type = cells[Array.IndexOf(header, "type")];
            var units = cells[Array.IndexOf(header, "unit")].Split(',').Select(u => u.Trim()).ToArray();
            var rowsColumn = Array.IndexOf(header, "rows");
            var rowMeasurements = rowsColumn < 0 ? measurements : RowMeasurements(cells[rowsColumn]);
            var names = Backticked(cells[fieldColumn]);
            for (var i = 0; i < names.Count; i++)
            {
                fields.Add(new DocumentedField(rowMeasurements, names[i], TypeOf(type), units.Length == names.Count ? units[i] : units[0]));
            }
        }
        return fields;
    }

    private static string[] RowMeasurements(string cell) => cell.Split(',').Select(c => c.Trim() switch
    {
        "fe" => Measurements.Frontend,
        "be" => Measurements.Backend,
        "srv" => Measurements.Server,
        var other => throw new InvalidDataException($"docs/schema.md: unknown row type '{other}'"),
    }).ToArray();

    private static SchemaFieldType TypeOf(string cell) =>
        cell.StartsWith("float", StringComparison.Ordinal) ? SchemaFieldType.Float
        : cell.StartsWith("integer", StringComparison.Ordinal) ? SchemaFieldType.Integer
        : cell.StartsWith("string", StringComparison.Ordinal) ? SchemaFieldType.String
        : throw new InvalidDataException($"docs/schema.md: unknown type '{cell}'");

    private static List<string> Backticked(string text) => Regex.Matches(text, "`([a-z_0-9]+)`").Select(m => m.Groups[1].Value).ToList();

    private static string SchemaDoc()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Monitoring.sln")))
        {
            directory = directory.Parent;
        }
        return File.ReadAllText(Path.Combine(directory.ShouldNotBeNull().FullName, "docs", "schema.md"));
    }

    [GeneratedRegex(@"^\| `([a-z_]+)` \| [^|]+ \| ([^|]+) \|$", RegexOptions.Multiline)]
    private static partial Regex MeasurementRow();

    [GeneratedRegex(@"^\| `([A-Za-z]+)` \| [^|]+ \|$", RegexOptions.Multiline)]
    private static partial Regex KindRow();

    private sealed record DocumentedField(string[] Measurements, string Name, SchemaFieldType Type, string Unit);
}

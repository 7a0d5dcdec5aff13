using System.Text;
using Storage.Samples;
using Storage.Sqlite;

namespace Storage.Tests.Sqlite;

public class ValueArrayWriterTests
{
    [Fact]
    public void Write_MixedValues_JsonArrayWithoutNonFiniteFloats()
    {
        var writer = new ValueArrayWriter();
        KeyValuePair<string, FieldValue>[] fields =
        [
            new("a", FieldValue.Of(3L)),
            new("b", FieldValue.Of(double.NaN)),
            new("c", FieldValue.Of(1.0 / 3)),
            new("d", FieldValue.Of(true)),
            new("e", FieldValue.Of("UP \"1/3\"\\ é")),
            new("f", FieldValue.Of(double.PositiveInfinity)),
        ];

        var json = Encoding.UTF8.GetString(writer.Write(fields));

        json.ShouldBe("[3,0.333333,1,\"UP \\\"1/3\\\"\\\\ é\"]");
        FieldSetRegistry.StoredNames(fields).ShouldBe(["a", "c", "d", "e"]);
    }
}

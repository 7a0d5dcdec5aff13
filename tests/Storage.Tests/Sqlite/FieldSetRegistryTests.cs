using Storage.Samples;
using Storage.Sqlite;

namespace Storage.Tests.Sqlite;

public class FieldSetRegistryTests
{
    private static KeyValuePair<string, FieldValue>[] Fields(double rate) =>
        [new("sessions_current", FieldValue.Of(1L)), new("session_rate", FieldValue.Of(rate)), new("status", FieldValue.Of("UP"))];

    [Fact]
    public void Find_SameNamesBuiltElsewhere_ReturnsKnownSet()
    {
        var registry = new FieldSetRegistry();
        var set = new FieldSet(7, FieldSetRegistry.StoredNames(Fields(1)));
        registry.Add(set);

        var copy = Fields(2).Select(f => new KeyValuePair<string, FieldValue>(new string(f.Key.AsSpan()), f.Value)).ToArray();

        registry.Find(copy, hint: null).ShouldBeSameAs(set);
        registry.Find(["sessions_current", "session_rate", "status"]).ShouldBeSameAs(set);
    }

    [Fact]
    public void Find_NonFiniteFieldLeftOut_MatchesSetWithoutIt()
    {
        var registry = new FieldSetRegistry();
        var withoutRate = new FieldSet(1, ["sessions_current", "status"]);
        var withRate = new FieldSet(2, FieldSetRegistry.StoredNames(Fields(1)));
        registry.Add(withoutRate);
        registry.Add(withRate);

        registry.Find(Fields(double.NaN), hint: withRate).ShouldBeSameAs(withoutRate);
        registry.Find(Fields(5), hint: withoutRate).ShouldBeSameAs(withRate);
        registry.Find([new("other", FieldValue.Of(1L))], hint: withRate).ShouldBeNull();
    }
}

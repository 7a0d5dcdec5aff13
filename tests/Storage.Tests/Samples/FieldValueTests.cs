using Storage.Samples;

namespace Storage.Tests.Samples;

public class FieldValueTests
{
    [Fact]
    public void Of_EachType_NumberIntegerAndTextAsBefore()
    {
        FieldValue.Of(2.5).ShouldSatisfyAllConditions(v => v.Number.ShouldBe(2.5), v => v.Integer.ShouldBe(0), v => v.AsDouble().ShouldBe(2.5));
        FieldValue.Of(-7L).ShouldSatisfyAllConditions(v => v.Number.ShouldBe(-7), v => v.Integer.ShouldBe(-7), v => v.ToString().ShouldBe("-7"));
        FieldValue.Of(true).ShouldSatisfyAllConditions(v => v.Number.ShouldBe(1), v => v.Integer.ShouldBe(1), v => v.Boolean.ShouldBeTrue());
        FieldValue.Of("UP").ShouldSatisfyAllConditions(v => v.Number.ShouldBe(0), v => v.Integer.ShouldBe(0), v => v.Text.ShouldBe("UP"), v => v.AsDouble().ShouldBeNull());
        double.IsNaN(FieldValue.Of(double.NaN).Number).ShouldBeTrue();
    }

    [Fact]
    public void Equals_SameTypeAndValue_EqualOtherwiseNot()
    {
        FieldValue.Of(1.5).ShouldBe(FieldValue.Of(1.5));
        FieldValue.Of(1L).ShouldNotBe(FieldValue.Of(1.0));
        FieldValue.Of(1L).ShouldNotBe(FieldValue.Of(true));
    }
}

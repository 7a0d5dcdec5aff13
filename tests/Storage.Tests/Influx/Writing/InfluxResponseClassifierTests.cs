using Storage.Influx.Writing;

namespace Storage.Tests.Influx.Writing;

public class InfluxResponseClassifierTests
{
    [Theory]
    [InlineData(204, InfluxWriteOutcome.Written)]
    [InlineData(200, InfluxWriteOutcome.Misconfigured)]
    [InlineData(202, InfluxWriteOutcome.Misconfigured)]
    [InlineData(401, InfluxWriteOutcome.Unauthorized)]
    [InlineData(403, InfluxWriteOutcome.Unauthorized)]
    [InlineData(429, InfluxWriteOutcome.Unavailable)]
    [InlineData(500, InfluxWriteOutcome.Unavailable)]
    [InlineData(503, InfluxWriteOutcome.Unavailable)]
    [InlineData(413, InfluxWriteOutcome.Misconfigured)]
    [InlineData(404, InfluxWriteOutcome.Misconfigured)]
    public void Classify_Status_Outcome(int status, InfluxWriteOutcome expected)
    {
        var result = InfluxResponseClassifier.Classify(status, "{\"error\":\"x\"}", 10);
        result.Outcome.ShouldBe(expected);
        result.RejectedPoints.ShouldBe(0);
    }

    [Fact]
    public void Classify_200FromAWebServer_KeptForRetryAndSaysTheUrlMayNotBeInfluxDb()
    {
        var result = InfluxResponseClassifier.Classify(200, "ok\n", 7);

        result.Retry.ShouldBeTrue("a 2xx other than 204 is not proof that InfluxDB stored the points");
        result.RejectedPoints.ShouldBe(0);
        result.Message!.ShouldContain("not 204 No Content");
        result.Message!.ShouldContain("Url may not point at InfluxDB");
    }

    [Fact]
    public void Classify_DatabaseNotFound_AskForCreation()
    {
        InfluxResponseClassifier.Classify(404, "{\"error\":\"database not found: \\\"mon\\\"\"}", 5).Outcome.ShouldBe(InfluxWriteOutcome.DatabaseNotFound);
    }

    [Fact]
    public void Classify_400WithoutPartialWrite_WholeBatchRejected()
    {
        // Captured from influxd 1.6.7 for a batch of one unparsable line.
        var result = InfluxResponseClassifier.Classify(400, "{\"error\":\"unable to parse 'b,t=end\\\\ f=1 1': invalid tag format\"}\n", 1);
        result.Outcome.ShouldBe(InfluxWriteOutcome.Rejected);
        result.RejectedPoints.ShouldBe(1);
        result.Retry.ShouldBeFalse();
        result.Message!.ShouldContain("unable to parse 'b,t=end");
    }

    [Fact]
    public void Classify_V1PartialWriteWithParseError_OnlyBadLineRejected()
    {
        // Captured from influxd 1.6.7: three lines, the middle one unparsable; the others were stored.
        const string body = "{\"error\":\"partial write: unable to parse 'm1,t=z f=bad 12': invalid boolean dropped=0\"}";
        var result = InfluxResponseClassifier.Classify(400, body, 3);
        result.Outcome.ShouldBe(InfluxWriteOutcome.PartiallyWritten);
        result.RejectedPoints.ShouldBe(1);
    }

    [Fact]
    public void Classify_V1PartialWriteTypeConflict_DroppedCountUsed()
    {
        const string body = "{\"error\":\"partial write: field type conflict: input field \\\"f\\\" on measurement \\\"m1\\\" is type string, already exists as type float dropped=2\"}";
        var result = InfluxResponseClassifier.Classify(400, body, 5);
        result.Outcome.ShouldBe(InfluxWriteOutcome.PartiallyWritten);
        result.RejectedPoints.ShouldBe(2);
    }

    [Fact]
    public void Classify_V1PartialWriteAllDropped_Rejected()
    {
        var result = InfluxResponseClassifier.Classify(400, "{\"error\":\"partial write: points beyond retention policy dropped=4\"}", 4);
        result.Outcome.ShouldBe(InfluxWriteOutcome.Rejected);
        result.RejectedPoints.ShouldBe(4);
    }

    [Fact]
    public void Classify_V2PartialWrite_WrittenCountUsed()
    {
        const string body = "{\"code\":\"invalid\",\"message\":\"partial write error (7 written): unable to parse 'x y': invalid field format\"}";
        var result = InfluxResponseClassifier.Classify(400, body, 10);
        result.Outcome.ShouldBe(InfluxWriteOutcome.PartiallyWritten);
        result.RejectedPoints.ShouldBe(3);
    }

    [Fact]
    public void Classify_LongBody_MessageTruncated()
    {
        var result = InfluxResponseClassifier.Classify(500, new string('x', 5000), 1);
        result.Message!.Length.ShouldBeLessThan(2100);
    }
}

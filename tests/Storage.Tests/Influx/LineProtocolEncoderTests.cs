using System.Buffers;
using System.Text;
using Storage.Influx;
using Storage.Samples;

namespace Storage.Tests.Influx;

public class LineProtocolEncoderTests
{
    private static readonly DateTimeOffset T = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
    private const long TSeconds = 1795262400;

    private static Sample Point(string measurement, (string, string)[] tags, params (string, FieldValue)[] fields) =>
        new(measurement,
            tags.Select(t => KeyValuePair.Create(t.Item1, t.Item2)).ToList(),
            fields.Select(f => KeyValuePair.Create(f.Item1, f.Item2)).ToList(),
            T);

    private static string Encode(Sample sample, EncodeStats? stats = null, InfluxPrecision precision = InfluxPrecision.Seconds)
    {
        var buffer = new ArrayBufferWriter<byte>();
        new LineProtocolEncoder(precision).Encode(sample, buffer, stats ?? new EncodeStats());
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string Tag(string value) => Encode(Point("m", [("t", value)], ("f", FieldValue.Of(1L))));

    private static string Field(string value) => Encode(Point("m", [], ("s", FieldValue.Of(value))));

    [Fact]
    public void Encode_AllFieldTypes_WritesTypedValues()
    {
        var line = Encode(Point("haproxy_server", [("host", "lb1"), ("proxy", "web"), ("server", "s1")],
            ("rate", FieldValue.Of(1.5)), ("count", FieldValue.Of(42L)), ("status", FieldValue.Of("UP")), ("up", FieldValue.Of(true)), ("down", FieldValue.Of(false))));
        line.ShouldBe($"haproxy_server,host=lb1,proxy=web,server=s1 rate=1.5,count=42i,status=\"UP\",up=true,down=false {TSeconds}\n");
    }

    [Fact]
    public void Encode_UnsortedTags_SortedByKeyOrdinal()
    {
        var line = Encode(Point("m", [("server", "s"), ("Host", "H"), ("proxy", "p"), ("host", "h")], ("f", FieldValue.Of(1L))));
        line.ShouldBe($"m,Host=H,host=h,proxy=p,server=s f=1i {TSeconds}\n");
    }

    [Theory]
    [InlineData(1.0, "1")]
    [InlineData(-0.25, "-0.25")]
    [InlineData(1e20, "1E+20")]
    [InlineData(1.5e-7, "1.5E-07")]
    [InlineData(0.1, "0.1")]
    [InlineData(double.MaxValue, "1.7976931348623157E+308")]
    public void Encode_Floats_RoundTripFormat(double value, string expected)
    {
        Encode(Point("m", [], ("f", FieldValue.Of(value)))).ShouldBe($"m f={expected} {TSeconds}\n");
    }

    [Theory]
    [InlineData(long.MaxValue, "9223372036854775807i")]
    [InlineData(long.MinValue, "-9223372036854775808i")]
    [InlineData(0L, "0i")]
    public void Encode_Integers_SuffixI(long value, string expected)
    {
        Encode(Point("m", [], ("f", FieldValue.Of(value)))).ShouldBe($"m f={expected} {TSeconds}\n");
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Encode_NonFiniteFloat_FieldDroppedAndCounted(double value)
    {
        var stats = new EncodeStats();
        Encode(Point("m", [], ("bad", FieldValue.Of(value)), ("good", FieldValue.Of(2L))), stats).ShouldBe($"m good=2i {TSeconds}\n");
        stats.DroppedFields.ShouldBe(1);
        stats.Lines.ShouldBe(1);
    }

    [Fact]
    public void Encode_OnlyNonFiniteFields_PointSkippedAndCounted()
    {
        var stats = new EncodeStats();
        Encode(Point("m", [("t", "v")], ("a", FieldValue.Of(double.NaN)), ("b", FieldValue.Of(double.PositiveInfinity))), stats).ShouldBe("");
        stats.SkippedPoints.ShouldBe(1);
        stats.DroppedFields.ShouldBe(2);
        stats.Lines.ShouldBe(0);
    }

    [Fact]
    public void Encode_EmptyMeasurement_PointSkipped()
    {
        var stats = new EncodeStats();
        Encode(Point("", [], ("f", FieldValue.Of(1L))), stats).ShouldBe("");
        stats.SkippedPoints.ShouldBe(1);
    }

    [Fact]
    public void Encode_EmptyTagValueOrKey_TagDroppedAndCounted()
    {
        var stats = new EncodeStats();
        Encode(Point("m", [("a", ""), ("", "x"), ("b", "v")], ("f", FieldValue.Of(1L))), stats).ShouldBe($"m,b=v f=1i {TSeconds}\n");
        stats.DroppedTags.ShouldBe(2);
    }

    [Fact]
    public void Encode_EmptyFieldKey_FieldDropped()
    {
        var stats = new EncodeStats();
        Encode(Point("m", [], ("", FieldValue.Of(1L)), ("f", FieldValue.Of(2L))), stats).ShouldBe($"m f=2i {TSeconds}\n");
        stats.DroppedFields.ShouldBe(1);
    }

    [Theory]
    [InlineData("my measurement", @"my\ measurement")]
    [InlineData("a,b", @"a\,b")]
    [InlineData("a=b", "a=b")]
    [InlineData("a\"b", "a\"b")]
    [InlineData("haproxy.server:x-y_z", "haproxy.server:x-y_z")]
    [InlineData("mesure_été", "mesure_été")]
    public void Encode_Measurement_EscapesCommaAndSpaceOnly(string measurement, string expected)
    {
        Encode(Point(measurement, [], ("f", FieldValue.Of(1L)))).ShouldBe($"{expected} f=1i {TSeconds}\n");
    }

    [Theory]
    [InlineData("web-01.example:8080_a", "web-01.example:8080_a")]
    [InlineData("a b", @"a\ b")]
    [InlineData("a,b", @"a\,b")]
    [InlineData("a=b", @"a\=b")]
    [InlineData("say \"hi\"", @"say\ ""hi""")]
    [InlineData("日本語 サーバー", @"日本語\ サーバー")]
    [InlineData("emoji😀", "emoji😀")]
    [InlineData(@"a\b", @"a\b")]
    [InlineData(@"a\\b", @"a\\b")]
    [InlineData(@"a\ b", @"a\\\ b")]
    [InlineData(@"a\\,b", @"a\\\,b")]
    [InlineData(@"end\", @"end\\")]
    [InlineData(@"end\\", @"end\\")]
    [InlineData("tab\there", "tab\there")]
    public void Encode_TagValue_Escaped(string value, string expected)
    {
        Tag(value).ShouldBe($"m,t={expected} f=1i {TSeconds}\n");
    }

    [Theory]
    [InlineData("line1\nline2", @"line1\nline2")]
    [InlineData("cr\rlf\n", @"cr\rlf\n")]
    [InlineData("a\n b", @"a\n\ b")]
    public void Encode_NewlineInTagValue_WrittenAsBackslashNAndCounted(string value, string expected)
    {
        var stats = new EncodeStats();
        var line = Encode(Point("m", [("t", value)], ("f", FieldValue.Of(1L))), stats);
        line.ShouldBe($"m,t={expected} f=1i {TSeconds}\n");
        line.Count(c => c == '\n').ShouldBe(1);
        line.ShouldNotContain('\r');
        stats.Sanitized.ShouldBe(value.Count(c => c is '\n' or '\r'));
    }

    [Fact]
    public void Encode_OddBackslashRunBeforeSeparator_ExtraBackslashCounted()
    {
        var stats = new EncodeStats();
        Tag(@"x\").ShouldBe($"m,t=x\\\\ f=1i {TSeconds}\n");
        Encode(Point("m", [("t", @"x\,y")], ("f", FieldValue.Of(1L))), stats).ShouldBe($"m,t=x\\\\\\,y f=1i {TSeconds}\n");
        stats.Sanitized.ShouldBe(1);
    }

    [Theory]
    [InlineData("k y", @"k\ y")]
    [InlineData("k,y", @"k\,y")]
    [InlineData("k=y", @"k\=y")]
    [InlineData("k\ny", @"k\ny")]
    public void Encode_TagKeyAndFieldKey_Escaped(string key, string expected)
    {
        Encode(Point("m", [(key, "v")], (key, FieldValue.Of(1L)))).ShouldBe($"m,{expected}=v {expected}=1i {TSeconds}\n");
    }

    [Fact]
    public void Encode_FieldKeyWithQuoteAfterBackslash_BackslashDoubled()
    {
        Encode(Point("m", [], ("a\\\"b", FieldValue.Of(1L)))).ShouldBe($"m a\\\\\"b=1i {TSeconds}\n");
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("with space, comma=equals", "with space, comma=equals")]
    [InlineData("say \"hi\"", "say \\\"hi\\\"")]
    [InlineData(@"C:\path\", @"C:\\path\\")]
    [InlineData(@"\""", @"\\\""")]
    [InlineData("héllo wörld ✓", "héllo wörld ✓")]
    [InlineData("", "")]
    public void Encode_StringField_QuotesAndBackslashesEscaped(string value, string expected)
    {
        Field(value).ShouldBe($"m s=\"{expected}\" {TSeconds}\n");
    }

    [Fact]
    public void Encode_NewlineInStringField_WrittenAsEscapedBackslashN()
    {
        var stats = new EncodeStats();
        var line = Encode(Point("m", [], ("s", FieldValue.Of("Server web/s1 is DOWN\r\nnext"))), stats);
        line.ShouldBe($"m s=\"Server web/s1 is DOWN\\\\r\\\\nnext\" {TSeconds}\n");
        line.Count(c => c == '\n').ShouldBe(1);
        stats.Sanitized.ShouldBe(2);
    }

    [Fact]
    public void Encode_NonAscii_WrittenAsUtf8Bytes()
    {
        var buffer = new ArrayBufferWriter<byte>();
        new LineProtocolEncoder(InfluxPrecision.Seconds).Encode(Point("m", [("t", "é")], ("f", FieldValue.Of(1L))), buffer, new EncodeStats());
        buffer.WrittenSpan.ToArray().ShouldBe(Encoding.UTF8.GetBytes($"m,t=é f=1i {TSeconds}\n"));
        buffer.WrittenSpan[4].ShouldBe((byte)0xC3);
    }

    [Theory]
    [InlineData(InfluxPrecision.Seconds, "1795262400")]
    [InlineData(InfluxPrecision.Milliseconds, "1795262400123")]
    [InlineData(InfluxPrecision.Microseconds, "1795262400123456")]
    [InlineData(InfluxPrecision.Nanoseconds, "1795262400123456700")]
    public void Encode_Precision_TimestampTruncatedToUnit(InfluxPrecision precision, string expected)
    {
        var sample = new Sample("m", [], [KeyValuePair.Create("f", FieldValue.Of(1L))], T.AddTicks(1_234_567));
        Encode(sample, precision: precision).ShouldBe($"m f=1i {expected}\n");
    }

    [Theory]
    [InlineData(InfluxPrecision.Seconds, "s")]
    [InlineData(InfluxPrecision.Milliseconds, "ms")]
    [InlineData(InfluxPrecision.Microseconds, "us")]
    [InlineData(InfluxPrecision.Nanoseconds, "ns")]
    public void PrecisionParameter_EachPrecision_QueryName(InfluxPrecision precision, string expected)
    {
        LineProtocolEncoder.PrecisionParameter(precision).ShouldBe(expected);
    }

    [Fact]
    public void EncodeAll_ManySamples_OneLinePerPointInOrder()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var stats = new EncodeStats();
        var samples = Enumerable.Range(0, 3).Select(i => Point("m", [("s", $"s{i}")], ("f", FieldValue.Of((long)i)))).ToList();
        new LineProtocolEncoder(InfluxPrecision.Seconds).EncodeAll(samples, buffer, stats).ShouldBe(3);
        Encoding.UTF8.GetString(buffer.WrittenSpan).ShouldBe($"m,s=s0 f=0i {TSeconds}\nm,s=s1 f=1i {TSeconds}\nm,s=s2 f=2i {TSeconds}\n");
        stats.Lines.ShouldBe(3);
    }
}

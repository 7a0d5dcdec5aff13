using Alerter.Journal;

namespace Alerter.Tests.Journal;

public class JournalEntryParserTests
{
    // As journalctl --output=json printed an entry of a file written by systemd-journal-remote (see JournalSourceTests).
    private const string Entry = """{"__REALTIME_TIMESTAMP":"1796408643803013","__CURSOR":"s=b31c;i=1;b=0123;m=1;t=661d2fb15d785;x=8550","_PID":"1234","SYSLOG_PID":"6085","PRIORITY":"1","SYSLOG_FACILITY":"16","_HOSTNAME":"lbtest","MESSAGE":"Server be/s1 is DOWN, reason: x."}""";

    [Fact]
    public void Parse_TextEntry_CursorRealtimeMessageAndSyslogPid()
    {
        var entry = JournalEntryParser.Parse(Entry)!;

        entry.Cursor.ShouldBe("s=b31c;i=1;b=0123;m=1;t=661d2fb15d785;x=8550");
        entry.Realtime.ShouldBe(DateTimeOffset.FromUnixTimeMilliseconds(1796408643803).AddTicks(130));
        entry.Message.ShouldBe("Server be/s1 is DOWN, reason: x.");
        entry.Pid.ShouldBe(6085);
        (entry.Priority, entry.Facility, entry.Hostname, entry.InvalidUtf8).ShouldBe((1, 16, "lbtest", false));
    }

    [Fact]
    public void Parse_MessageAsByteArrayOfValidUtf8_Decoded()
    {
        var entry = JournalEntryParser.Parse("""{"__CURSOR":"c","MESSAGE":[83,101,114,118,101,114,32,99,97,102,195,169,9,46]}""")!;

        entry.Message.ShouldBe("Server caf\u00e9\t.");
        entry.InvalidUtf8.ShouldBeFalse();
    }

    [Fact]
    public void Parse_MessageAsBytesThatAreNotUtf8_InvalidUtf8AndNoMessage()
    {
        var entry = JournalEntryParser.Parse("""{"__CURSOR":"c","MESSAGE":[83,101,114,118,101,114,32,99,97,102,233,46]}""")!;

        entry.Message.ShouldBeNull();
        entry.InvalidUtf8.ShouldBeTrue();
    }

    [Fact]
    public void Parse_FieldRepeated_FirstValue()
    {
        JournalEntryParser.Parse("""{"__CURSOR":"c","MESSAGE":["first","second"]}""")!.Message.ShouldBe("first");
        JournalEntryParser.Parse("""{"__CURSOR":"c","MESSAGE":[[104,105],[111]]}""")!.Message.ShouldBe("hi");
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"MESSAGE":"no cursor"}""")]
    [InlineData("""{"__CURSOR":"c","MESSAGE":[1,2,""")]
    public void Parse_NotAnEntry_Null(string line) => JournalEntryParser.Parse(line).ShouldBeNull();
}

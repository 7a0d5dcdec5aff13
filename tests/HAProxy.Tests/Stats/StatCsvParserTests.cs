using System.Text;
using HAProxy.Stats;

namespace HAProxy.Tests.Stats;

public class StatCsvParserTests
{
    private static readonly string Capture = Fixture.Read("Stats/show-stat-2.6.12.csv");

    [Fact]
    public void Parse_RealCapture_KeepsEveryColumnByName()
    {
        var table = StatCsvParser.Parse(Capture);

        table.Columns.Count.ShouldBe(128);
        table.Columns[0].ShouldBe("pxname");
        table.Columns[103].ShouldBe("-");
        table.Columns[^1].ShouldBe("h1_spliced_bytes_out");
        table.IndexOf("agg_check_status").ShouldBe(102);
        table.IndexOf("no_such_field").ShouldBe(-1);
    }

    [Fact]
    public void Parse_RealCapture_ReadsRowsAndCells()
    {
        var table = StatCsvParser.Parse(Capture);

        table.Count.ShouldBe(6);
        table.SkippedRows.ShouldBe(0);
        table.Select(r => r.ToString()).ShouldBe(["be/srv1", "be/srv2", "be/srv3", "be/BACKEND", "stats/FRONTEND", "stats/BACKEND"]);

        var srv3 = table[2];
        srv3.Type.ShouldBe(StatRowType.Server);
        srv3.Status.State.ShouldBe(ServerState.Down);
        srv3.GetString("check_status").ShouldBe("L4CON");
        srv3.GetString("last_chk").ShouldBe("Connection refused");
        srv3.GetString("check_desc").ShouldBe("Layer4 connection problem");
        srv3.GetInt64("chkdown").ShouldBe(1);
        srv3.GetString("addr").ShouldBe("127.0.0.1:18089");

        var backend = table[3];
        backend.Type.ShouldBe(StatRowType.Backend);
        backend.GetInt64("slim").ShouldBe(999);
        backend.GetInt64("act").ShouldBe(2);
        backend.GetString("algo").ShouldBe("roundrobin");
        backend.GetInt64("h1_bytes_in").ShouldBe(4461);

        var frontend = table[4];
        frontend.Type.ShouldBe(StatRowType.Frontend);
        frontend.Status.State.ShouldBe(ServerState.Open);
        frontend.GetInt64("slim").ShouldBe(9984);
    }

    [Fact]
    public void GetInt64_EmptyCell_IsNullMeaningNotApplicable()
    {
        var table = StatCsvParser.Parse(Capture);

        table[0].GetInt64("slim").ShouldBeNull();
        table[0].GetString("slim").ShouldBeNull();
        table[0].IsEmpty(table.IndexOf("slim")).ShouldBeTrue();
        table[4].GetInt64("qcur").ShouldBeNull();
    }

    [Fact]
    public void Parse_UnknownFutureColumns_AreKeptNotRejected()
    {
        var text = "# pxname,svname,scur,brand_new_field,type,\nfe,FRONTEND,3,42,0,\n\n";

        var table = StatCsvParser.Parse(text);

        table.Count.ShouldBe(1);
        table[0].GetInt64("brand_new_field").ShouldBe(42);
        table[0].GetInt64("scur").ShouldBe(3);
    }

    [Fact]
    public void Parse_ColumnsInAnotherOrder_ReadsByName()
    {
        var text = "# pxname,svname,type,stot,scur,\nbe,s1,2,100,7,\n";

        var row = StatCsvParser.Parse(text)[0];

        row.GetInt64("scur").ShouldBe(7);
        row.GetInt64("stot").ShouldBe(100);
        row.Type.ShouldBe(StatRowType.Server);
    }

    [Fact]
    public void Parse_RowsWithoutTrailingComma_AreAccepted()
    {
        var table = StatCsvParser.Parse("# pxname,svname,scur\nbe,s1,5\nbe,s2,6");

        table.Count.ShouldBe(2);
        table[1].GetInt64("scur").ShouldBe(6);
    }

    [Fact]
    public void Parse_TruncatedReply_SkipsTheCutRowAndSaysSo()
    {
        var cut = Capture[..(Capture.IndexOf("stats,FRONTEND", StringComparison.Ordinal) + 40)];

        var table = StatCsvParser.Parse(cut);

        table.Count.ShouldBe(4);
        table.SkippedRows.ShouldBe(1);
        table.Issues[0].Problem.ShouldStartWith("truncated row");
        table.Issues[0].LineStart.ShouldStartWith("stats,FRONTEND");
    }

    [Fact]
    public void Parse_EmptyServiceName_SkipsRow()
    {
        // HAProxy 2.3 could emit rows with an empty svname; they identify nothing and must not be stored.
        var text = "# pxname,svname,scur,\nbe,,1,\nbe,s1,2,\n,s2,3,\n";

        var table = StatCsvParser.Parse(text);

        table.Count.ShouldBe(1);
        table[0].ServiceName.ShouldBe("s1");
        table.SkippedRows.ShouldBe(2);
        table.Issues.ShouldAllBe(i => i.Problem == "empty proxy or service name");
        table.Issues.Select(i => i.LineNumber).ShouldBe([2, 4]);
    }

    [Fact]
    public void Parse_GarbageLinesAmongRows_AreCountedAndSkipped()
    {
        var text = "# pxname,svname,scur,\nbe,s1,1,\n\u0001\u0002garbage\nbe,s2,2,extra,cells,\nbe,s3,3,\n";

        var table = StatCsvParser.Parse(text);

        table.Select(r => r.ServiceName).ShouldBe(["s1", "s3"]);
        table.SkippedRows.ShouldBe(2);
        table.Issues[0].LineStart.ShouldBe("??garbage");
        table.Issues[1].Problem.ShouldBe("5 cells where the header has 3");
    }

    [Fact]
    public void Parse_OneMegabyteLine_IsSkippedWithoutHarm()
    {
        var text = "# pxname,svname,scur,\nbe,s1,1,\n" + new string('x', 1 << 20) + "\nbe,s2,2,\n";

        var table = StatCsvParser.Parse(text);

        table.Select(r => r.ServiceName).ShouldBe(["s1", "s2"]);
        table.SkippedRows.ShouldBe(1);
        table.Issues[0].LineStart.Length.ShouldBe(80);
    }

    [Fact]
    public void Parse_HugeCell_IsKeptWhole()
    {
        var description = new string('d', 1 << 20);
        var table = StatCsvParser.Parse($"# pxname,svname,check_desc,\nbe,s1,{description},\n");

        table[0].GetString("check_desc")!.Length.ShouldBe(1 << 20);
    }

    [Fact]
    public void Parse_InvalidUtf8_DecodedWithReplacementCharacters_StaysParseable()
    {
        var bytes = Encoding.ASCII.GetBytes("# pxname,svname,check_desc,scur,\nbe,s1,")
            .Concat(new byte[] { 0xC3, 0x28, 0xFF })
            .Concat(Encoding.ASCII.GetBytes(",4,\n"))
            .ToArray();
        var text = Encoding.UTF8.GetString(bytes);

        var row = StatCsvParser.Parse(text)[0];

        row.GetInt64("scur").ShouldBe(4);
        row.GetString("check_desc")!.ShouldContain('\uFFFD');
    }

    [Fact]
    public void GetInt64_NonNumericCell_IsNull()
    {
        var row = StatCsvParser.Parse("# pxname,svname,scur,\nbe,s1,12abc,\n")[0];

        row.GetInt64("scur").ShouldBeNull();
    }

    [Theory]
    [InlineData("")]
    [InlineData("Unknown command. Please enter one of the following commands only:\n")]
    [InlineData("Permission denied\n")]
    [InlineData("pxname,svname\nbe,s1\n")]
    [InlineData("# pxname,\nbe,\n")]
    public void Parse_NotAStatReply_ThrowsClearError(string text)
    {
        var error = Should.Throw<StatParseException>(() => StatCsvParser.Parse(text));

        error.Message.ShouldStartWith("Not a 'show stat' CSV reply");
    }

    [Fact]
    public void Parse_HeaderOnly_HasNoRows()
    {
        var table = StatCsvParser.Parse("# pxname,svname,scur,\n\n");

        table.Count.ShouldBe(0);
        table.SkippedRows.ShouldBe(0);
    }

    [Fact]
    public void Parse_ManyRows_SameCellsAsNaiveSplit()
    {
        // Guards the vectorised delimiter search: cells that straddle 16-char vector blocks must come out whole.
        var random = new Random(7);
        var lines = new List<string> { "# pxname,svname,a,b,c,d," };
        for (var i = 0; i < 500; i++)
        {
            lines.Add($"p{i % 7},s{i},{new string('x', random.Next(0, 40))},{random.Next()},,{new string('y', random.Next(0, 17))},");
        }
        var table = StatCsvParser.Parse(string.Join('\n', lines) + "\n");

        table.Count.ShouldBe(500);
        for (var i = 0; i < 500; i++)
        {
            var expected = lines[i + 1].Split(',');
            for (var c = 0; c < 6; c++)
            {
                table[i].GetSpan(c).ToString().ShouldBe(expected[c]);
            }
        }
    }
}

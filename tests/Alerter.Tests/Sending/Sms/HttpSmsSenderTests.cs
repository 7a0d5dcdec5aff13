using Alerter.Sending.Sms;
using System.Text;

namespace Alerter.Tests.Sending.Sms;

public class HttpSmsSenderTests
{
    [Fact]
    public async Task Build_TwilioStyle_FormFieldsAndBasicAuth()
    {
        var options = new HttpSmsOptions { Url = "https://api.example/Messages.json", Auth = SmsGatewayAuth.Basic, UserName = "AC1", Password = "tok", From = "+1000" };
        using var request = HttpSmsSender.Build(options, "+1555", "CRITICAL lb1: x & y");
        request.Headers.Authorization!.ToString().ShouldBe("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("AC1:tok")));
        (await request.Content!.ReadAsStringAsync()).ShouldBe("To=%2B1555&Body=CRITICAL+lb1%3A+x+%26+y&From=%2B1000");
    }

    [Fact]
    public async Task Build_JsonBearerRenamedFields_JsonObject()
    {
        var options = new HttpSmsOptions
        {
            Url = "https://sms.example/send", Format = SmsGatewayFormat.Json, Auth = SmsGatewayAuth.Bearer, Token = "t0k",
            ToField = "recipient", BodyField = "text", FromField = "", ExtraFields = { ["channel"] = "sms" },
        };
        using var request = HttpSmsSender.Build(options, "+1555", "hello");
        request.Headers.Authorization!.ToString().ShouldBe("Bearer t0k");
        request.Content!.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var json = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(await request.Content.ReadAsStringAsync())!;
        json.ShouldBe(new Dictionary<string, string> { ["channel"] = "sms", ["recipient"] = "+1555", ["text"] = "hello" }, ignoreOrder: true);
    }
}

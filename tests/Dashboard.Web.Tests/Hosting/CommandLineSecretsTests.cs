using Dashboard.Web.Hosting;

namespace Dashboard.Web.Tests.Hosting;

/// <summary>Pure: which secret settings sit on the command line (keys only).</summary>
public sealed class CommandLineSecretsTests
{
    [Fact]
    public void Find_SecretKeysInEitherForm_NotFilesOrOtherSettings()
    {
        CommandLineSecrets.Find([
            "--Dashboard:Auth:Token=abc", "--Dashboard:Auth:PasswordHash", "pbkdf2-sha256$1$a$b", "--Dashboard:Auth:TokenFile=/etc/t",
            "--Kestrel:Endpoints:x:Certificate:Password=p", "--Dashboard:Influx:Password=q", "--Dashboard:Urls=http://127.0.0.1:1", "Token",
        ]).ShouldBe(["Dashboard:Auth:Token", "Dashboard:Auth:PasswordHash", "Kestrel:Endpoints:x:Certificate:Password", "Dashboard:Influx:Password"]);
    }

    [Fact]
    public void Warning_NamesTheKeyAndTheAlternatives() =>
        CommandLineSecrets.Warning("Dashboard:Auth:Token").ShouldBe(
            "Warning: Dashboard:Auth:Token is given on the command line, where ps shows it to every user of this machine; "
            + "use Dashboard:Auth:TokenFile or the environment variable MONITORING__Dashboard__Auth__Token instead.");
}

using Alerter.Store;
using TestSupport;

namespace Alerter.Tests.Store;

public class AlerterStoreOptionsValidatorTests
{
    private static readonly AlerterStoreOptionsValidator Validator = new();

    [Fact]
    public void Validate_MissingDirectoryThatCanBeCreated_CreatesItAndSucceeds()
    {
        using var dir = new TempDirectory("asv");
        var data = dir.Combine("a/b/data");

        Validator.Validate(null, new AlerterStoreOptions { DataDirectory = data }).Succeeded.ShouldBeTrue();

        Directory.Exists(data).ShouldBeTrue();
        Directory.EnumerateFileSystemEntries(data).ShouldBeEmpty("the write probe is removed");
    }

    [Fact]
    public void Validate_DirectoryThatCannotBeCreated_NamesTheSettingThePathAndWhatToDo()
    {
        var result = Validator.Validate(null, new AlerterStoreOptions { DataDirectory = "/proc/monitoring-test/data" });

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldStartWith("Store:DataDirectory '/proc/monitoring-test/data' (/proc/monitoring-test/data) cannot be used: ");
        result.FailureMessage.ShouldEndWith("Point it at a directory this user can write, or fix its permissions.");
    }

    [Theory]
    [InlineData("")]
    [InlineData("sub/alerter.db")]
    public void Validate_DatabaseFileThatIsNotAFileName_Refused(string file)
    {
        using var dir = new TempDirectory("asv");

        var result = Validator.Validate(null, new AlerterStoreOptions { DataDirectory = dir.Path, DatabaseFile = file });

        result.FailureMessage.ShouldBe($"Store:DatabaseFile '{file}' is not a file name; use e.g. alerter.db.");
    }
}

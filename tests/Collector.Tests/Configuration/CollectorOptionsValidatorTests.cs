using Collector.Configuration;

namespace Collector.Tests.Configuration;

public class CollectorOptionsValidatorTests
{
    private static string[] Errors(CollectorOptions options) =>
        new CollectorOptionsValidator().Validate(null, options).Failures?.ToArray() ?? [];

    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Errors(new CollectorOptions()).ShouldBeEmpty();
    }

    [Fact]
    public void Validate_IntervalBelowOneSecond_SaysTheAllowedRange()
    {
        Errors(new CollectorOptions { Interval = TimeSpan.FromMilliseconds(500) })
            .ShouldHaveSingleItem().ShouldContain("Collector:Interval is 00:00:00.5000000; use a value from 00:00:01");
    }

    [Fact]
    public void Validate_BadAddresses_NameTheEntryAndTheFix()
    {
        var errors = Errors(new CollectorOptions
        {
            Endpoints = [new() { Address = "" }, new() { Address = "host:notaport" }, new() { Address = "/run/*/x.sock" }],
        });

        errors.Length.ShouldBe(3);
        errors[0].ShouldStartWith("Collector:Endpoints:0:Address is empty");
        errors[1].ShouldStartWith("Collector:Endpoints:1:Address:");
        errors[2].ShouldContain("wildcards are allowed in the socket file name only");
    }

    [Fact]
    public void Validate_DuplicateHostTags_Refused()
    {
        Errors(new CollectorOptions
        {
            Endpoints = [new() { Address = "/a.sock", Host = "x" }, new() { Address = "/b.sock", Host = "x" }],
        }).ShouldHaveSingleItem().ShouldContain("Host 'x' is used by another endpoint");
    }

    [Fact]
    public void EffectivePollTimeout_CappedAtEightyPercentOfInterval()
    {
        new CollectorOptions { Interval = TimeSpan.FromSeconds(1) }.EffectivePollTimeout.ShouldBe(TimeSpan.FromMilliseconds(800));
    }

    [Fact]
    public void SqliteValidator_UnwritableDirectory_SaysWhichAndWhat()
    {
        var errors = new SqliteStoreOptionsValidator().Validate(null, new SqliteStoreOptions { DataDirectory = "/proc/nope" }).Failures;

        errors.ShouldNotBeNull().ShouldHaveSingleItem().ShouldContain("Collector:Sqlite:DataDirectory '/proc/nope'");
    }

    [Fact]
    public void SqliteValidator_RollupShorterThanRaw_Refused()
    {
        using var dir = new TestSupport.TempDirectory("val");
        var errors = new SqliteStoreOptionsValidator().Validate(null, new SqliteStoreOptions
        {
            DataDirectory = dir.Path,
            RawRetention = TimeSpan.FromDays(2),
            RollupRetention = TimeSpan.FromDays(1),
        }).Failures;

        errors.ShouldNotBeNull().ShouldHaveSingleItem().ShouldContain("RollupRetention");
    }
}

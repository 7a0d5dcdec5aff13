using ServiceDefaults;
using Microsoft.Extensions.Options;

namespace Alerter.Hosting;

/// <summary>Start-time checks of <see cref="QuartzStoreOptions"/>, with messages that say what to change.</summary>
public sealed class QuartzStoreOptionsValidator : IValidateOptions<QuartzStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, QuartzStoreOptions options)
    {
        var failures = new List<string>();
        if (options.ConnectionStringFile is { Length: > 0 } secret && ReadableFile.Problem(secret) is { } unreadable)
        {
            return ValidateOptionsResult.Fail(ReadableFile.Describe("Alerter:Quartz:ConnectionStringFile", secret, unreadable));
        }
        if (options.Provider == QuartzStoreProvider.Postgres && string.IsNullOrWhiteSpace(options.ResolveConnectionString()))
        {
            failures.Add("Alerter:Quartz:Provider is Postgres but no connection string is set: set MONITORING__Alerter__Quartz__ConnectionString or Alerter:Quartz:ConnectionStringFile.");
        }
        if (options.CheckinInterval <= TimeSpan.Zero)
        {
            failures.Add($"Alerter:Quartz:CheckinInterval must be positive (got {options.CheckinInterval}).");
        }
        if (options.CheckinMisfireThreshold < options.CheckinInterval)
        {
            failures.Add($"Alerter:Quartz:CheckinMisfireThreshold ({options.CheckinMisfireThreshold}) must be at least CheckinInterval ({options.CheckinInterval}).");
        }
        if (options.Provider == QuartzStoreProvider.Sqlite && options.SqliteFile is { Length: > 0 } file)
        {
            // The default file sits in Store:DataDirectory, which AlerterStoreOptionsValidator checks.
            var directory = Path.GetDirectoryName(Path.GetFullPath(file))!;
            if (WritableDirectory.Problem(directory) is { } problem)
            {
                failures.Add(WritableDirectory.Describe("Alerter:Quartz:SqliteFile's directory", directory, problem));
            }
        }
        if (string.IsNullOrWhiteSpace(options.SchedulerName))
        {
            failures.Add("Alerter:Quartz:SchedulerName must not be empty.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

using Microsoft.Extensions.Options;

namespace Alerter.Hosting;

/// <summary>Start-time checks of <see cref="QuartzStoreOptions"/>, with messages that say what to change.</summary>
public sealed class QuartzStoreOptionsValidator : IValidateOptions<QuartzStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, QuartzStoreOptions options)
    {
        var failures = new List<string>();
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
        if (string.IsNullOrWhiteSpace(options.SchedulerName))
        {
            failures.Add("Alerter:Quartz:SchedulerName must not be empty.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

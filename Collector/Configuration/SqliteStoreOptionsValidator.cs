using ServiceDefaults;
using Microsoft.Extensions.Options;

namespace Collector.Configuration;

/// <summary>Checks <see cref="SqliteStoreOptions"/> and that the data directory can be created and written.</summary>
public sealed class SqliteStoreOptionsValidator : IValidateOptions<SqliteStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, SqliteStoreOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }
        var errors = new List<string>();
        if (options.RawRetention < TimeSpan.FromMinutes(1))
        {
            errors.Add($"Collector:Sqlite:RawRetention is {options.RawRetention}; keep samples at least 00:01:00 (default 1.00:00:00 = 24 h).");
        }
        if (options.RollupRetention < options.RawRetention)
        {
            errors.Add($"Collector:Sqlite:RollupRetention ({options.RollupRetention}) is shorter than RawRetention ({options.RawRetention}); roll-ups are meant to be kept longer (default 30.00:00:00).");
        }
        if (options.MaintenanceInterval < TimeSpan.FromSeconds(1))
        {
            errors.Add($"Collector:Sqlite:MaintenanceInterval is {options.MaintenanceInterval}; use at least 00:00:01 (default 00:05:00).");
        }
        if (string.IsNullOrWhiteSpace(options.FileName) || options.FileName.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            errors.Add($"Collector:Sqlite:FileName '{options.FileName}' is not a file name; use e.g. collector.db.");
        }
        else if (WritableDirectory.Problem(options.DataDirectory) is { } problem)
        {
            errors.Add(WritableDirectory.Describe("Collector:Sqlite:DataDirectory", options.DataDirectory, problem));
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

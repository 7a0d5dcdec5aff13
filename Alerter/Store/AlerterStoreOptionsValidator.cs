using ServiceDefaults;
using Microsoft.Extensions.Options;

namespace Alerter.Store;

/// <summary>
/// The worker's data directory must be writable before it starts: otherwise the first checkpoint or outbox write
/// would fail inside a job, long after start-up said nothing.
/// </summary>
public sealed class AlerterStoreOptionsValidator : IValidateOptions<AlerterStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, AlerterStoreOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.DatabaseFile) || options.DatabaseFile.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            return ValidateOptionsResult.Fail($"Store:DatabaseFile '{options.DatabaseFile}' is not a file name; use e.g. alerter.db.");
        }
        return WritableDirectory.Problem(options.DataDirectory) is { } problem
            ? ValidateOptionsResult.Fail(WritableDirectory.Describe("Store:DataDirectory", options.DataDirectory, problem))
            : ValidateOptionsResult.Success;
    }
}

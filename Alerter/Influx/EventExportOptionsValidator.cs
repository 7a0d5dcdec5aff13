using Storage.Influx;
using Microsoft.Extensions.Options;

namespace Alerter.Influx;

/// <summary>What the Alerter's InfluxDB settings need beyond the sink's own checks.</summary>
public sealed class EventExportOptionsValidator : IValidateOptions<InfluxOptions>
{
    public ValidateOptionsResult Validate(string? name, InfluxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Url) || options.Precision is InfluxPrecision.Microseconds or InfluxPrecision.Nanoseconds)
        {
            return ValidateOptionsResult.Success;
        }
        return ValidateOptionsResult.Fail(
            $"{AlerterInfluxRegistration.Section}:Precision is {options.Precision}; events need Microseconds (the default) or Nanoseconds: "
            + "two transitions of one server within a millisecond are told apart by a microsecond offset (see docs/schema.md).");
    }
}

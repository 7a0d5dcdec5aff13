using Alerter.Hosting;
using Alerter.Sending.TestEmail;
using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Alerter.Commands;

/// <summary><c>alerter test-email</c>: delegates to the <see cref="ITestEmailCommand"/> the delivery side registers.</summary>
public static class TestEmailCommandLine
{
    public const string NotAvailable = "test-email is not available in this build";

    public static Command Create(Option<FileInfo?> config)
    {
        var to = new Option<string?>("--to") { Description = "Send to this address instead of the configured recipients." };
        var command = new Command("test-email", "Send a test message with the current SMTP settings and name any problem plainly.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        var verbose = new Option<bool>("--verbose") { Description = "Print the SMTP conversation (AUTH secrets redacted)." };
        command.Options.Add(to);
        command.Options.Add(verbose);
        command.SetAction((parse, token) => AlerterHostFactory.GuardAsync(async () =>
        {
            var builder = AlerterHostFactory.CreateBuilder(parse.UnmatchedTokens, parse.GetValue(config), LogLevel.Warning);
            builder.Services.AddAlerterCore(builder.Configuration, requireSources: false);
            AlerterHostFactory.CheckSettings(builder, writeWarnings: true);
            using var host = builder.Build();
            if (host.Services.GetService<ITestEmailCommand>() is not { } testEmail)
            {
                await Console.Error.WriteLineAsync(NotAvailable).ConfigureAwait(false);
                return 3;
            }
            return await testEmail.RunAsync(parse.GetValue(to), Console.Out, token, parse.GetValue(verbose)).ConfigureAwait(false);
        }));
        return command;
    }
}

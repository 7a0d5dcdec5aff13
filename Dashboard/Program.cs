using Dashboard.Cli;

// Composition only: each subcommand (top, web, hash-password) registers itself.
return await DashboardCommandLine.Build().Parse(args).InvokeAsync();

using Dashboard.Cli;

// Composition only: each subcommand registers itself (top now; web later).
return await DashboardCommandLine.Build().Parse(args).InvokeAsync();

using Alerter.Commands;

// Composition only: the commands and the host registration live in Commands/ and Hosting/.
return await AlerterCli.Build().Parse(args).InvokeAsync();

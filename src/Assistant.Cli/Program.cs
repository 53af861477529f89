using System.CommandLine;
using Assistant.Cli.Commands;

var root = new RootCommand("assistant: ingest, search and benchmark the Assistant knowledge base.")
{
    IngestCommand.Create(),
    SearchCommand.Create(),
    AskCommand.Create(),
    EvalCommand.Create(),
    VersionsCommand.Create(),
    HashPasswordCommand.Create(),
    BenchCommand.Create(),
};
try
{
    // Ctrl+C cancels the command's token; the 30 s (instead of 2) let bench scale-out stop the replicas, the gateway and
    // its PostgreSQL cluster before the process ends.
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = TimeSpan.FromSeconds(30) });
}
catch (Exception exception) when (exception is Microsoft.Extensions.Options.OptionsValidationException or Assistant.Core.Storage.Postgres.DatabaseUnreachableException)
{
    // A setting the user can fix: say which, without a stack trace.
    Console.Error.WriteLine($"error: {exception.Message}");
    return 1;
}

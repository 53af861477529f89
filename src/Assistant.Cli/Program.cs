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
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Microsoft.Extensions.Options.OptionsValidationException exception)
{
    // A setting the user can fix: say which, without a stack trace.
    Console.Error.WriteLine($"error: {exception.Message}");
    return 1;
}

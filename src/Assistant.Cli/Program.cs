using System.CommandLine;
using Assistant.Cli.Commands;

var root = new RootCommand("assistant: ingest, search and benchmark the Assistant knowledge base.")
{
    IngestCommand.Create(),
    SearchCommand.Create(),
    AskCommand.Create(),
    EvalCommand.Create(),
    HashPasswordCommand.Create(),
    BenchCommand.Create(),
};
return await root.Parse(args).InvokeAsync();

using System.CommandLine;
using Assistant.Core.Answers;
using Assistant.Core.Knowledge;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Assistant.Cli.Commands;

internal static class AskCommand
{
    public static Command Create()
    {
        var question = new Argument<string>("question") { Description = "The question, in plain words." };
        var data = new Option<string?>("--data") { Description = "Data folder for the SQLite index." };
        var command = new Command("ask", "Answer a question from the knowledge base, with verified citations.") { question, data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = CliHost.Build(Overrides.From(parse.GetValue(data), null));
            await host.Services.GetRequiredService<KnowledgeBase>().IngestAndEmbedDefaultFolderAsync(cancellationToken);
            var answer = await host.Services.GetRequiredService<AnswerService>().AnswerAsync(new AnswerRequest(parse.GetValue(question)!), cancellationToken);
            AnswerPrinter.Print(answer);
            return answer.Outcome == AnswerOutcome.Answered ? 0 : 3;
        });
        return command;
    }
}

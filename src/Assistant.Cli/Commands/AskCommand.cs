using System.CommandLine;
using Assistant.Core.Answers;
using Assistant.Core.Knowledge;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Cli.Commands;

internal static class AskCommand
{
    public static Command Create()
    {
        var question = new Argument<string>("question") { Description = "The question, in plain words." };
        var data = new Option<string?>("--data") { Description = "Data folder for the SQLite index." };
        var knowledge = new Option<string?>("--knowledge") { Description = "Knowledge folder (default: Assistant:KnowledgeDirectory, 'knowledge')." };
        var asUser = new Option<string?>("--as")
        {
            Description = "Ask as this customer, in a conversation, as the web chat does: a request to act (\"refund INV-2026-0142\") is planned and " +
                "proposed for them to confirm in the web UI or over the API. Nothing is ever run from here.",
        };
        var conversation = new Option<string?>("--conversation") { Description = "Continue this conversation of the --as user (default: a new one)." };
        var web = new Option<string>("--web") { Description = "The web app's address, for the confirm links printed.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var command = new Command("ask", "Answer a question from the knowledge base, with verified citations; with --as, propose the action it asks for.")
        {
            question, data, knowledge, asUser, conversation, web,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = CliHost.Build(Overrides.From(parse.GetValue(data), parse.GetValue(knowledge)));
            await host.Services.GetRequiredService<KnowledgeBase>().IngestAndEmbedDefaultFolderAsync(cancellationToken);
            await host.Services.GetRequiredService<Assistant.Core.Answers.Semantic.SentenceWarmup>().RunAsync(cancellationToken);
            if (parse.GetValue(asUser) is { } username)
            {
                return await AskInConversation.RunAsync(host.Services, username, parse.GetValue(question)!, parse.GetValue(conversation), parse.GetValue(web)!, cancellationToken);
            }
            var answer = await host.Services.GetRequiredService<AnswerService>().AnswerAsync(new AnswerRequest(parse.GetValue(question)!), cancellationToken);
            AnswerPrinter.Print(answer);
            return answer.Outcome == AnswerOutcome.Answered ? 0 : 3;
        });
        return command;
    }
}

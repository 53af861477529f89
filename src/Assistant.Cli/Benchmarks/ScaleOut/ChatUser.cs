using System.Net;
using System.Text.Json;

namespace Assistant.Cli.Benchmarks.ScaleOut;

/// <summary>
/// An end user chatting: a new conversation, then follow-up questions in it, searching the help center between
/// them; the next request goes as soon as the last one is answered (closed loop).
/// </summary>
internal sealed class ChatUser(ScaleOutClient client, LoadQuestions questions, int conversationLength, int firstQuestion, WriteLedger ledger)
{
    private int _next = firstQuestion;

    public async Task RunAsync(CancellationToken stop, CancellationToken abort)
    {
        while (!stop.IsCancellationRequested)
        {
            var (status, created) = await client.SendAsync("conversation", HttpMethod.Post, "/api/conversations", null, [], abort);
            if (status != HttpStatusCode.Created || created is not { } body)
            {
                await Task.Delay(100, abort);
                continue;
            }
            var conversation = body.GetProperty("id").GetString()!;
            ledger.Conversations.Enqueue(conversation);
            for (var turn = 0; turn < conversationLength && !stop.IsCancellationRequested; turn++)
            {
                var question = questions.At(_next++);
                var (asked, answer) = await client.SendAsync(RequestRecord.Answer, HttpMethod.Post, $"/api/conversations/{conversation}/messages",
                    new { content = question }, [], abort);
                ledger.Messages.Enqueue(new SentMessage(conversation, question,
                    asked == HttpStatusCode.OK && answer is { } json ? json.GetProperty("messageId").GetString() : null));
                if (turn % 2 == 1 && !stop.IsCancellationRequested)
                {
                    await client.SendAsync("search", HttpMethod.Get, $"/api/search?k=5&q={Uri.EscapeDataString(question)}", null, [], abort);
                }
            }
        }
    }
}

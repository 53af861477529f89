using Assistant.Core.Answers;
using Assistant.Core.Conversations;
using Assistant.Core.Models;
using Assistant.Core.Tracing;

namespace Assistant.Web.Conversations;

public static class ConversationsExtensions
{
    public static WebApplicationBuilder AddConversations(this WebApplicationBuilder builder)
    {
        builder.Services.AddAssistantModels();
        builder.Services.AddAssistantTracing();
        builder.Services.AddAssistantAnswers();
        builder.Services.AddAssistantConversations();
        return builder;
    }

    public static IEndpointRouteBuilder MapConversations(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/conversations").WithTags("Conversations").RequireAuthorization();
        group.MapPost("/", ConversationEndpoints.Create).WithSummary("Start a conversation.");
        group.MapGet("/", ConversationEndpoints.List).WithSummary("The signed-in user's conversations, newest first.");
        group.MapGet("/{id}", ConversationEndpoints.Get).WithSummary("A conversation with its messages and answers.");
        group.MapPost("/{id}/messages", ConversationEndpoints.Ask)
            .WithSummary("Ask a question. Returns the verified answer; with Accept: text/event-stream, streams text as it is produced, then the verified answer.");
        app.MapGet("/api/traces/{id}", ConversationEndpoints.GetTrace).WithTags("Conversations").RequireAuthorization()
            .WithSummary("The trace of one answer (for whoever asked, or support staff).");
        return app;
    }
}

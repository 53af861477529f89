using Microsoft.Extensions.AI;

namespace Assistant.Core.Models.Middleware;

public static class ReplyValidatingChatClientBuilderExtensions
{
    /// <summary>Adds <see cref="ReplyValidatingChatClient"/>: an unusable reply becomes <see cref="InvalidDataException"/>.</summary>
    public static ChatClientBuilder UseReplyValidation(this ChatClientBuilder builder) =>
        builder.Use(inner => new ReplyValidatingChatClient(inner));
}

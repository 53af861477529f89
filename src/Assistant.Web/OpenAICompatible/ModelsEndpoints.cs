using Assistant.Core.Answers.Generation;
using Assistant.Core.Models;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Assistant.Web.OpenAICompatible;

/// <summary>
/// GET /v1/models and /v1/models/{id}: OpenAI clients list models before they chat (the SDK's models.list). The
/// names are the ones /v1/chat/completions reports as "model": the configured model when there is one, and always
/// the offline extractive generator, which answers when no model is configured and when the model fails.
/// </summary>
public static class ModelsEndpoints
{
    public static IEndpointRouteBuilder MapModels(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/models").WithTags("OpenAI-compatible").RequireAuthorization();
        group.MapGet("/", List).WithSummary("The models /v1/chat/completions answers with, in OpenAI's list format.");
        group.MapGet("/{**id}", Get).WithSummary("One model by id, in OpenAI's format; 404 for any other id.");
        return app;
    }

    public static Ok<ModelList> List(IOptions<ModelOptions> options) =>
        TypedResults.Ok(new ModelList("list", Available(options.Value)));

    public static Results<Ok<ModelInfo>, ProblemHttpResult> Get(string id, IOptions<ModelOptions> options)
    {
        // Model ids contain a slash, which clients send encoded ("assistant%2Fextractive-v1") or not.
        id = Uri.UnescapeDataString(id);
        return Available(options.Value).FirstOrDefault(model => model.Id == id) is { } model
            ? TypedResults.Ok(model)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Model not found",
                detail: $"There is no model \"{id}\"; GET /v1/models lists the ones served.");
    }

    // Created times are fixed: the OpenAI format requires one, and these models have no meaningful creation date here.
    private static List<ModelInfo> Available(ModelOptions options)
    {
        var models = new List<ModelInfo>();
        if (options.IsConfigured)
        {
            models.Add(new ModelInfo($"assistant/{options.Model}", "model", 0, "assistant"));
        }
        models.Add(new ModelInfo($"assistant/{ExtractiveChatClient.ModelId}", "model", 0, "assistant"));
        return models;
    }
}

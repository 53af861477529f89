using System.Globalization;
using Assistant.Core.Privacy;
using Assistant.Core.Retrieval;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Assistant.Web.Search;

public static class SearchEndpoints
{
    private const int MaxQueryLength = 2000;

    public static WebApplicationBuilder AddSearch(this WebApplicationBuilder builder)
    {
        builder.Services.AddAssistantRetrieval();
        return builder;
    }

    public static IEndpointRouteBuilder MapSearch(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/search").WithTags("Search").RequireAuthorization();
        group.MapGet("/", Search)
            .WithName("Search")
            .WithSummary("Hybrid (BM25 + vector) search over the knowledge index.")
            .WithDescription("q: the query (required). k: passages to return (default 5). filter: field:value, repeatable (tags:billing, audience:customers, category:policies, document:policies/refund-policy).");
        return app;
    }

    /// <summary>
    /// Parameters arrive as strings and are checked here, so every mistake gets a problem-details answer that names
    /// the parameter, rather than the framework's bare 400 for a failed binding.
    /// </summary>
    public static async Task<Results<Ok<SearchResponse>, ValidationProblem, ProblemHttpResult>> Search(
        string? q, string? k, string[]? filter, HybridRetriever retriever, KnowledgeIndex index,
        IOptions<RetrievalOptions> options, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(q))
        {
            errors["q"] = ["The query is required: pass ?q=your+question."];
        }
        else if (q.Length > MaxQueryLength)
        {
            errors["q"] = [$"The query is {q.Length} characters; the limit is {MaxQueryLength}."];
        }

        var top = options.Value.DefaultTop;
        if (k is not null && (!int.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out top) || top < 1 || top > options.Value.MaxTop))
        {
            errors["k"] = [$"k must be a whole number from 1 to {options.Value.MaxTop}; got '{k}'."];
        }

        if (!ChunkFilter.TryParse(filter ?? [], out var chunkFilter, out var filterError))
        {
            errors["filter"] = [filterError!];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The search request is not valid.");
        }
        if (!index.IsLoaded)
        {
            return TypedResults.Problem("The knowledge index is still loading; try again in a moment.",
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "Index not ready");
        }

        // The response echoes the query; a card number or secret searched for is not sent back.
        var response = await retriever.SearchAsync(new SearchRequest(SensitiveDataRedactor.Redact(q).Text, top, chunkFilter), cancellationToken);
        return TypedResults.Ok(response);
    }
}

using System.Security.Claims;
using Assistant.Core.Knowledge.Screening;
using Assistant.Web.Auth;
using Assistant.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Assistant.Web.ContentReview;

/// <summary>What an admin sends to clear a flag: the article, the flagged sentence's hash, and why (optional).</summary>
public sealed record ClearFlagRequest(string? DocumentId, string? Hash, string? Note);

/// <summary>Flagged article text (sentences that speak to the assistant) for admins to review and clear: /api/content/flags and /admin/content.</summary>
public static class ContentReviewExtensions
{
    public static WebApplicationBuilder AddContentReview(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ContentReviewService>();
        return builder;
    }

    public static IEndpointRouteBuilder MapContentReview(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/content/flags").WithTags("Content review").RequireAuthorization(Roles.AdminPolicy);
        group.MapGet("/", List).WithSummary("Indexed articles with sentences that speak to the assistant, each open or cleared. Admins only.");
        group.MapPost("/clear", Clear).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Clears one flagged sentence ({documentId, hash, note}): stored, audited, kept while the sentence is unchanged. Admins only.");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<FlaggedArticle>>> List(ContentReviewService reviews, CancellationToken cancellationToken) =>
        TypedResults.Ok(await reviews.ListAsync(cancellationToken));

    public static async Task<IResult> Clear(HttpRequest request, ClaimsPrincipal user, ContentReviewService reviews, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<ClearFlagRequest>(request, 16 * 1024, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        if (string.IsNullOrWhiteSpace(body!.DocumentId))
        {
            return JsonBody.Invalid("documentId", "Name the article: {\"documentId\": \"policies/refund-policy\", \"hash\": \"...\"}.");
        }
        if (string.IsNullOrWhiteSpace(body.Hash))
        {
            return JsonBody.Invalid("hash", "Name the flagged sentence by its hash, as GET /api/content/flags lists it.");
        }
        if (body.Note?.Length > 1_000)
        {
            return JsonBody.Invalid("note", "The note is longer than 1000 characters.");
        }
        var review = await reviews.ClearAsync(user.Actor(), body.DocumentId.Trim(), body.Hash.Trim(), body.Note, cancellationToken);
        return review is null
            ? TypedResults.Problem($"No flagged sentence {body.Hash} in '{body.DocumentId}' (it may have been edited; list the flags again).", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(review);
    }
}

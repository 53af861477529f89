using Assistant.Web.Knowledge;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Assistant.Web.Health;

/// <summary>
/// What an orchestrator asks by status code alone (Kubernetes probes, a compose healthcheck), where /api/health
/// answers 200 with the state in its body for people and the gateway's own policy.
/// </summary>
public static class ProbeEndpoints
{
    /// <summary>The process is up and serving HTTP; nothing it depends on is asked, so a database outage never restarts every replica.</summary>
    public static Ok<PublicStatus> Live() => TypedResults.Ok(new PublicStatus("live"));

    /// <summary>
    /// 200 once start-up ingestion has finished (also when it failed and the previous index is served: "degraded"),
    /// 503 while the first index is still being built, so no traffic reaches a replica with nothing to search.
    /// </summary>
    public static Results<Ok<PublicStatus>, JsonHttpResult<PublicStatus>> Ready(StartupIngestion startup) =>
        startup.Completed.IsCompleted
            ? TypedResults.Ok(new PublicStatus(startup.Error is null ? "ready" : "degraded"))
            : TypedResults.Json(new PublicStatus("ingesting"), statusCode: StatusCodes.Status503ServiceUnavailable);

    public static IEndpointRouteBuilder MapProbes(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/healthz").WithTags("Health").AllowAnonymous();
        group.MapGet("/live", Live).WithSummary("Liveness: 200 while the process serves HTTP.");
        group.MapGet("/ready", Ready).WithSummary("Readiness: 200 once the knowledge index is loaded, 503 while the first ingest runs.");
        return app;
    }
}

using System.Globalization;
using Assistant.Core.Audit;
using Assistant.Web.Auth;
using Assistant.Web.Http;

namespace Assistant.Web.Actions;

/// <summary>The audit log of tool actions, for admins: a filtered page newest first, or the complete record as JSONL.</summary>
public static class AuditEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization(Roles.AdminPolicy);
        group.MapGet("/", List).Produces<IReadOnlyList<AuditEntry>>().ProducesValidationProblem().WithSummary("Audit entries newest first, filtered by actor, tool, event, actionId, from, to; limit 1-1000 (default 100). Admins only.");
        group.MapGet("/export", Export).Produces(StatusCodes.Status200OK, contentType: "application/x-ndjson").ProducesValidationProblem().WithSummary("Every matching audit entry, oldest first, as a JSONL (application/x-ndjson) download. Admins only.");
    }

    public static async Task<IResult> List(HttpRequest request, IAuditLog audit, CancellationToken cancellationToken)
    {
        var (query, problem) = ReadQuery(request.Query, withLimit: true);
        return problem ?? TypedResults.Ok(await audit.ListAsync(query!, cancellationToken));
    }

    public static IResult Export(HttpRequest request, IAuditLog audit, TimeProvider time)
    {
        var (query, problem) = ReadQuery(request.Query, withLimit: false);
        if (problem is not null)
        {
            return problem;
        }
        var fileName = $"audit-{time.GetUtcNow():yyyyMMdd-HHmmss}.jsonl";
        return TypedResults.Stream(stream => audit.ExportJsonlAsync(stream, query!, request.HttpContext.RequestAborted), "application/x-ndjson", fileName);
    }

    private static (AuditQuery? Query, IResult? Problem) ReadQuery(IQueryCollection values, bool withLimit)
    {
        var errors = new Dictionary<string, string[]>();
        string? Text(string name) => values[name] is { Count: > 0 } value && !string.IsNullOrWhiteSpace(value[0]) ? value[0]!.Trim() : null;
        DateTimeOffset? Time(string name)
        {
            if (Text(name) is not { } text)
            {
                return null;
            }
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                return at;
            }
            errors[name] = [$"'{text}' is not a date and time; use ISO 8601, for example 2026-11-22T09:00:00Z."];
            return null;
        }

        var auditEvent = Text("event");
        if (auditEvent is not null && !AuditEvent.IsKnown(auditEvent))
        {
            errors["event"] = [$"Unknown event '{auditEvent}'; events are: {string.Join(", ", AuditEvent.All)}."];
        }
        var (from, to) = (Time("from"), Time("to"));
        if (from is not null && to is not null && from >= to)
        {
            errors["to"] = ["'to' must be later than 'from' (from is inclusive, to exclusive)."];
        }
        var limit = 100;
        if (Text("limit") is { } limitText)
        {
            if (!withLimit)
            {
                errors["limit"] = ["An export is the complete record; filter by time instead of a limit."];
            }
            else if (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > AuditQuery.MaxLimit)
            {
                errors["limit"] = [$"limit is a whole number from 1 to {AuditQuery.MaxLimit}."];
            }
        }
        return errors.Count > 0
            ? (null, TypedResults.ValidationProblem(errors, title: "The request is not valid."))
            : (new AuditQuery(Text("actor"), Text("tool"), auditEvent, Text("actionId"), from, to, limit), null);
    }
}

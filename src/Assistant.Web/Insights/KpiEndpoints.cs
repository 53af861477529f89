using Assistant.Core.Insights;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Assistant.Web.Insights;

/// <summary>The dashboard's data for a date range (yyyy-MM-dd, UTC days, both included), as JSON or CSV.</summary>
public static class KpiEndpoints
{
    public static async Task<Results<Ok<InsightsReport>, ValidationProblem>> Get(
        string? from, string? to, InsightsService insights, TimeProvider time, CancellationToken cancellationToken)
    {
        var (range, errors) = InsightsRange.Parse(from, to, Today(time));
        return range is null
            ? TypedResults.ValidationProblem(errors, title: "The date range is not valid.")
            : TypedResults.Ok(await insights.BuildAsync(range, cancellationToken));
    }

    public static async Task<Results<FileContentHttpResult, ValidationProblem>> Csv(
        string? from, string? to, InsightsService insights, TimeProvider time, CancellationToken cancellationToken)
    {
        var (range, errors) = InsightsRange.Parse(from, to, Today(time));
        if (range is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The date range is not valid.");
        }
        var report = await insights.BuildAsync(range, cancellationToken);
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(KpiCsv.Write(report)), "text/csv; charset=utf-8",
            $"kpis-{range.From:yyyy-MM-dd}-{range.To:yyyy-MM-dd}.csv");
    }

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
}

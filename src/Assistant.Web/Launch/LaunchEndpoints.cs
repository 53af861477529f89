using Assistant.Core.Launch;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Assistant.Web.Launch;

/// <summary>The launch checklist API: JSON for tools, Markdown for people.</summary>
public static class LaunchEndpoints
{
    public static async Task<Ok<LaunchChecklist>> Get(LaunchReadiness readiness, CancellationToken cancellationToken) =>
        TypedResults.Ok(await readiness.CheckAsync(cancellationToken));

    public static async Task<ContentHttpResult> Markdown(LaunchReadiness readiness, CancellationToken cancellationToken) =>
        TypedResults.Text(LaunchMarkdown.Render(await readiness.CheckAsync(cancellationToken)), "text/markdown; charset=utf-8");
}

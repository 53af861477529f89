using System.Text;

namespace Assistant.Core.Launch;

/// <summary>The checklist as Markdown, to paste into a launch review or a release pull request.</summary>
public static class LaunchMarkdown
{
    public static string Render(LaunchChecklist checklist)
    {
        var text = new StringBuilder();
        text.AppendLine($"# Launch readiness: {(checklist.Ready ? "READY" : "NOT READY")}").AppendLine();
        text.AppendLine($"Checked {LaunchText.At(checklist.CheckedAt)}; {checklist.ReadyCount} of {checklist.Items.Count} items ready. " +
            $"Version to launch: {(checklist.Version is { } version ? $"`{version}` ({checklist.VersionSource})" : $"unknown ({checklist.VersionSource})")}.").AppendLine();
        text.AppendLine("| item | state | evidence | fix |").AppendLine("|---|---|---|---|");
        foreach (var item in checklist.Items)
        {
            var fix = item.Fix.Href is { } href ? $"{item.Fix.Text} ({href})" : item.Fix.Text;
            text.AppendLine($"| {Cell(item.Title)} | {State(item.State)} | {Cell(item.Detail)} | {Cell(fix)} |");
        }
        return text.ToString();
    }

    public static string State(LaunchState state) => state switch
    {
        LaunchState.Ready => "ready",
        LaunchState.NotReady => "NOT READY",
        _ => "unknown",
    };

    private static string Cell(string value) => value.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}

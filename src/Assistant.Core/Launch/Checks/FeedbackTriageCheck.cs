using Assistant.Core.Audit;
using Assistant.Core.Feedback;
using Assistant.Core.Feedback.Triage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Assistant.Core.Launch.Checks;

/// <summary>Users can rate answers, and someone works the triage queue: no thumbs-down waits past the backlog window.</summary>
public sealed class FeedbackTriageCheck(IServiceProvider services, IAuditLog audit, IOptions<LaunchOptions> options) : ILaunchCheck
{
    public static readonly LaunchCheckSpec Spec = new("feedback-triage", "Feedback and triage on",
        "Feedback and its triage queue are running in this host, and no thumbs-down has waited untriaged longer than Assistant:Launch:TriageBacklogDays.",
        new LaunchFix("Triage the waiting thumbs-down on the Feedback page.", "/agent/feedback"));

    public async Task<LaunchItem> CheckAsync(LaunchContext context, CancellationToken cancellationToken)
    {
        // Resolved here, not injected: a host without the feedback feature must get a red item, not a start-up error.
        if (services.GetService<IFeedbackStore>() is null || services.GetService<ITriageStore>() is not { } triage)
        {
            return Spec.NotReady("Feedback or its triage queue is not registered in this host (AddAssistantFeedback, AddAssistantFeedbackTriage).");
        }
        var days = options.Value.TriageBacklogDays;
        var counts = await triage.CountByCauseAsync(cancellationToken);
        var total = counts.Sum(count => count.Count);
        var waiting = counts.Where(count => count.Cause is null).Sum(count => count.Count);
        var stale = await triage.ListAsync(new TriageFilter(Status: TriageStatus.New, To: context.Now.AddDays(-days), Limit: 100), cancellationToken);
        var last = (await audit.ListAsync(new AuditQuery(Event: AuditEvent.FeedbackTriaged, Limit: 1), cancellationToken)).FirstOrDefault();
        var lastText = last is null ? "nothing triaged yet" : $"last triaged by {last.Actor} on {LaunchText.At(last.At)}";
        var summary = $"{LaunchText.Count(total, "thumbs-down", "thumbs-down")}, {waiting} untriaged; {lastText}";
        if (stale.Count > 0)
        {
            var oldest = stale.Min(item => item.Feedback.UpdatedAt);
            return Spec.NotReady($"{(stale.Count >= 100 ? "100 or more" : stale.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))} thumbs-down untriaged for over {days} days (oldest from {LaunchText.At(oldest)}). {summary}.");
        }
        return Spec.Ready($"Feedback and triage are on: {summary}; none waiting over {days} days.");
    }
}

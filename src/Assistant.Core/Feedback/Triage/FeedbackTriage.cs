using Assistant.Core.Actions;
using Assistant.Core.Audit;

namespace Assistant.Core.Feedback.Triage;

/// <summary>
/// The two things an agent does in triage, each recorded in the audit log: label feedback (and move its status), and
/// turn triaged feedback into a golden case. The API and the /agent/feedback page both come through here.
/// </summary>
public sealed class FeedbackTriage(ITriageStore triage, IGoldenCaseDraftStore drafts, IAuditLog audit)
{
    private const string AuditTool = "feedback";

    /// <summary>Null when there is no such negative feedback; throws <see cref="InvalidTriageException"/> on a bad update.</summary>
    public async Task<TriageItem?> TriageAsync(string feedbackId, TriageUpdate update, Actor agent, CancellationToken cancellationToken = default)
    {
        var triaged = await triage.TriageAsync(feedbackId, update, agent.Username, cancellationToken);
        if (triaged is not null)
        {
            await audit.AppendAsync(new AuditRecord(agent.Username, agent.Role, AuditEvent.FeedbackTriaged, AuditTool, "ok",
                ActionId: feedbackId, Detail: $"{triaged.Status}: {triaged.Cause}"), cancellationToken);
        }
        return triaged;
    }

    /// <summary>
    /// Null when there is no such negative feedback. Throws <see cref="InvalidTriageException"/> when the case is invalid
    /// or the feedback has not been triaged: a case comes from a person having read the trace and named the cause.
    /// </summary>
    public async Task<GoldenCaseDraft?> AddToGoldenSetAsync(string feedbackId, GoldenCaseRequest request, Actor agent, CancellationToken cancellationToken = default)
    {
        if (await triage.GetAsync(feedbackId, cancellationToken) is not { } item)
        {
            return null;
        }
        if (item.Status == TriageStatus.New)
        {
            throw new InvalidTriageException("status", "Triage the feedback (name its cause) before writing a golden case from it.");
        }
        var draft = await drafts.SaveAsync(feedbackId, request, agent.Username, cancellationToken);
        await audit.AppendAsync(new AuditRecord(agent.Username, agent.Role, AuditEvent.GoldenCaseWritten, AuditTool, "ok",
            ActionId: feedbackId, Detail: draft.ToGoldenCase().Id), cancellationToken);
        return draft;
    }
}

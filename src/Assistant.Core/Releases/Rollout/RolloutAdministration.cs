using Assistant.Core.Audit;
using Assistant.Core.Storage;

namespace Assistant.Core.Releases.Rollout;

/// <summary>
/// Changes to the rollout: start or change a candidate, promote it, roll it back (an admin, or the guards as "system").
/// Each is stored with its event in one transaction (only if nobody changed the rollout meanwhile), in force in this
/// process at once, and audited.
/// </summary>
public sealed class RolloutAdministration(IRolloutStore store, CurrentRollout rollout, PublishedVersions versions, IAuditLog audit,
    ReleaseMetrics metrics)
{
    /// <summary>The audit log's tool name for rollout changes.</summary>
    public const string AuditTool = "releases";

    /// <summary>
    /// Rolls <paramref name="candidateId"/> out to <paramref name="audience"/>; the same candidate again changes only its
    /// audience (its answers so far keep counting). Throws <see cref="RolloutConflictException"/> when the version is
    /// unknown, a draft, or the stable version.
    /// </summary>
    public async Task<RolloutState> SetCandidateAsync(RolloutActor actor, string candidateId, RolloutAudience audience, CancellationToken cancellationToken = default)
    {
        var current = await store.ReadAsync(cancellationToken);
        var candidate = await versions.GetAsync(candidateId, cancellationToken)
            ?? throw new RolloutConflictException($"Version '{candidateId}' is not published (or does not exist): only a published version can be rolled out.");
        var stable = await versions.StableAsync(current, cancellationToken);
        if (candidate.Id == stable.Id)
        {
            throw new RolloutConflictException($"Version '{candidateId}' is already the stable version.");
        }
        var now = store.Now;
        var same = current.CandidateId == candidate.Id;
        var next = current with
        {
            CandidateId = candidate.Id,
            Audience = audience,
            StartedAt = same ? current.StartedAt : now,
            ChangedBy = actor.Username,
            ChangedAt = now,
        };
        var detail = same
            ? $"Candidate {candidate.Id} now goes to {audience.Describe()} (was {current.Audience.Describe()})."
            : $"Candidate {candidate.Id} rolled out against stable {stable.Id} to {audience.Describe()}"
                + (current.CandidateId is { } replaced ? $"; replaces candidate {replaced}." : ".");
        await CommitAsync(current, next, new ReleaseEvent(Ids.New("release"), now, same ? ReleaseEvent.Changed : ReleaseEvent.Started,
            actor.Username, stable.Id, candidate.Id, detail), new AuditRecord(actor.Username, actor.Role, AuditEvent.RolloutChanged, AuditTool, "ok", Detail: detail),
            cancellationToken);
        return next;
    }

    /// <summary>The candidate becomes stable for everyone. Throws <see cref="RolloutConflictException"/> with no candidate.</summary>
    public async Task<RolloutState> PromoteAsync(RolloutActor actor, CancellationToken cancellationToken = default)
    {
        var current = await store.ReadAsync(cancellationToken);
        var candidate = current.CandidateId ?? throw new RolloutConflictException("There is no candidate to promote.");
        var previous = (await versions.StableAsync(current, cancellationToken)).Id;
        var now = store.Now;
        var next = new RolloutState(candidate, null, RolloutAudience.Nobody, null, actor.Username, now);
        var detail = $"Candidate {candidate} promoted: it is stable for everyone (was {previous}).";
        await CommitAsync(current, next, new ReleaseEvent(Ids.New("release"), now, ReleaseEvent.Promoted, actor.Username, previous, candidate, detail),
            new AuditRecord(actor.Username, actor.Role, AuditEvent.RolloutPromoted, AuditTool, "ok", Detail: detail), cancellationToken);
        return next;
    }

    /// <summary>
    /// Everyone goes back to stable: the candidate is cleared. <paramref name="breach"/> is the guard that failed when the
    /// guards roll back (actor "system"). Throws <see cref="RolloutConflictException"/> with no candidate, or when
    /// <paramref name="expectedCandidate"/> is no longer the candidate.
    /// </summary>
    public async Task<RolloutState> RollbackAsync(RolloutActor actor, string? reason = null, GuardBreach? breach = null, string? expectedCandidate = null,
        CancellationToken cancellationToken = default)
    {
        var current = await store.ReadAsync(cancellationToken);
        var candidate = current.CandidateId ?? throw new RolloutConflictException("There is no candidate to roll back.");
        if (expectedCandidate is not null && expectedCandidate != candidate)
        {
            throw new RolloutConflictException($"The candidate is now {candidate}, not {expectedCandidate}.");
        }
        var stable = (await versions.StableAsync(current, cancellationToken)).Id;
        var now = store.Now;
        var next = current with { CandidateId = null, Audience = RolloutAudience.Nobody, StartedAt = null, ChangedBy = actor.Username, ChangedAt = now };
        var detail = $"Candidate {candidate} rolled back; everyone gets stable {stable}. " + (breach is null ? reason ?? "By hand." : Describe(breach));
        await CommitAsync(current, next, new ReleaseEvent(Ids.New("release"), now, ReleaseEvent.RolledBack, actor.Username, stable, candidate, detail, breach),
            new AuditRecord(actor.Username, actor.Role, AuditEvent.RolloutRolledBack, AuditTool, breach is null ? "manual" : "automatic", Detail: detail),
            cancellationToken);
        metrics.RolledBack(automatic: breach is not null);
        metrics.CandidateShare(0);
        return next;
    }

    public static string Describe(GuardBreach breach) =>
        $"Guard {breach.Metric} breached: candidate {breach.Candidate:0.####} against stable {breach.Stable:0.####} (allowed {breach.Allowed:0.####}), "
        + $"on {breach.CandidateSample} candidate and {breach.StableSample} stable answers.";

    private async Task CommitAsync(RolloutState current, RolloutState next, ReleaseEvent happened, AuditRecord record, CancellationToken cancellationToken)
    {
        if (!await store.WriteAsync(current, next, happened, cancellationToken))
        {
            throw new RolloutConflictException("The rollout changed meanwhile (another admin or the guards); reload and try again.");
        }
        rollout.Hold(next);
        await audit.AppendAsync(record, CancellationToken.None);
    }
}

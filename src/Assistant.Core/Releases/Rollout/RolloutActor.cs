using Assistant.Core.Audit;

namespace Assistant.Core.Releases.Rollout;

/// <summary>
/// Who changes a rollout: an admin (username and role, as audited) or the guards. Its own small type rather than the
/// Actions feature's actor, so Releases does not depend on Actions (which depends on Releases for the enabled tools).
/// </summary>
public sealed record RolloutActor(string Username, string Role)
{
    /// <summary>The guards, rolling a candidate back with no person involved.</summary>
    public static RolloutActor System { get; } = new(AuditRecord.SystemActor, AuditRecord.SystemActor);
}

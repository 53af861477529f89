using Assistant.Core.Releases;
using Assistant.Core.Releases.Rollout;

namespace Assistant.Web.Releases;

/// <summary>Puts the releases view together, for the API and the page alike.</summary>
public sealed class ReleasesViewBuilder(CurrentRollout rollout, PublishedVersions versions, RolloutGuards guards, IRolloutStore store, IUserGroups groups)
{
    public async Task<ReleasesView> BuildAsync(CancellationToken cancellationToken = default)
    {
        var state = await rollout.CurrentAsync(cancellationToken);
        var stable = await versions.StableAsync(state, cancellationToken);
        var candidate = state.CandidateId is { } id ? await versions.GetAsync(id, cancellationToken) : null;
        return new ReleasesView(
            ReleaseVersion.Of(stable),
            candidate is null ? null : ReleaseVersion.Of(candidate),
            candidate is null ? [] : VersionDiff.Between(stable.Settings, candidate.Settings),
            state.Audience, state.StartedAt, state.ChangedBy, state.ChangedAt,
            await guards.CompareAsync(state, cancellationToken),
            groups.Known,
            await store.EventsAsync(20, cancellationToken: cancellationToken));
    }
}

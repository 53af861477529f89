using Microsoft.FeatureManagement;
using Microsoft.FeatureManagement.FeatureFilters;

namespace Assistant.Core.Releases.Rollout;

/// <summary>
/// Chooses per answer: the rollout's candidate for a user its audience targets, stable for everyone else (and for an
/// anonymous caller, whom no percentage can keep on one side). The rollout and the published versions are held in
/// memory, so a choice costs a hash and no database read on most answers.
/// </summary>
public sealed class RolloutVersionSelector(CurrentRollout rollout, PublishedVersions versions, IFeatureManager features, IUserGroups groups)
    : IVersionSelector
{
    public async ValueTask<VersionChoice> ChooseAsync(string? userId, CancellationToken cancellationToken = default)
    {
        var state = await rollout.CurrentAsync(cancellationToken);
        var stable = new VersionChoice(await versions.StableAsync(state, cancellationToken), ReleaseArm.Stable);
        if (state.CandidateId is not { } candidateId || string.IsNullOrEmpty(userId))
        {
            return stable;
        }
        var context = new TargetingContext { UserId = userId, Groups = groups.GroupsOf(userId) };
        if (!await features.IsEnabledAsync(RolloutFeatureDefinitions.FeatureName, context))
        {
            return stable;
        }
        return await versions.GetAsync(candidateId, cancellationToken) is { } candidate ? new VersionChoice(candidate, ReleaseArm.Candidate) : stable;
    }
}

using Microsoft.Extensions.Options;

namespace Assistant.Core.Releases.Rollout;

/// <summary>Compares the running rollout's candidate with its stable version, over the answers since it started.</summary>
public sealed class RolloutGuards(IArmSamples samples, PublishedVersions versions, IOptions<ReleasesOptions> options)
{
    /// <summary>The comparison, or null when no candidate is rolled out.</summary>
    public async Task<GuardReport?> CompareAsync(RolloutState state, CancellationToken cancellationToken = default)
    {
        if (state is not { CandidateId: { } candidate, StartedAt: { } since })
        {
            return null;
        }
        var stable = await versions.StableAsync(state, cancellationToken);
        var (stableSample, candidateSample) = await samples.ReadAsync(stable.Id, candidate, since, cancellationToken);
        return GuardEvaluation.Evaluate(stableSample, candidateSample, options.Value);
    }
}

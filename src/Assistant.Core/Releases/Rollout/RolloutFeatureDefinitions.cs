using System.Runtime.CompilerServices;
using Microsoft.FeatureManagement;
using Microsoft.FeatureManagement.FeatureFilters;

namespace Assistant.Core.Releases.Rollout;

/// <summary>
/// Feeds Microsoft.FeatureManagement the one feature a rollout is: "assistant-release-candidate", on for the
/// rollout's audience through the targeting filter (named users, whole groups, and a default percentage that the
/// library assigns by hashing the user id, so it is sticky). Built from the stored rollout rather than from
/// configuration, so an admin's change is in force within a second, without a restart.
/// </summary>
public sealed class RolloutFeatureDefinitions(CurrentRollout rollout) : IFeatureDefinitionProvider
{
    public const string FeatureName = "assistant-release-candidate";

    // The targeting filter's alias, which both TargetingFilter and ContextualTargetingFilter answer to.
    private const string TargetingFilterName = "Microsoft.Targeting";

    public async Task<FeatureDefinition> GetFeatureDefinitionAsync(string featureName)
    {
        if (!string.Equals(featureName, FeatureName, StringComparison.Ordinal))
        {
            return null!;
        }
        return Define(await rollout.CurrentAsync());
    }

    public async IAsyncEnumerable<FeatureDefinition> GetAllFeatureDefinitionsAsync()
    {
        yield return Define(await rollout.CurrentAsync());
    }

    internal static FeatureDefinition Define(RolloutState state)
    {
        if (!state.HasCandidate)
        {
            return new FeatureDefinition { Name = FeatureName, Status = FeatureStatus.Disabled };
        }
        var audience = new Audience
        {
            Users = state.Audience.Users.ToList(),
            // A group is all in: partial groups would make "who has the candidate" hard to say to people.
            Groups = state.Audience.Groups.Select(group => new GroupRollout { Name = group, RolloutPercentage = 100 }).ToList(),
            DefaultRolloutPercentage = state.Audience.Percentage,
        };
        return new FeatureDefinition
        {
            Name = FeatureName,
            EnabledFor = [new FeatureFilterConfiguration { Name = TargetingFilterName, ParametersObject = new TargetingFilterSettings { Audience = audience } }],
        };
    }
}

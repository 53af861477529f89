namespace Assistant.Core.Releases.Rollout;

/// <summary>
/// The groups a user belongs to, for targeting a rollout at a group: the host knows its users (the web app's account
/// directory gives roles and configured groups such as "beta-testers"); without one, nobody is in any group.
/// </summary>
public interface IUserGroups
{
    IReadOnlyList<string> GroupsOf(string userId);

    /// <summary>Every group someone is in, to offer in the audience editor and to refuse a misspelt one.</summary>
    IReadOnlyList<string> Known { get; }
}

/// <summary>The default when the host knows no groups.</summary>
public sealed class NoUserGroups : IUserGroups
{
    public IReadOnlyList<string> GroupsOf(string userId) => [];

    public IReadOnlyList<string> Known => [];
}

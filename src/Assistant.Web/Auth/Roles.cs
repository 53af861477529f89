using Assistant.Core.Actions;

namespace Assistant.Web.Auth;

/// <summary>The three kinds of people the product serves, and the policies built on them.</summary>
public static class Roles
{
    public const string User = ActorRole.User;
    public const string Agent = ActorRole.Agent;
    public const string Admin = ActorRole.Admin;

    public static readonly string[] All = [User, Agent, Admin];

    /// <summary>Support staff: agents and admins.</summary>
    public const string StaffPolicy = "staff";

    public const string AdminPolicy = "admin";
}

namespace Assistant.Web.Auth;

/// <summary>The three kinds of people the product serves, and the policies built on them.</summary>
public static class Roles
{
    public const string User = "user";
    public const string Agent = "agent";
    public const string Admin = "admin";

    public static readonly string[] All = [User, Agent, Admin];

    /// <summary>Support staff: agents and admins.</summary>
    public const string StaffPolicy = "staff";

    public const string AdminPolicy = "admin";
}

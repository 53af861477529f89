namespace Assistant.Core.Actions;

/// <summary>
/// The roles a signed-in person can hold, from least to most trusted. The web layer issues them as role claims;
/// tools and approvals compare them here, so every permission check reads the same way.
/// </summary>
public static class ActorRole
{
    public const string User = "user";
    public const string Agent = "agent";
    public const string Admin = "admin";

    /// <summary>The actor for steps no person took (expiry).</summary>
    public const string System = "system";

    public static bool IsStaff(string role) => role is Agent or Admin;
}

/// <summary>Who is acting: the signed-in username and their role.</summary>
public sealed record Actor(string Username, string Role)
{
    public bool IsStaff => ActorRole.IsStaff(Role);

    public bool IsAdmin => Role == ActorRole.Admin;

    public static Actor System { get; } = new(ActorRole.System, ActorRole.System);
}

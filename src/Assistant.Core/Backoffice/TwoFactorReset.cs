namespace Assistant.Core.Backoffice;

/// <summary>A recorded two-factor reset, with who asked for it and how their identity was checked.</summary>
public sealed record TwoFactorReset(string Id, string CustomerId, string RequestedBy, string IdentityCheckNote, DateTimeOffset CreatedAt);

namespace Assistant.Core.Backoffice;

/// <summary>A paying organization's contact, tied to one sign-in username.</summary>
public sealed record Customer(string Id, string Username, string Name, string Email, string Company);

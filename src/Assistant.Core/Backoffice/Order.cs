namespace Assistant.Core.Backoffice;

/// <summary>A purchase: a plan, a renewal or added seats.</summary>
public sealed record Order(string Id, string CustomerId, DateTimeOffset CreatedAt, string Description, decimal Amount, string Currency);

namespace Assistant.Core.Backoffice;

/// <summary>A plan change waiting for the end of the billing period (downgrades, annual → monthly).</summary>
public sealed record ScheduledPlanChange(string CustomerId, string Plan, string BillingCycle, DateOnly EffectiveOn, DateTimeOffset CreatedAt);

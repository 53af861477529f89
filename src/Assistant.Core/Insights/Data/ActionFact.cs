namespace Assistant.Core.Insights.Data;

/// <summary>A proposed tool action and where it ended up (see <see cref="Actions.ActionStatus"/>).</summary>
public sealed record ActionFact(string Id, string Status, DateTimeOffset CreatedAt);

namespace Assistant.Core.Knowledge.Screening;

/// <summary>An admin's decision that a flagged sentence is ordinary help text. It holds for that exact text only.</summary>
public sealed record FlagReview(string DocumentId, string Hash, string ClearedBy, DateTimeOffset ClearedAt, string? Note);

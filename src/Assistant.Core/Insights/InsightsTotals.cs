namespace Assistant.Core.Insights;

/// <summary>The counts behind the rates, so a reader can tell 50 % of 2 from 50 % of 2,000.</summary>
public sealed record InsightsTotals(int Replies, int Questions, int Conversations, int Handoffs, int ActionsProposed, int ThumbsUp, int ThumbsDown);

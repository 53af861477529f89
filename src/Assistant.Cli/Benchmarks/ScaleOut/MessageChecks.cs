namespace Assistant.Cli.Benchmarks.ScaleOut;

/// <summary>Conversations and messages: every one a user was told was accepted is stored, and none twice.</summary>
internal static class MessageChecks
{
    public const string ConversationsName = "Created conversations stored";
    public const string MessagesName = "Accepted messages stored exactly once";

    public static async Task<CheckResult> ConversationsAsync(StoredRows data, WriteLedger ledger, CancellationToken cancellationToken)
    {
        var created = ledger.Conversations.ToArray();
        var stored = (await data.QueryAsync(["conversations"], "SELECT id FROM conversations WHERE id = ANY(@ids)",
            reader => reader.GetString(0), cancellationToken, ("ids", created))).ToHashSet(StringComparer.Ordinal);
        var missing = created.Count(id => !stored.Contains(id));
        return CheckResult.Of(ConversationsName, created.Length, missing, $"{created.Length} created (201), {missing} missing");
    }

    /// <summary>
    /// An accepted message (200) must have its answer row (the id the client got) and its question row. A question
    /// stored more often than the client sent it is a duplicate. A message whose request failed may be stored (the
    /// replica wrote it, then died before answering): that is counted, not a failure.
    /// </summary>
    public static async Task<CheckResult> MessagesAsync(StoredRows data, WriteLedger ledger, CancellationToken cancellationToken)
    {
        var sent = ledger.Messages.ToArray();
        var conversations = sent.Select(m => m.ConversationId).Distinct().ToArray();
        var rows = await data.QueryAsync(["messages"], "SELECT conversation_id, id, role, content FROM messages WHERE conversation_id = ANY(@ids)",
            reader => (Conversation: reader.GetString(0), Id: reader.GetString(1), Role: reader.GetString(2), Content: reader.GetString(3)),
            cancellationToken, ("ids", conversations));
        var answers = rows.Where(r => r.Role == "assistant").Select(r => (r.Conversation, r.Id)).ToHashSet();
        var questions = rows.Where(r => r.Role == "user").GroupBy(r => (r.Conversation, r.Content)).ToDictionary(g => g.Key, g => g.Count());

        var accepted = sent.Where(m => m.MessageId is not null).ToList();
        var answersMissing = accepted.Count(m => !answers.Contains((m.ConversationId, m.MessageId!)));
        int questionsMissing = 0, duplicates = 0, storedAfterFailure = 0;
        foreach (var group in sent.GroupBy(m => (m.ConversationId, m.Question)))
        {
            var ok = group.Count(m => m.MessageId is not null);
            var failed = group.Count() - ok;
            var stored = questions.GetValueOrDefault(group.Key);
            questionsMissing += Math.Max(ok - stored, 0);
            duplicates += Math.Max(stored - ok - failed, 0);
            storedAfterFailure += Math.Min(Math.Max(stored - ok, 0), failed);
        }
        var failedRequests = sent.Length - accepted.Count;
        return CheckResult.Of(MessagesName, accepted.Count, answersMissing + questionsMissing + duplicates,
            $"{accepted.Count} accepted (200): {answersMissing} answers and {questionsMissing} questions missing, {duplicates} stored more than once; " +
            $"of {failedRequests} messages whose request failed, {storedAfterFailure} were stored anyway");
    }
}

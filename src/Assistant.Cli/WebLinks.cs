namespace Assistant.Cli;

/// <summary>Where the web app shows a conversation and takes decisions, for the next steps the CLI prints.</summary>
internal sealed record WebLinks(string BaseUrl, string ConversationId)
{
    private string Base => BaseUrl.TrimEnd('/');

    public string Chat => $"{Base}/chat/{ConversationId}";

    public string ReviewQueue => $"{Base}/agent/actions";

    public string Token(string username) =>
        $"TOKEN=$(curl -s {Base}/api/auth/token -H 'Content-Type: application/json' -d '{{\"username\": \"{username}\", \"password\": \"PASSWORD\"}}' | jq -r .accessToken)";

    public string Decide(string actionId, string verb) => $"curl -s -X POST {Base}/api/actions/{actionId}/{verb} -H \"Authorization: Bearer $TOKEN\"";
}

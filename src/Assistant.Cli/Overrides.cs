namespace Assistant.Cli;

internal static class Overrides
{
    public static Dictionary<string, string?> From(string? dataDirectory, string? knowledgeDirectory)
    {
        var overrides = new Dictionary<string, string?>();
        if (dataDirectory is not null)
        {
            overrides["Assistant:DataDirectory"] = dataDirectory;
        }
        if (knowledgeDirectory is not null)
        {
            overrides["Assistant:KnowledgeDirectory"] = knowledgeDirectory;
        }
        return overrides;
    }
}

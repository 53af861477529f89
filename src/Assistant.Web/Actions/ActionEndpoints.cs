namespace Assistant.Web.Actions;

/// <summary>HTTP API for tool actions (filled in next).</summary>
public static class ActionEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
    }
}

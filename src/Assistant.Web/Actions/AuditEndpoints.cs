namespace Assistant.Web.Actions;

/// <summary>HTTP API for the audit log (filled in next).</summary>
public static class AuditEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
    }
}

namespace Assistant.Gateway.RequestIds;

public static class RequestIdExtensions
{
    public static IApplicationBuilder UseRequestIds(this IApplicationBuilder app) => app.UseMiddleware<RequestIdMiddleware>();
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Assistant.Web.Tests.Privacy;

/// <summary>Turns request logging on in front of the app, as an operator might, to show it never writes a body.</summary>
internal sealed class HttpLoggingStartup : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseHttpLogging();
        next(app);
    };
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Assistant.Web.Tests.Privacy;

public sealed class LogFilterTests
{
    [Fact]
    public async Task Log_categories_that_carry_user_text_stay_quiet_even_when_configuration_turns_logging_up()
    {
        await using var factory = new AssistantWebFactory(ingestOnStartup: false);
        await using var host = factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Logging:LogLevel:Default", "Trace");
            builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Trace");
            builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics", "Trace");
            builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.SignalR", "Trace");
        });
        var loggers = host.Services.GetRequiredService<ILoggerFactory>();

        Assert.False(loggers.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics").IsEnabled(LogLevel.Information));
        Assert.False(loggers.CreateLogger("Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher").IsEnabled(LogLevel.Debug));
        Assert.False(loggers.CreateLogger("Microsoft.AspNetCore.Http.Connections.Internal.HttpConnectionManager").IsEnabled(LogLevel.Debug));
        Assert.True(loggers.CreateLogger("Microsoft.AspNetCore.Routing.EndpointMiddleware").IsEnabled(LogLevel.Debug));
    }
}

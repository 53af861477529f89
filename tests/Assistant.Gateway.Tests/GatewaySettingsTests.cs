using Assistant.Gateway.Tests.Support;
using Microsoft.Extensions.Options;

namespace Assistant.Gateway.Tests;

public sealed class GatewaySettingsTests
{
    [Theory]
    [InlineData("Gateway:RateLimits:PermitLimit", "0", "PermitLimit")]
    [InlineData("Gateway:RateLimits:WindowSeconds", "-5", "WindowSeconds")]
    [InlineData("Gateway:Retries:MaxRetries", "11", "MaxRetries")]
    public async Task An_invalid_setting_stops_the_gateway_at_start_naming_the_field(string key, string value, string field)
    {
        await using var gateway = new GatewayFactory("http://127.0.0.1:1", "http://127.0.0.1:1", "http://127.0.0.1:1");
        gateway.Settings[key] = value;

        var error = Assert.Throws<OptionsValidationException>(gateway.Start);

        Assert.Contains(field, error.Message);
    }
}

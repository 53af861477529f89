namespace Assistant.Gateway.Retries;

public static class RetryExtensions
{
    public static WebApplicationBuilder AddRetries(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RetryOptions>().BindConfiguration(RetryOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        return builder;
    }
}

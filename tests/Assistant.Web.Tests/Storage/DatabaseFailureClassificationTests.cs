using System.Text.Json;
using Assistant.Web.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Xunit;

namespace Assistant.Web.Tests.Storage;

/// <summary>Which database failures the client is told to retry (503 with Retry-After) and which stay server faults.</summary>
public sealed class DatabaseFailureClassificationTests
{
    [Theory]
    [InlineData("40001", "Database busy")]
    [InlineData("40P01", "Database busy")]
    [InlineData("57P01", "Database unavailable")]
    [InlineData("53300", "Database unavailable")]
    public async Task PostgreSQL_failures_worth_retrying_answer_503_with_retry_after(string sqlState, string title)
    {
        // Wrapped, as a store's caller sees it when the failure surfaces through another layer.
        var failure = new InvalidOperationException("store failed", new PostgresException("failed", "ERROR", "ERROR", sqlState));

        var (handled, context) = await HandleAsync(failure);

        Assert.True(handled);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.Equal("2", context.Response.Headers.RetryAfter.ToString());
        context.Response.Body.Position = 0;
        using var problem = await JsonDocument.ParseAsync(context.Response.Body, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(title, problem.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_PostgreSQL_connection_that_fails_on_the_wire_answers_503()
    {
        var (handled, context) = await HandleAsync(new NpgsqlException("Exception while reading from stream", new EndOfStreamException()));

        Assert.True(handled);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
    }

    [Theory]
    [InlineData("23505")]
    [InlineData("42P01")]
    public async Task A_PostgreSQL_error_that_retrying_cannot_mend_is_left_to_the_500_handler(string sqlState)
    {
        var (handled, context) = await HandleAsync(new PostgresException("failed", "ERROR", "ERROR", sqlState));

        Assert.False(handled);
        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
    }

    private static async Task<(bool Handled, DefaultHttpContext Context)> HandleAsync(Exception failure)
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Response.Body = new MemoryStream();
        var handler = new DatabaseBusyExceptionHandler(services.GetRequiredService<IProblemDetailsService>(), NullLogger<DatabaseBusyExceptionHandler>.Instance);
        var handled = await handler.TryHandleAsync(context, failure, TestContext.Current.CancellationToken);
        return (handled, context);
    }
}

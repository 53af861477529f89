using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Assistant.Web.Storage;

/// <summary>
/// A database that stayed locked past the busy timeout (another process holding a long write transaction) is a
/// temporary condition, not a server fault: answer 503 with Retry-After as problem details, never 500.
/// </summary>
public sealed class DatabaseBusyExceptionHandler(IProblemDetailsService problems, ILogger<DatabaseBusyExceptionHandler> logger) : IExceptionHandler
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int RetryAfterSeconds = 2;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsBusy(exception) || httpContext.Response.HasStarted)
        {
            return false;
        }
        logger.LogWarning(exception, "The database was busy; answered 503");
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Database busy",
                Detail = $"The database is busy with another write; nothing was saved. Retry in {RetryAfterSeconds} seconds.",
            },
        });
    }

    private static bool IsBusy(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked })
            {
                return true;
            }
        }
        return false;
    }
}

using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Assistant.Web.Storage;

/// <summary>
/// A database that stayed locked past the busy timeout (SQLite: another process holding a long write transaction), or
/// that is briefly out of reach (PostgreSQL: a restart or failover, a full connection pool, a serialization failure
/// or deadlock nobody retried) is a temporary condition, not a server fault: answer 503 with Retry-After as problem
/// details, never 500.
/// </summary>
public sealed class DatabaseBusyExceptionHandler(IProblemDetailsService problems, ILogger<DatabaseBusyExceptionHandler> logger) : IExceptionHandler
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const string SerializationFailure = "40001";
    private const string DeadlockDetected = "40P01";
    private const int RetryAfterSeconds = 2;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (httpContext.Response.HasStarted || Classify(exception) is not { } problem)
        {
            return false;
        }
        logger.LogWarning(exception, "{Problem}; answered 503", problem.Title);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = problem.Title,
                Detail = problem.Detail,
            },
        });
    }

    private static (string Title, string Detail)? Classify(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            switch (exception)
            {
                case SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked }:
                case PostgresException { SqlState: SerializationFailure or DeadlockDetected }:
                    return ("Database busy", $"The database is busy with another write; nothing was saved. Retry in {RetryAfterSeconds} seconds.");
                case NpgsqlException { IsTransient: true }:
                    return ("Database unavailable", $"The database could not be reached just now. Retry in {RetryAfterSeconds} seconds.");
            }
        }
        return null;
    }
}

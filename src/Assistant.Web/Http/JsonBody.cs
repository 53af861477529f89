using System.Text.Json;

namespace Assistant.Web.Http;

/// <summary>
/// Reads a JSON request body with a size limit and turns every way it can be wrong into a problem-details answer
/// that says what was wrong (the framework's own binding failure is a bare 400).
/// </summary>
public static class JsonBody
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Skip };

    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return (null, TooLarge(maxBytes));
            }
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0)
        {
            return (null, Invalid("body", "The request body is empty; send a JSON object."));
        }
        try
        {
            var value = JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), Options);
            return value is null ? (null, Invalid("body", "The request body is JSON null; send a JSON object.")) : (value, null);
        }
        catch (JsonException exception)
        {
            return (null, Invalid("body", $"The request body is not valid JSON for this endpoint: {exception.Message}"));
        }
    }

    public static IResult Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The request is not valid.");

    private static IResult TooLarge(int maxBytes) =>
        TypedResults.Problem($"The request body is larger than {maxBytes / 1024} KB.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request too large");
}

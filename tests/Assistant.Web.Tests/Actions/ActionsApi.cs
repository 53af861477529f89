using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace Assistant.Web.Tests.Actions;

/// <summary>The calls the action tests make over HTTP, with the status and the JSON body of each answer.</summary>
internal static class ActionsApi
{
    public static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static async Task<(HttpStatusCode Status, JsonElement Body)> ProposeAsync(HttpClient client, string tool, object? arguments = null, string? conversationId = null) =>
        await SendAsync(client.PostAsJsonAsync("/api/actions", new { tool, arguments = arguments ?? new { }, conversationId }, Cancel));

    public static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(HttpClient client, string url, object? body = null) =>
        await SendAsync(body is null ? client.PostAsync(url, null, Cancel) : client.PostAsJsonAsync(url, body, Cancel));

    public static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(HttpClient client, string url) =>
        await SendAsync(client.GetAsync(url, Cancel));

    public static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(Task<HttpResponseMessage> sending)
    {
        using var response = await sending;
        var text = await response.Content.ReadAsStringAsync(Cancel);
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>Proposes as the requester and confirms; returns the action after confirmation.</summary>
    public static async Task<JsonElement> ProposeAndConfirmAsync(HttpClient requester, string tool, object arguments)
    {
        var (proposed, action) = await ProposeAsync(requester, tool, arguments);
        Assert.Equal(HttpStatusCode.Created, proposed);
        var (confirmed, after) = await PostAsync(requester, $"/api/actions/{Id(action)}/confirm");
        Assert.Equal(HttpStatusCode.OK, confirmed);
        return after;
    }

    /// <summary>The invoice's status and refunded amount as its owner's look-up reports them ("paid", "$0.00").</summary>
    public static async Task<(string Status, string Refunded)> InvoiceAsync(HttpClient owner, string number)
    {
        var (status, action) = await ProposeAsync(owner, "look_up_invoice", new { invoice = number });
        Assert.Equal(HttpStatusCode.Created, status);
        return (Detail(action, "Status"), Detail(action, "Refunded"));
    }

    public static string Id(JsonElement action) => action.GetProperty("id").GetString()!;

    public static string Status(JsonElement action) => action.GetProperty("status").GetString()!;

    /// <summary>The "after" value of a result detail by label.</summary>
    public static string Detail(JsonElement action, string label) =>
        action.GetProperty("result").GetProperty("details").EnumerateArray()
            .First(d => d.GetProperty("label").GetString() == label).GetProperty("after").GetString()!;

    public static IEnumerable<string> ErrorFields(JsonElement problem) =>
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name);

    public static async Task<JsonElement[]> AuditAsync(HttpClient admin, string query = "")
    {
        var (status, body) = await GetAsync(admin, $"/api/audit{query}");
        Assert.Equal(HttpStatusCode.OK, status);
        return [.. body.EnumerateArray()];
    }
}

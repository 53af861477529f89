using System.Text.Json;

namespace Assistant.Cli.Benchmarks.ScaleOut;

/// <summary>
/// The demo backoffice the tools act on: what it holds must equal what the executed actions did, once each. A refund
/// applied twice shows as more refunded on its invoice than the executed refunds asked for.
/// </summary>
internal static class BackofficeChecks
{
    public const string RefundsName = "Refunds applied once in the backoffice";
    public const string TicketsName = "Tickets opened once in the backoffice";

    public static async Task<CheckResult> RefundsAsync(StoredRows data, CancellationToken cancellationToken)
    {
        var history = await ActionHistory.ReadAsync(data, ["pending_actions"], cancellationToken);
        var expected = history.Actions.Values
            .Where(a => a.Tool == "request_refund" && a.Status == "executed")
            .Select(a => Refund(a.ArgumentsJson))
            .GroupBy(r => r.Invoice, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Sum(r => r.Cents), StringComparer.OrdinalIgnoreCase);
        var invoices = await data.QueryAsync(["backoffice_invoices"], "SELECT number, refunded_cents FROM backoffice_invoices",
            reader => (Number: reader.GetString(0), Refunded: Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture)), cancellationToken);
        var wrong = invoices.Where(i => i.Refunded != expected.GetValueOrDefault(i.Number)).ToList();
        var unknown = expected.Keys.Count(number => !invoices.Any(i => string.Equals(i.Number, number, StringComparison.OrdinalIgnoreCase)));
        return CheckResult.Of(RefundsName, invoices.Count, wrong.Count + unknown,
            $"{invoices.Count} invoices, {expected.Values.Sum() / 100.0:F2} refunded by executed actions: " +
            (wrong.Count == 0 ? "every invoice's refunded amount matches" : string.Join("; ", wrong.Take(5).Select(w => $"{w.Number} refunded {w.Refunded} cents, actions asked {expected.GetValueOrDefault(w.Number)}"))));
    }

    public static async Task<CheckResult> TicketsAsync(StoredRows data, CancellationToken cancellationToken)
    {
        var history = await ActionHistory.ReadAsync(data, ["pending_actions"], cancellationToken);
        var executed = history.Actions.Values.Count(a => a.Tool == "open_ticket" && a.Status == "executed");
        var tickets = (await data.QueryAsync(["backoffice_tickets"], "SELECT count(*) FROM backoffice_tickets", reader => reader.GetInt64(0), cancellationToken)).Single();
        var difference = (int)Math.Abs(tickets - executed);
        return CheckResult.Of(TicketsName, executed, difference, $"{executed} open_ticket actions executed, {tickets} tickets in the backoffice");
    }

    /// <summary>The invoice and cents of a refund's arguments ({"invoice": "INV-…", "amount": 0.03, …}).</summary>
    public static (string Invoice, long Cents) Refund(string argumentsJson)
    {
        using var json = JsonDocument.Parse(argumentsJson);
        var invoice = json.RootElement.GetProperty("invoice").GetString() ?? "";
        var amount = json.RootElement.TryGetProperty("amount", out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDecimal() : 0m;
        return (invoice, (long)Math.Round(amount * 100m, MidpointRounding.AwayFromZero));
    }
}

using System.Globalization;

namespace Assistant.Core.Actions.Tools;

/// <summary>US-dollar amounts as the help center writes them: $1,440.00.</summary>
public static class Money
{
    public static string Usd(decimal amount) =>
        (amount < 0 ? "−$" : "$") + Math.Abs(amount).ToString("N2", CultureInfo.InvariantCulture);

    /// <summary>A difference with its sign: +$960.00 or −$120.00.</summary>
    public static string Difference(decimal amount) => amount >= 0 ? "+" + Usd(amount) : Usd(amount);

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}

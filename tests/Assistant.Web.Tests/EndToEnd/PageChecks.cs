using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;

namespace Assistant.Web.Tests.EndToEnd;

/// <summary>Measurements the UI tests share: axe-core's verdict, colour contrast, sideways scrolling, keyboard moves.</summary>
public static partial class PageChecks
{
    private static readonly string AxeScript = File.ReadAllText(
        Path.Combine(AssistantWebFactory.RepositoryRoot, "tests", "Assistant.Web.Tests", "EndToEnd", "Axe", "axe.min.js"));

    /// <summary>Runs axe-core (vendored, see EndToEnd/Axe/README.md) with the WCAG 2.0/2.1 A and AA rules; one line per violation.</summary>
    public static async Task<IReadOnlyList<string>> AxeViolationsAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.AddScriptTagAsync(new() { Content = AxeScript });
        }
        var result = await page.EvaluateAsync<JsonElement>("""
            async () => {
                const results = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
                return results.violations.map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map(n => n.target.join(' ')).join(', ')}`);
            }
            """);
        return result.EnumerateArray().Select(v => v.GetString()!).ToList();
    }

    /// <summary>Fails with axe's findings when the page has any WCAG 2.1 A/AA violation.</summary>
    public static async Task AssertAccessibleAsync(IPage page, string what)
    {
        var violations = await AxeViolationsAsync(page);
        Assert.True(violations.Count == 0, $"axe found WCAG 2.1 A/AA violations on {what} ({page.Url}):\n" + string.Join("\n", violations));
    }

    /// <summary>WCAG contrast ratio of two CSS colours given as rgb()/rgba() (alpha ignored: opaque colours only).</summary>
    public static double ContrastRatio(string foreground, string background)
    {
        var (a, b) = (Luminance(foreground), Luminance(background));
        return (Math.Max(a, b) + 0.05) / (Math.Min(a, b) + 0.05);
    }

    private static double Luminance(string color)
    {
        var parts = Rgb().Match(color);
        Assert.True(parts.Success, $"Not an rgb() colour: {color}");
        double Channel(int i)
        {
            var c = double.Parse(parts.Groups[i].Value, CultureInfo.InvariantCulture) / 255;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * Channel(1) + 0.7152 * Channel(2) + 0.0722 * Channel(3);
    }

    [GeneratedRegex(@"rgba?\((\d+(?:\.\d+)?),\s*(\d+(?:\.\d+)?),\s*(\d+(?:\.\d+)?)")]
    private static partial Regex Rgb();

    /// <summary>True when the element (or the whole document when null) is no wider than its visible box.</summary>
    public static Task<bool> FitsWidthAsync(IPage page, string? selector = null) =>
        page.EvaluateAsync<bool>(
            "s => { const e = s ? document.querySelector(s) : document.documentElement; return e.scrollWidth <= e.clientWidth; }", selector);

    /// <summary>
    /// Presses Tab (or Shift+Tab) until the focused element matches <paramref name="predicate"/> (a JS function of the
    /// element), as a keyboard user would; fails after <paramref name="limit"/> presses.
    /// </summary>
    public static async Task TabUntilAsync(IPage page, string predicate, string what, bool backwards = false, int limit = 60)
    {
        for (var i = 0; i < limit; i++)
        {
            if (await page.EvaluateAsync<bool>($"() => {{ const e = document.activeElement; return !!e && ({predicate})(e); }}"))
            {
                return;
            }
            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
        }
        Assert.Fail($"{limit} presses of {(backwards ? "Shift+Tab" : "Tab")} never reached {what}.");
    }

    /// <summary>A short description of the focused element, for assertions and their messages.</summary>
    public static Task<string> FocusedAsync(IPage page) =>
        page.EvaluateAsync<string>("""
            () => {
                const e = document.activeElement;
                if (!e || e === document.body) return 'body';
                return `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}[${e.getAttribute('aria-label') ?? e.textContent.trim().slice(0, 40)}]`;
            }
            """);

    /// <summary>True when the focused element is inside the element matched by <paramref name="selector"/>.</summary>
    public static Task<bool> FocusIsInsideAsync(IPage page, string selector) =>
        page.EvaluateAsync<bool>("s => { const c = document.querySelector(s); return !!c && c.contains(document.activeElement); }", selector);
}

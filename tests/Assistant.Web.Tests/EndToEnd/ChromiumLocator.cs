namespace Assistant.Web.Tests.EndToEnd;

/// <summary>
/// Finds the system Chromium (Debian's package). Playwright's own browser download cannot run here (no internet), so
/// the tests drive the distribution's browser instead.
/// </summary>
public static class ChromiumLocator
{
    private static readonly string[] Candidates = ["chromium", "chromium-browser"];

    public static string Find()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("CHROMIUM_PATH");
        if (!string.IsNullOrEmpty(fromEnvironment) && File.Exists(fromEnvironment))
        {
            return fromEnvironment;
        }
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        foreach (var name in Candidates)
        {
            foreach (var directory in path)
            {
                var candidate = Path.Combine(directory, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }
        throw new InvalidOperationException(
            "The browser tests need Chromium, and none was found on PATH (looked for 'chromium' and 'chromium-browser'; " +
            "CHROMIUM_PATH can name it). Install it with: sudo apt-get install -y chromium " +
            "(.ci/test.sh does this). Do not run 'playwright install': it downloads browsers, which fails offline.");
    }
}

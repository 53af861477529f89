using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace Assistant.Web.Tests.Auth;

public sealed class SignInTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_token_from_the_token_endpoint_signs_api_calls_in_with_the_accounts_role()
    {
        await using var factory = new AssistantWebFactory();
        using var client = factory.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/auth/token", new { username = "sam", password = "sam-demo" }, Cancel);
        var token = (await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(Cancel), cancellationToken: Cancel)).RootElement;

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        var me = await client.GetFromJsonAsync<JsonElement>("/api/auth/me", Cancel);

        Assert.Equal("Bearer", token.GetProperty("tokenType").GetString());
        Assert.Equal(3600, token.GetProperty("expiresIn").GetInt32());
        Assert.Equal(("sam", "agent"), (me.GetProperty("username").GetString(), me.GetProperty("role").GetString()));
    }

    [Theory]
    [InlineData("alice", "wrong-password")]
    [InlineData("nobody", "alice-demo")]
    public async Task Wrong_credentials_get_401_problem_that_does_not_say_which_part_was_wrong(string username, string password)
    {
        await using var factory = new AssistantWebFactory();
        using var client = factory.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/auth/token", new { username, password }, Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("username or password", await response.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task A_token_request_without_a_password_is_400_naming_it()
    {
        await using var factory = new AssistantWebFactory();
        using var client = factory.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/auth/token", new { username = "alice" }, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"password\"", await response.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task The_sign_in_form_sets_a_cookie_that_authenticates_the_browser()
    {
        await using var factory = new AssistantWebFactory();
        using var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        using var signIn = await browser.PostAsync("/api/auth/signin", Form("alice", "alice-demo", "/chat"), Cancel);
        var me = await browser.GetFromJsonAsync<JsonElement>("/api/auth/me", Cancel);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/chat", signIn.Headers.Location?.OriginalString);
        Assert.Contains(signIn.Headers.GetValues("Set-Cookie"), cookie => cookie.StartsWith("assistant.auth=", StringComparison.Ordinal) && cookie.Contains("httponly"));
        Assert.Equal("alice", me.GetProperty("username").GetString());
    }

    [Theory]
    [InlineData("//evil.example/steal")]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example")]
    public async Task The_sign_in_form_never_redirects_off_site(string returnUrl)
    {
        await using var factory = new AssistantWebFactory();
        using var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var signIn = await browser.PostAsync("/api/auth/signin", Form("alice", "alice-demo", returnUrl), Cancel);

        Assert.Equal("/", signIn.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_failed_form_sign_in_returns_to_the_sign_in_page_without_a_cookie()
    {
        await using var factory = new AssistantWebFactory();
        using var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var signIn = await browser.PostAsync("/api/auth/signin", Form("alice", "nope", "/chat"), Cancel);

        Assert.StartsWith("/signin?failed=1", signIn.Headers.Location?.OriginalString);
        Assert.False(signIn.Headers.Contains("Set-Cookie"));
    }

    private static FormUrlEncodedContent Form(string username, string password, string returnUrl) =>
        new([new("username", username), new("password", password), new("returnUrl", returnUrl)]);
}

using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Assistant.Web.Auth;

public static class AuthExtensions
{
    /// <summary>The browser signs in with a cookie, scripts with a bearer token; one policy scheme picks by the Authorization header.</summary>
    public const string Scheme = "cookie-or-bearer";

    public static WebApplicationBuilder AddAuth(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<AccountDirectory>();
        builder.Services.AddKeyRing();
        builder.Services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Cookie or bearer token", options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? BearerTokenDefaults.AuthenticationScheme
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.LoginPath = "/signin";
                options.AccessDeniedPath = "/denied";
                options.Cookie.Name = "assistant.auth";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.SlidingExpiration = true;
                // APIs answer 401/403 instead of redirecting to the sign-in page.
                options.Events.OnRedirectToLogin = context => ApiOrRedirect(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => ApiOrRedirect(context, StatusCodes.Status403Forbidden);
            })
            .AddBearerToken();
        builder.Services.AddOptions<BearerTokenOptions>(BearerTokenDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>>((bearer, auth) => bearer.BearerTokenExpiration = TimeSpan.FromMinutes(auth.Value.TokenLifetimeMinutes));
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Roles.StaffPolicy, policy => policy.RequireRole(Roles.Agent, Roles.Admin))
            .AddPolicy(Roles.AdminPolicy, policy => policy.RequireRole(Roles.Admin));
        return builder;
    }

    public static IEndpointRouteBuilder MapAuth(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Auth");
        group.MapPost("/token", AuthEndpoints.Token).AllowAnonymous()
            .WithSummary("Exchange a username and password for a bearer token (also usable as an OpenAI API key).");
        group.MapPost("/signin", AuthEndpoints.SignIn).AllowAnonymous().DisableAntiforgery().WithSummary("Sign in with a form post; sets the session cookie.");
        group.MapPost("/signout", AuthEndpoints.SignOut).DisableAntiforgery().WithSummary("Sign out of the cookie session.");
        group.MapGet("/me", AuthEndpoints.Me).RequireAuthorization().WithSummary("Who is signed in.");
        return app;
    }

    private static Task ApiOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/v1"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}

using InvestPortal.Core.Domain;
using InvestPortal.Data;
using InvestPortal.Data.Identity;
using InvestPortal.Web.Localization;
using InvestPortal.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using InvestPortal.Web.Accounts;
using InvestPortal.Web.Api;
using InvestPortal.Web.Discovery;
using InvestPortal.Web.Investing;

namespace InvestPortal.Web.Infrastructure;

public static class WebRegistration
{
    /// <summary>Pages, localization, accounts and the protections every request goes through.</summary>
    public static IHostApplicationBuilder AddPortalWeb(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        UsePublishedWebRoot(builder.Environment);
        services.AddPortalApi();
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RouteOptions>(o =>
        {
            o.LowercaseUrls = true;
            o.ConstraintMap["culture"] = typeof(CultureRouteConstraint);
        });
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var supported = Cultures.All.Select(c => Formatting.CultureInfoFor(c)).ToList();
            o.DefaultRequestCulture = new RequestCulture("en");
            o.SupportedCultures = supported;
            o.SupportedUICultures = supported;
            o.RequestCultureProviders = [new UrlCultureProvider()];
        });

        services.AddRazorPages(o =>
            {
                o.Conventions.Add(new CultureRouteConvention());
                o.Conventions.AuthorizeFolder("/My");
                o.Conventions.AuthorizeFolder("/Admin", Roles.Admin);
            })
            .AddViewLocalization(LanguageViewLocationExpanderFormat.Suffix)
            .AddDataAnnotationsLocalization(o =>
                o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)))
            .AddMvcOptions(o =>
            {
                o.Filters.Add(new Microsoft.AspNetCore.Mvc.AutoValidateAntiforgeryTokenAttribute());
                o.Filters.Add<SearchUnavailablePageFilter>();
            });
        services.AddSingleton<IConfigureOptions<Microsoft.AspNetCore.Mvc.MvcOptions>, LocalizedModelBindingMessages>();

        builder.AddPortalIdentity();
        services.AddAuthorizationBuilder()
            .AddPolicy(Roles.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Roles.Official, p => p.RequireRole(Roles.Official, Roles.Admin))
            .AddPolicy(Roles.Investor, p => p.RequireRole(Roles.Investor))
            .AddPolicy(Roles.Enterprise, p => p.RequireRole(Roles.Enterprise));

        Accounts.AccountsRegistration.AddAccounts(services);
        Discovery.DiscoveryRegistration.AddDiscovery(services);
        Home.HomeRegistration.AddHome(services);
        services.AddScoped<Investing.MatchReasonText>();
        services.AddScoped<Investing.InvestorReader>();
        Publishing.PublishingRegistration.AddPublishing(services);
        Attachments.AttachmentRegistration.AddEditorContent(services);
        Insight.InsightRegistration.AddInsight(services);
        Demand.DemandRegistration.AddDemand(services);
        Translations.TranslationsRegistration.AddTranslations(services);
        Interests.InterestsRegistration.AddInterests(services);
        Administration.AdministrationRegistration.AddAdministration(services);
        Investing.InvestingRegistration.AddInvesting(services);
        Map.MapRegistration.AddBorderMap(services);
        Landing.LandingRegistration.AddLanding(services);
        services.AddPortalRateLimits();
        services.AddPortalEdgeProtection(builder.Configuration);
        Caching.AnonymousOutputCache.AddAnonymousOutputCache(services);
        services.AddHealthChecks().AddDbContextCheck<PortalDbContext>("database");
        services.AddProblemDetails();
        return builder;
    }

    private static void AddPortalIdentity(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AccountOptions>().BindConfiguration(AccountOptions.Section);
        var account = builder.Configuration.GetSection(AccountOptions.Section).Get<AccountOptions>() ?? new AccountOptions();
        builder.Services.AddIdentity<PortalUser, IdentityRole>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Lockout.MaxFailedAccessAttempts = account.MaxFailedLogins;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(account.LockoutMinutes);
                o.Lockout.AllowedForNewUsers = true;
                o.SignIn.RequireConfirmedEmail = account.RequireConfirmedEmail;
            })
            .AddPortalIdentityStores()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<LocalizedIdentityErrors>()
            .AddPasswordValidator<PasswordStrengthValidator>();
        // Each signed-in request re-reads the user's security stamp at most this often. Role removal, suspension,
        // password change and reset, and sign-out all change the stamp, so every session issued before them ends
        // within this interval. The check is one lookup of the user row per session per interval.
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = account.SessionValidationInterval);
        builder.Services.AddScoped<EqualWork>();
        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "ip_auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromDays(14);
            // Send people to the login page in the language they were reading.
            o.Events.OnRedirectToLogin = ctx => RedirectInCulture(ctx, "account/login", withReturnUrl: true);
            o.Events.OnRedirectToAccessDenied = ctx =>
            {
                ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "ip_af";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
    }

    private static Task RedirectInCulture(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, string path, bool withReturnUrl)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        }
        var culture = ctx.HttpContext.Culture();
        var target = CultureUrls.Href(culture, path);
        if (withReturnUrl) target += "?returnUrl=" + Uri.EscapeDataString(ctx.Request.PathBase + ctx.Request.Path + ctx.Request.QueryString);
        ctx.Response.Redirect(target);
        return Task.CompletedTask;
    }

    /// <summary>
    /// `dotnet out/InvestPortal.Web.dll` started from another folder makes that folder the content root, which has no
    /// wwwroot: serve the one published next to the app instead, as the content lookup does with content/.
    /// </summary>
    private static void UsePublishedWebRoot(IHostEnvironment environment)
    {
        var published = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (environment is not IWebHostEnvironment web || !Directory.Exists(published)) return;
        if (!string.IsNullOrEmpty(web.WebRootPath) && Directory.Exists(web.WebRootPath)) return;
        web.WebRootPath = published;
        web.WebRootFileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(published);
    }
}

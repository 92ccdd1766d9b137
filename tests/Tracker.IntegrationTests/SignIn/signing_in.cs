using System.Net;
using Tracker.Infrastructure;
using Tracker.IntegrationTests.Infrastructure;

namespace Tracker.IntegrationTests.SignIn;

/// <summary>
/// The pages' cookie session: in Development the sign-in page opens it with the claims an API token carries; the API
/// never takes the cookie (its bearer tokens stay the only way in); every form needs its antiforgery token.
/// </summary>
public class signing_in(TrackerApp app) : IClassFixture<TrackerApp>
{
    private static int _members;

    private async Task<Guid> Ministry()
    {
        var admin = app.Admin();
        var n = Interlocked.Increment(ref _members);
        var member = await Arrange.Member(admin, $"Signland {n}", $"SG{n}");
        return await Arrange.Institution(admin, member, "Ministry of Signing");
    }

    private static Dictionary<string, string> Fields(string role, Guid? institution, string userId, string returnUrl = "/workbench") => new()
    {
        ["role"] = role, ["institution"] = institution?.ToString() ?? "", ["userId"] = userId, ["returnUrl"] = returnUrl,
    };

    [Fact]
    public async Task a_page_of_the_workbench_sends_an_anonymous_reader_to_the_sign_in_page_and_back()
    {
        var response = await app.Browser().GetAsync("/workbench");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldEndWith("/sign-in?returnUrl=%2Fworkbench");
    }

    [Fact]
    public async Task a_ministry_signs_in_for_its_institution_and_the_pages_know_who_it_is()
    {
        var institution = await Ministry();
        var browser = app.Browser();

        var signedIn = await browser.PostForm("/sign-in", Fields("ministry", institution, "civil-servant-7"), await browser.TokenFrom("/sign-in"));
        var workbench = await browser.GetAsync(signedIn.Headers.Location!.ToString());

        signedIn.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        signedIn.Headers.Location!.ToString().ShouldBe("/workbench");
        signedIn.Headers.TryGetValues("Set-Cookie", out var cookies).ShouldBeTrue();
        cookies!.ShouldContain(c => c.StartsWith("tracker.session=", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
        await workbench.ShouldHaveStatus(200);
        var html = await workbench.Content.ReadAsStringAsync();
        html.ShouldContain("<strong>civil-servant-7</strong> (ministry, Ministry of Signing)");
    }

    [Fact]
    public async Task the_api_does_not_take_the_cookie_so_no_other_site_can_write_through_it()
    {
        var browser = app.Browser();
        await browser.PostForm("/sign-in", Fields("admin", null, "poc-1"), await browser.TokenFrom("/sign-in"));

        var write = await browser.Post("/api/members", new { name = "Cookieland", code = "CK", kind = "National" });

        await write.ShouldBeProblem(401);
    }

    [Fact]
    public async Task a_form_without_its_antiforgery_token_is_refused_and_signs_nobody_in()
    {
        var browser = app.Browser();

        var refused = await browser.PostForm("/sign-in", Fields("admin", null, "forger"), token: null);
        var workbench = await browser.GetAsync("/workbench");

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("The form could not be sent");
        workbench.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task a_ministry_without_an_institution_is_told_so_beside_the_field_and_keeps_what_it_typed()
    {
        var browser = app.Browser();

        var refused = await browser.PostForm("/sign-in", Fields("ministry", null, "typed-this"), await browser.TokenFrom("/sign-in"));

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var html = await refused.Content.ReadAsStringAsync();
        html.ShouldContain("id=\"institution-error\"");
        html.ShouldContain("value=\"typed-this\"");
    }

    // A browser drops tabs and line breaks from a Location, so "/\t/evil.example" would be "//evil.example": another site.
    [Theory]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example/phish")]
    [InlineData("/\t/evil.example/phish")]
    [InlineData("/\r\nSet-Cookie: x=1")]
    [InlineData("/\n/evil.example")]
    [InlineData("https://evil.example/")]
    public async Task signing_in_never_sends_anyone_to_another_site(string returnUrl)
    {
        var browser = app.Browser();

        var signedIn = await browser.PostForm("/sign-in", Fields("reviewer", null, "irm-9", returnUrl), await browser.TokenFrom("/sign-in"));

        signedIn.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        signedIn.Headers.Location!.ToString().ShouldBe("/workbench");
    }

    [Fact]
    public async Task a_page_with_letters_beyond_ascii_in_its_address_is_returned_to_percent_encoded()
    {
        var browser = app.Browser();

        var signedIn = await browser.PostForm("/sign-in", Fields("reviewer", null, "irm-9", "/commitments/café?q=ü"), await browser.TokenFrom("/sign-in"));

        signedIn.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        signedIn.Headers.Location!.OriginalString.ShouldBe("/commitments/caf%C3%A9?q=%C3%BC");
    }

    [Fact]
    public async Task signing_out_without_the_forms_token_is_refused_and_the_session_stays()
    {
        var browser = app.Browser();
        await browser.PostForm("/sign-in", Fields("reviewer", null, "irm-9"), await browser.TokenFrom("/sign-in"));

        var refused = await browser.PostForm("/sign-out", [], token: null);
        var workbench = await browser.GetAsync("/workbench");

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        workbench.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task signing_out_ends_the_session()
    {
        var browser = app.Browser();
        await browser.PostForm("/sign-in", Fields("reviewer", null, "irm-9"), await browser.TokenFrom("/sign-in"));

        var signedOut = await browser.PostForm("/sign-out", [], await browser.TokenFrom("/workbench"));
        var workbench = await browser.GetAsync("/workbench");

        signedOut.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        workbench.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        workbench.Headers.Location!.ToString().ShouldContain("/sign-in");
    }
}

/// <summary>The host as it runs in production: no development sign-in page.</summary>
public sealed class ProductionApp : TrackerApp
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["environment"] = "Production",
        ["Tracker:CodeGeneration"] = "Dynamic",
        ["Tracker:Durability"] = "Solo",
    };
}

/// <summary>Outside Development nobody can pick a role: the sign-in page is not there at all.</summary>
public class signing_in_outside_development(ProductionApp app) : IClassFixture<ProductionApp>
{
    [Fact]
    public async Task the_development_sign_in_page_does_not_exist_in_production()
    {
        var browser = app.Browser();

        var page = await browser.GetAsync("/sign-in");
        var post = await browser.PostAsync("/sign-in", new FormUrlEncodedContent([new("role", "admin"), new("userId", "intruder")]));
        var workbench = await browser.GetAsync("/workbench");

        page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        post.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // Without an identity provider configured nobody can sign in: the workbench says 401, and sends nobody to /sign-in.
        workbench.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task the_api_still_takes_its_bearer_tokens()
    {
        var response = await app.Admin().Post("/api/members", new { name = "Prodland", code = "PD", kind = "National" });

        await response.ShouldHaveStatus(201);
    }
}

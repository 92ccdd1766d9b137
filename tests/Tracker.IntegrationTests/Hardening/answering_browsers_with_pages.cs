using System.Net;
using Tracker.IntegrationTests.Infrastructure;

namespace Tracker.IntegrationTests.Hardening;

// A person's browser gets a page it can show for every refusal; an API client gets problem details for the same one.
public class answering_browsers_with_pages(TrackerApp app) : IClassFixture<TrackerApp>
{
    private static HttpRequestMessage AsBrowser(HttpMethod method, string url, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.TryAddWithoutValidation("Accept", Forms.BrowserAccept);
        return request;
    }

    private static async Task<string> ShouldBePage(HttpResponseMessage response, HttpStatusCode status, string heading)
    {
        response.StatusCode.ShouldBe(status);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain($"<h1>{heading}</h1>");
        return html;
    }

    [Fact]
    public async Task an_unknown_address_opened_in_a_browser_is_the_not_found_page()
    {
        await ShouldBePage(await app.Anonymous().SendAsync(AsBrowser(HttpMethod.Get, "/no-such-page")), HttpStatusCode.NotFound, "Not found");
        await ShouldBePage(await app.Anonymous().SendAsync(AsBrowser(HttpMethod.Get, "/workbench/no-such-page")), HttpStatusCode.NotFound, "Not found");
    }

    [Fact]
    public async Task the_api_answers_problem_details_even_to_a_browser()
    {
        var response = await app.Anonymous().SendAsync(AsBrowser(HttpMethod.Get, "/api/no-such-thing"));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Theory]
    [InlineData("/no-such-page", "application/json, text/html;q=0.5")]
    [InlineData("/no-such-page", "text/html;q=0")]
    [InlineData("/no-such-feed.atom", Forms.BrowserAccept)]
    public async Task a_client_that_prefers_json_or_asks_for_a_file_gets_problem_details(string url, string accept)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept", accept);

        var response = await app.Anonymous().SendAsync(request);

        response.Content.Headers.ContentType!.MediaType.ShouldNotBe("text/html");
    }

    [Fact]
    public async Task an_unknown_address_asked_by_an_api_client_is_problem_details()
    {
        var response = await app.Anonymous().GetAsync("/no-such-page");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task a_ministry_page_opened_by_the_point_of_contact_is_the_forbidden_page()
    {
        var admin = await app.SignedIn("admin", "poc-pages");

        var html = await ShouldBePage(await admin.SendAsync(AsBrowser(HttpMethod.Get, "/workbench/commitments")), HttpStatusCode.Forbidden, "You may not open this");

        html.ShouldContain("Your role does not give you this page or form");
    }

    [Fact]
    public async Task a_progress_report_sent_after_the_session_ended_is_the_sign_in_again_page()
    {
        var form = new FormUrlEncodedContent([new("level", "Limited"), new("narrative", "Started."), new("asOf", "2017-01-31"), new("version", "1")]);

        var html = await ShouldBePage(await app.Browser().SendAsync(AsBrowser(HttpMethod.Post, $"/workbench/milestones/{Guid.NewGuid()}/progress", form)),
            HttpStatusCode.Unauthorized, "You are not signed in");

        html.ShouldContain("nothing was saved");
    }

    [Fact]
    public async Task a_form_over_the_size_limit_is_the_too_large_page()
    {
        var admin = await app.SignedIn("admin", "poc-large");
        var token = await admin.TokenFrom("/workbench/admin/plans/new");

        var response = await admin.PostForm("/workbench/admin/plans/new", [new("title", new string('x', 1_100_000))], token);

        var html = await ShouldBePage(response, HttpStatusCode.RequestEntityTooLarge, "What you sent is too large");
        html.ShouldContain("shorten the longest text");
    }
}

using System.Text;
using Tracker.IntegrationTests.Infrastructure;
using Tracker.IntegrationTests.OpenData;

namespace Tracker.IntegrationTests.Hardening;

// Bodies are read as UTF-8: a charset Tracker cannot read is a 415 the client can act on (it was a 500), and UTF-8 written
// another way (quoted, upper case) is read as UTF-8.
public class reading_bodies_in_utf8(TrackerApp app) : IClassFixture<TrackerApp>
{
    private static HttpRequestMessage Member(string code, string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes($$"""{"name":"Charsetland {{code}}","code":"{{code}}","kind":"National","region":"Europe"}"""));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return new HttpRequestMessage(HttpMethod.Post, "/api/members") { Content = content };
    }

    [Theory]
    [InlineData("application/json; charset=klingon")]
    [InlineData("application/json; charset=\"\"")]
    [InlineData("application/json; charset=latin1")]
    public async Task a_charset_other_than_utf8_is_refused_with_415_and_writes_nothing(string contentType)
    {
        var before = await app.EventCount();

        var response = await app.Admin().SendAsync(Member("QK", contentType));

        (await response.ShouldBeProblem(415, "request.unsupported_media_type")).GetProperty("detail").GetString()!.ShouldContain("UTF-8");
        (await app.EventCount()).ShouldBe(before);
    }

    [Theory]
    [InlineData("QA", "application/json; charset=\"utf-8\"")]
    [InlineData("QB", "application/json; charset=UTF-8")]
    [InlineData("QC", "application/json; charset=utf8")]
    public async Task utf8_however_it_is_written_is_read(string code, string contentType)
    {
        var response = await app.Admin().SendAsync(Member(code, contentType));

        await response.ShouldHaveStatus(201);
    }
}

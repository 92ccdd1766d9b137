using System.IdentityModel.Tokens.Jwt;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Tracker.IntegrationTests.Infrastructure;
using Tracker.IntegrationTests.OpenData;

namespace Tracker.IntegrationTests.Hardening;

public class validating_tokens(TrackerApp app) : IClassFixture<TrackerApp>
{
    private const string OtherKey = "a-key-that-tracker-has-never-seen-0123456789abcdef";

    private string Key => app.Services.GetRequiredService<IConfiguration>()["Auth:DevelopmentSigningKey"]!;

    // An admin token as Tracker mints them, with one thing changed.
    private string Token(string? issuer = "tracker-dev", string? audience = "tracker-api", TimeSpan? expiresIn = null, string? key = null)
    {
        var now = DateTime.UtcNow;
        var expires = now + (expiresIn ?? TimeSpan.FromHours(1));
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity([new Claim("sub", "token-tester"), new Claim("role", "admin")]),
            IssuedAt = expires.AddHours(-2),
            NotBefore = expires.AddHours(-2),
            Expires = expires,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key ?? Key)), SecurityAlgorithms.HmacSha256),
        };
        return new JwtSecurityTokenHandler().CreateEncodedJwt(descriptor);
    }

    // The same claims with "alg": "none" and no signature.
    private static string Unsigned()
    {
        static string Part(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
        var expires = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        return Part("""{"alg":"none","typ":"JWT"}""") + "." +
               Part($$"""{"sub":"token-tester","role":"admin","iss":"tracker-dev","aud":"tracker-api","nbf":{{expires - 7200}},"exp":{{expires}}}""") + ".";
    }

    private async Task<HttpResponseMessage> RegisterMemberWith(string token, string code)
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.Post("/api/members", new { name = $"Member {code}", code, kind = "National" });
    }

    [Fact]
    public async Task a_token_as_tracker_mints_them_is_accepted()
    {
        await (await RegisterMemberWith(Token(), "TA")).ShouldHaveStatus(201);
    }

    public static TheoryData<string> BadTokens() => new("expired", "signed with another key", "for another audience", "from another issuer", "alg none", "no expiry");

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task a_bad_token_gets_401_problem_details_and_writes_nothing(string bad)
    {
        var token = bad switch
        {
            "expired" => Token(expiresIn: TimeSpan.FromMinutes(-10)),
            "signed with another key" => Token(key: OtherKey),
            "for another audience" => Token(audience: "someone-elses-api"),
            "from another issuer" => Token(issuer: "https://issuer.example"),
            "alg none" => Unsigned(),
            _ => NoExpiry(),
        };
        var before = await app.EventCount();

        var response = await RegisterMemberWith(token, "TB");

        await response.ShouldBeProblem(401, "caller.unauthenticated");
        (await app.EventCount()).ShouldBe(before);
    }

    [Theory]
    [InlineData("/api/plans")]
    [InlineData("/")]
    public async Task a_bad_token_on_a_public_read_gets_401_rather_than_the_public_answer(string url)
    {
        var withExpired = new HttpRequestMessage(HttpMethod.Get, url);
        withExpired.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token(expiresIn: TimeSpan.FromMinutes(-10)));
        var withGarbage = new HttpRequestMessage(HttpMethod.Get, url);
        withGarbage.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "not-a-token");

        var expired = await app.Anonymous().SendAsync(withExpired);
        var garbage = await app.Anonymous().SendAsync(withGarbage);
        var none = await app.Anonymous().GetAsync(url);

        (await expired.ShouldBeProblem(401, "caller.unauthenticated")).GetProperty("detail").GetString()!.ShouldContain("send none to read as the public");
        expired.Headers.WwwAuthenticate.ToString().ShouldContain("invalid_token");
        await garbage.ShouldBeProblem(401, "caller.unauthenticated");
        await none.ShouldHaveStatus(200);
    }

    private string NoExpiry()
    {
        var token = new JwtSecurityToken(issuer: "tracker-dev", audience: "tracker-api",
            claims: [new Claim("sub", "token-tester"), new Claim("role", "admin")],
            signingCredentials: new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(Key)), SecurityAlgorithms.HmacSha256));
        return new JwtSecurityTokenHandler().WriteToken(token);
    }
}

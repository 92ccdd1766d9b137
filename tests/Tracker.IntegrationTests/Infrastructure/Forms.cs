using System.Net;
using System.Text.RegularExpressions;

namespace Tracker.IntegrationTests.Infrastructure;

/// <summary>The pages' forms as a browser sends them: the antiforgery token read from a page, the fields urlencoded.</summary>
public static partial class Forms
{
    /// <summary>The name of the antiforgery field every form carries.</summary>
    public const string TokenField = "__RequestVerificationToken";

    /// <summary>What a browser accepts when it sends a form or follows a link (Chromium's header).</summary>
    public const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private static Task<HttpResponseMessage> PostAsBrowser(HttpClient client, string url, HttpContent content)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        message.Headers.TryAddWithoutValidation("Accept", BrowserAccept);
        return client.SendAsync(message);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    /// <summary>The antiforgery token of the page at <paramref name="url"/> (following redirects by hand), or null when it has none.</summary>
    public static async Task<string?> TokenFrom(this HttpClient client, string url)
    {
        for (var hops = 0; hops < 5; hops++)
        {
            var response = await client.GetAsync(url);
            if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther or HttpStatusCode.Found && response.Headers.Location is { } next)
            {
                url = next.ToString();
                continue;
            }
            var match = Token().Match(await response.Content.ReadAsStringAsync());
            return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
        }
        return null;
    }

    /// <summary>Posts <paramref name="fields"/> as a form, as a browser does, with <paramref name="token"/> when given.</summary>
    public static Task<HttpResponseMessage> PostForm(this HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields, string? token)
    {
        var all = fields.ToList();
        if (token is not null) all.Add(new(TokenField, token));
        return PostAsBrowser(client, url, new FormUrlEncodedContent(all));
    }

    /// <summary>Posts an upload form as a browser sends it (multipart, the file in the field <c>file</c>), with a token read first from <paramref name="tokenPage"/>.</summary>
    public static async Task<HttpResponseMessage> SubmitUpload(this HttpClient client, string url, UploadForm form, string tokenPage = "/workbench")
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in form.Fields) content.Add(new StringContent(value), name);
        if (await client.TokenFrom(tokenPage) is { } token) content.Add(new StringContent(token), TokenField);
        var file = new ByteArrayContent(form.File);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        content.Add(file, "file", "commitments.csv");
        return await PostAsBrowser(client, url, content);
    }

    /// <summary>Posts <paramref name="fields"/> as a form with a token read first from <paramref name="tokenPage"/>.</summary>
    public static async Task<HttpResponseMessage> SubmitForm(this HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields,
        string tokenPage = "/workbench") =>
        await client.PostForm(url, fields, await client.TokenFrom(tokenPage));
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Tracker.IntegrationTests.Infrastructure;
using Tracker.IntegrationTests.OpenData;

namespace Tracker.IntegrationTests.Hardening;

public class limiting_request_bodies(TrackerApp app) : IClassFixture<TrackerApp>
{
    private static string MemberWithNameOf(int characters) => $$"""{"name":"{{new string('x', characters)}}","code":"XL","kind":"National"}""";

    [Fact]
    public async Task a_json_body_over_one_megabyte_is_refused_with_413_before_it_is_read()
    {
        var before = await app.EventCount();

        var response = await app.Admin().PostRaw("/api/members", MemberWithNameOf(1_100_000));

        await response.ShouldBeProblem(413, "request.too_large");
        (await app.EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task a_json_body_sent_without_a_length_is_cut_off_at_the_limit_with_413()
    {
        var before = await app.EventCount();
        var content = new UnknownLength(Encoding.UTF8.GetBytes(MemberWithNameOf(1_100_000)), "application/json");

        var response = await app.Admin().PostAsync("/api/members", content);

        await response.ShouldBeProblem(413, "request.too_large");
        (await app.EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task a_json_body_under_the_limit_is_read_and_judged_on_its_fields()
    {
        var response = await app.Admin().PostRaw("/api/members", MemberWithNameOf(900_000));

        (await response.ShouldBeProblem(400)).GetProperty("errors").TryGetProperty("name", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task an_upload_of_100_megabytes_to_the_import_answers_413_not_400()
    {
        var before = await app.EventCount();
        var part = new Zeros(100L * 1024 * 1024);
        part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");

        var response = await app.Admin().PostAsync("/api/import/ogp", new MultipartFormDataContent { { part, "file", "commitments.csv" } });

        await response.ShouldBeProblem(413, "request.too_large");
        (await app.EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task an_upload_of_the_ogp_sample_is_well_under_the_import_limit()
    {
        var response = await app.Admin().Upload(OgpUploads.Sample(), dryRun: true);

        await response.ShouldHaveStatus(200);
    }

    /// <summary>A body whose length is not announced (sent chunked).</summary>
    private sealed class UnknownLength : HttpContent
    {
        private readonly byte[] _bytes;

        public UnknownLength(byte[] bytes, string mediaType)
        {
            _bytes = bytes;
            Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(_bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    /// <summary>A body of zeros of a given length, written as it is sent, so the test holds no 100 MB array.</summary>
    private sealed class Zeros(long length) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var chunk = new byte[64 * 1024];
            for (var sent = 0L; sent < length; sent += chunk.Length)
                await stream.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, length - sent)));
        }

        protected override bool TryComputeLength(out long computed)
        {
            computed = length;
            return true;
        }
    }
}

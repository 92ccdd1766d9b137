using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Tracker.Infrastructure;

/// <summary>
/// The limits every request meets before a slice sees it (<c>Tracker:RequestLimits</c>, <c>Tracker:RateLimits</c>,
/// <c>Tracker:Timeouts</c>, <c>Tracker:Cors</c>). The defaults are generous: they stop abuse, not a busy reviewer.
/// </summary>
public sealed class HardeningOptions
{
    /// <summary>Bodies of every endpoint but the import.</summary>
    public RequestLimits RequestLimits { get; set; } = new();
    /// <summary>Requests per caller (token <c>sub</c>) or, for anonymous callers, per client address.</summary>
    public RateLimits RateLimits { get; set; } = new();
    /// <summary>How long a request may take before it is answered 503.</summary>
    public Timeouts Timeouts { get; set; } = new();
    /// <summary>The browser origins allowed to call the API; none by default (no CORS headers at all).</summary>
    public CorsSettings Cors { get; set; } = new();
}

/// <summary>Request body limits in bytes.</summary>
public sealed class RequestLimits
{
    /// <summary>A JSON body: the largest legitimate one (a commitment's full text) is far below.</summary>
    public long BodyBytes { get; set; } = 1024 * 1024;
    /// <summary>The OGP/IRM upload (the whole OGP file is about 10 MB).</summary>
    public long ImportBodyBytes { get; set; } = 50L * 1024 * 1024;
}

/// <summary>A fixed window per partition.</summary>
public sealed class RateLimits
{
    /// <summary>Requests per window for every endpoint.</summary>
    public int PermitLimit { get; set; } = 3000;
    /// <summary>The window, in seconds.</summary>
    public double WindowSeconds { get; set; } = 10;
    /// <summary>The anonymous public comment: far stricter, since anyone may post.</summary>
    public WindowLimit PublicComments { get; set; } = new() { PermitLimit = 60, WindowSeconds = 60 };
}

/// <summary>Requests per window.</summary>
public sealed class WindowLimit
{
    /// <summary>Requests per window.</summary>
    public int PermitLimit { get; set; }
    /// <summary>The window, in seconds.</summary>
    public double WindowSeconds { get; set; }
}

/// <summary>Request timeouts in seconds.</summary>
public sealed class Timeouts
{
    /// <summary>Every request but the import.</summary>
    public double RequestSeconds { get; set; } = 30;
    /// <summary>The OGP/IRM import (the whole OGP file takes about a minute).</summary>
    public double ImportSeconds { get; set; } = 600;
}

/// <summary>CORS: which origins may call from a browser.</summary>
public sealed class CorsSettings
{
    /// <summary>Exact origins, e.g. <c>https://ogp.example</c>.</summary>
    public string[] Origins { get; set; } = [];
}

/// <summary>Body limits (413), rate limits (429), request timeouts (503), CORS and security headers.</summary>
public static class Hardening
{
    /// <summary>The timeout policy of the import endpoint.</summary>
    public const string ImportTimeoutPolicy = "import";

    /// <summary>The endpoints with their own limits, by endpoint name.</summary>
    public const string ImportEndpoint = "ImportOgp", ImportFormEndpoint = "ImportOgpForm", PublicCommentEndpoint = "SubmitPublicComment",
        PublicCommentFormEndpoint = "SubmitPublicCommentForm";

    private const string BodyTooLarge = "tracker.body-too-large";

    /// <summary>Registers the options (read when first needed, so hosts and tests can supply settings late) and the middleware's services.</summary>
    public static IServiceCollection AddTrackerHardening(this IServiceCollection services)
    {
        services.AddOptions<HardeningOptions>().BindConfiguration("Tracker");
        services.AddTrackerRefusalLogging();
        services.Configure<KestrelServerOptions>(kestrel => kestrel.AddServerHeader = false);

        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<HardeningOptions>>((cors, hardening) =>
            cors.AddDefaultPolicy(policy => policy.WithOrigins(hardening.Value.Cors.Origins).AllowAnyHeader().AllowAnyMethod()
                .WithExposedHeaders("ETag", "Location", "Retry-After", "Idempotent-Replayed")));

        services.AddRequestTimeouts();
        services.AddOptions<RequestTimeoutOptions>().Configure<IOptions<HardeningOptions>>((timeouts, hardening) =>
        {
            timeouts.DefaultPolicy = TimeoutPolicy(hardening.Value.Timeouts.RequestSeconds);
            timeouts.AddPolicy(ImportTimeoutPolicy, TimeoutPolicy(hardening.Value.Timeouts.ImportSeconds));
        });

        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<HardeningOptions>>((limiter, hardening) =>
        {
            var limits = hardening.Value.RateLimits;
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(http => http.Request.Path.StartsWithSegments("/health")
                    ? RateLimitPartition.GetNoLimiter("health")
                    : Window(Partition(http), limits.PermitLimit, limits.WindowSeconds)),
                PartitionedRateLimiter.Create<HttpContext, string>(http => EndpointName(http) is PublicCommentEndpoint or PublicCommentFormEndpoint
                    ? Window("comment:" + Partition(http), limits.PublicComments.PermitLimit, limits.PublicComments.WindowSeconds)
                    : RateLimitPartition.GetNoLimiter("other")));
            limiter.OnRejected = async (rejected, ct) =>
            {
                var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after)
                    ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds))
                    : (int)Math.Ceiling(Math.Max(limits.WindowSeconds, limits.PublicComments.WindowSeconds));
                await Refuse(rejected.HttpContext, 429, "request.rate_limited", "Too many requests; retry after the time in Retry-After.", seconds);
            };
        });
        return services;
    }

    /// <summary>
    /// Security headers and CORS on every answer, body limits and request timeouts; goes first in the pipeline, before
    /// anything reads the body.
    /// </summary>
    public static IApplicationBuilder UseTrackerHardening(this IApplicationBuilder app)
    {
        app.Use((http, next) =>
        {
            http.Response.OnStarting(() => SecurityHeaders(http.Response));
            return next(http);
        });
        app.UseCors();
        app.Use(RefuseCharsetsOtherThanUtf8);
        app.Use(LimitBody);
        app.UseRequestTimeouts();
        return app;
    }

    /// <summary>Rate limits per caller: after authentication, so the partition is the token's <c>sub</c>.</summary>
    public static IApplicationBuilder UseTrackerRateLimits(this IApplicationBuilder app) => app.UseRateLimiter();

    // The partition of a caller: the token's subject when authenticated, else the client address.
    private static string Partition(HttpContext http) =>
        http.User.Identity?.IsAuthenticated == true && http.User.FindFirst(Caller.UserIdClaim)?.Value is { Length: > 0 } subject
            ? "sub:" + subject
            : "address:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    private static RateLimitPartition<string> Window(string key, int permits, double seconds) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, permits),
            Window = TimeSpan.FromSeconds(Math.Max(0.001, seconds)),
            QueueLimit = 0,
        });

    private static string? EndpointName(HttpContext http) => http.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName;

    private static RequestTimeoutPolicy TimeoutPolicy(double seconds) => new()
    {
        Timeout = TimeSpan.FromSeconds(Math.Max(0.001, seconds)),
        TimeoutStatusCode = 503,
        WriteTimeoutResponse = http => TimedOut(http),
    };

    /// <summary>The answer to a request cut off by its timeout: 503 with Retry-After (what it wrote, if anything, may or may not be stored).</summary>
    public static Task TimedOut(HttpContext http) =>
        Refuse(http, 503, "request.timeout", "The request took too long and was cut off; retry later, with the same Idempotency-Key for a write.", 5);

    /// <summary>
    /// The answer to a request that met the database down or restarting (after Marten's own retries): 503 with Retry-After,
    /// never 500, since the same request will succeed once the database is back (a write may or may not have been stored).
    /// </summary>
    public static Task DatabaseUnavailable(HttpContext http) =>
        Refuse(http, 503, "database.unavailable", "The database is unavailable; retry later, with the same Idempotency-Key for a write.", 5);

    private static Task SecurityHeaders(HttpResponse response)
    {
        var headers = response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        headers.Remove("Server");
        headers.Remove("X-Powered-By");
        // HTML pages get their own policy from the pages themselves; JSON, CSV and problem answers load nothing.
        var type = response.ContentType ?? "";
        if (!type.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) && !headers.ContainsKey("Content-Security-Policy"))
            headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
        return Task.CompletedTask;
    }

    // Bodies are read as UTF-8. A charset the readers cannot decode (charset=klingon, charset="") made them throw: a 500
    // for a request a client can fix. Quoted "utf-8" is the same charset written another way, and is read as such.
    private static Task RefuseCharsetsOtherThanUtf8(HttpContext http, RequestDelegate next)
    {
        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var type) || type.Charset.Value is not { } charset) return next(http);
        var unquoted = charset.Trim('"').Trim();
        if (!unquoted.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !unquoted.Equals("utf8", StringComparison.OrdinalIgnoreCase))
            return Refuse(http, 415, "request.unsupported_media_type", $"Send the body in UTF-8 (charset=utf-8, or no charset): '{RefusalLogging.Escape(charset)}' is not read here.", null);
        if (charset != "utf-8")
        {
            type.Charset = "utf-8";
            http.Request.ContentType = type.ToString();
        }
        return next(http);
    }

    // 413 before the body is read when Content-Length says it is too large; otherwise the body is counted as it is read.
    private static async Task LimitBody(HttpContext http, RequestDelegate next)
    {
        var limits = http.RequestServices.GetRequiredService<IOptions<HardeningOptions>>().Value.RequestLimits;
        var limit = EndpointName(http) is ImportEndpoint or ImportFormEndpoint ? limits.ImportBodyBytes : limits.BodyBytes;
        if (http.Request.ContentLength > limit)
        {
            await TooLarge(http, limit);
            return;
        }
        // Kestrel's own limit (30 MB by default) stays a byte behind this one, so the import gets its 50 MB and a body over
        // the limit is refused here, where the answer is known to be 413 problem details.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } server) server.MaxRequestBodySize = limit + 1;
        if (http.Request.ContentLength is null or > 0) http.Request.Body = new LimitedBody(http.Request.Body, limit, () => http.Items[BodyTooLarge] = true);
        await next(http);
        // Minimal APIs answer a body that fails while being read as they would a client that went away: with nothing.
        if (http.Items.ContainsKey(BodyTooLarge) && !http.Response.HasStarted)
        {
            http.Response.Clear();
            await TooLarge(http, limit);
        }
    }

    /// <summary>The answer to a body over the limit.</summary>
    public static Task TooLarge(HttpContext http, long limit) =>
        Refuse(http, 413, "request.too_large", $"The request body is larger than this endpoint accepts ({limit.ToString("N0", CultureInfo.InvariantCulture)} bytes).", null);

    private static Task Refuse(HttpContext http, int status, string code, string detail, int? retryAfterSeconds)
    {
        if (retryAfterSeconds is { } seconds) http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Problems.Result(Problems.Of(status, code, detail)).ExecuteAsync(http);
    }

    /// <summary>A request body that refuses to be read past its limit, as Kestrel's own limit does (413).</summary>
    private sealed class LimitedBody(Stream inner, long limit, Action exceeded) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count)
        {
            try
            {
                return Count(inner.Read(buffer, offset, count));
            }
            catch (Microsoft.AspNetCore.Http.BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                exceeded();
                throw;
            }
        }

        // Kestrel's own limit can fire first, when one read brings in more than the byte between the two: the same answer.
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
        {
            try
            {
                return Count(await inner.ReadAsync(buffer, ct));
            }
            catch (Microsoft.AspNetCore.Http.BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                exceeded();
                throw;
            }
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
            ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();

        private int Count(int read)
        {
            _read += read;
            if (_read <= limit) return read;
            exceeded();
            throw new Microsoft.AspNetCore.Http.BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
        }
    }
}

using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tracker.Infrastructure;

namespace Tracker.IntegrationTests.Infrastructure;

/// <summary>
/// The real application host on its own database, one per test class (xunit class fixture), so classes run in
/// parallel without sharing state. Clients carry development tokens for any role.
/// </summary>
public class TrackerApp : IAsyncLifetime
{
    private const string SigningKey = "integration-tests-only-signing-key-0123456789abcdef";
    private WebApplicationFactory<Program>? _factory;

    /// <summary>JSON as the API writes it.</summary>
    public static readonly JsonSerializerOptions Json = CreateJson();

    /// <summary>The test class's database.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>The host's services (the document store, for waiting on projections).</summary>
    public IServiceProvider Services => Factory.Services;

    /// <summary>The in-memory server, for requests a client cannot shape (from another address).</summary>
    public Microsoft.AspNetCore.TestHost.TestServer Server => Factory.Server;

    private WebApplicationFactory<Program> Factory => _factory ?? throw new InvalidOperationException("Not started.");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        // Program ends in JasperFx's command line; under WebApplicationFactory it must start the host itself.
        JasperFx.CommandLine.JasperFxEnvironment.AutoStartHost = true;
        ConnectionString = await CreateDatabaseAsync();
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseEnvironment("Development");
            host.UseSetting("TRACKER_DB", ConnectionString);
            host.UseSetting("Auth:DevelopmentSigningKey", SigningKey);
            // Refused requests are expected here; Wolverine and Marten log each at error level. Tracker's own
            // handler still logs real failures (500s).
            host.UseSetting("Logging:LogLevel:Default", "Warning");
            host.UseSetting("Logging:LogLevel:Wolverine", "Critical");
            host.UseSetting("Logging:LogLevel:Marten", "Critical");
            host.UseSetting("Logging:LogLevel:Tracker", "Warning");
            // The first command of a host compiles its handler (Dynamic code generation), which on a busy 2-core machine
            // can outlast the production request timeout; tests of the timeout itself set their own.
            host.UseSetting("Tracker:Timeouts:RequestSeconds", "600");
            // A copy of the schema template holds this build's schema: the host starts without comparing it (0.5 s a host).
            if (_schemaCopied) host.UseSetting("Tracker:Database:ApplySchemaOnStartup", "false");
            foreach (var (key, value) in Settings) host.UseSetting(key, value);
            host.ConfigureServices(services =>
            {
                // Hosts share what Roslyn compiled for the hosts before them (CompiledOncePerRun).
                services.RemoveAll<JasperFx.CodeGeneration.IAssemblyGenerator>();
                services.AddSingleton<JasperFx.CodeGeneration.IAssemblyGenerator, CompiledOncePerRun>();
                Configure(services);
            });
        });
        _ = Factory.Server; // start the host: schema applied, Wolverine running
    }

    /// <summary>Hook for fixtures whose host needs settings of its own (e.g. tiny rate limits); they win over the defaults above.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    /// <summary>
    /// Hook for fixtures that host an existing database (e.g. one restored from a backup); by default a new one with
    /// Tracker's schema and no data.
    /// </summary>
    protected virtual async Task<string> CreateDatabaseAsync()
    {
        _schemaCopied = true;
        return await PostgresServer.CreateDatabaseAsync(GetType().Name, template: await SchemaTemplate.Value);
    }

    private bool _schemaCopied;

    // Each class's database is a copy (CREATE DATABASE … TEMPLATE) of one the application migrated once at the start
    // of the run: a host then starts on its schema already in place instead of creating Marten's and Wolverine's
    // tables and functions one by one, and takes it as in place (Tracker:Database:ApplySchemaOnStartup=false).
    private static readonly Lazy<Task<string>> SchemaTemplate = new(async () =>
    {
        var template = new SchemaTemplateApp();
        await template.InitializeAsync();
        await template.Factory.DisposeAsync();
        await PostgresServer.KeepOnlyTheSchemaAsync(template.ConnectionString);
        return new Npgsql.NpgsqlConnectionStringBuilder(template.ConnectionString).Database!;
    });

    private sealed class SchemaTemplateApp : TrackerApp
    {
        protected override Task<string> CreateDatabaseAsync() => PostgresServer.CreateDatabaseAsync("schema_template");
    }

    /// <summary>Hook for fixtures that replace services (e.g. the clock).</summary>
    protected virtual void Configure(IServiceCollection services)
    {
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
        await DropDatabaseAsync();
    }

    /// <summary>Hook for fixtures that share their database with another host: by default the host's database goes with it.</summary>
    protected virtual Task DropDatabaseAsync() => PostgresServer.DropDatabaseAsync(ConnectionString);

    // Redirects are shown, not followed: a followed redirect would drop the bearer token (HttpClient strips Authorization),
    // and a form's 303 is an answer to assert on.
    private static readonly WebApplicationFactoryClientOptions Shown = new() { AllowAutoRedirect = false, HandleCookies = true };

    /// <summary>A caller without a token.</summary>
    public HttpClient Anonymous() => Factory.CreateClient(Shown);

    /// <summary>A caller as a browser is one: no token, cookies kept, redirects shown rather than followed unless asked.</summary>
    public HttpClient Browser(bool followRedirects = false) =>
        Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = followRedirects, HandleCookies = true });

    /// <summary>A caller with a development token for <paramref name="role"/>.</summary>
    public HttpClient As(TrackerRole role, Guid? institutionId = null, string? userId = null)
    {
        var client = Factory.CreateClient(Shown);
        var configuration = Services.GetRequiredService<IConfiguration>();
        var token = Authentication.MintDevelopmentToken(configuration, userId ?? $"{role.ToString().ToLowerInvariant()}-1",
            role, institutionId, TimeSpan.FromHours(1));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>An admin caller.</summary>
    public HttpClient Admin() => As(TrackerRole.Admin);

    /// <summary>The document store, for reading what the API wrote.</summary>
    public IDocumentStore Store => Services.GetRequiredService<IDocumentStore>();

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Tracker.Infrastructure.Api.ConfigureJson(options);
        return options;
    }
}

/// <summary>Small conveniences over HttpClient for JSON in and out, in the API's conventions.</summary>
public static class HttpJson
{
    /// <summary>POSTs <paramref name="body"/> as JSON.</summary>
    public static Task<HttpResponseMessage> Post(this HttpClient client, string url, object body,
        string? ifMatch = null, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body, body.GetType(), options: TrackerApp.Json) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return client.SendAsync(request);
    }

    /// <summary>POSTs raw text as JSON (for malformed bodies).</summary>
    public static Task<HttpResponseMessage> PostRaw(this HttpClient client, string url, string json) =>
        client.PostAsync(url, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

    /// <summary>Reads the body as <typeparamref name="T"/>.</summary>
    public static async Task<T> Read<T>(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(TrackerApp.Json))!;

    /// <summary>GETs and reads <typeparamref name="T"/>, failing with the body when the status is not 200.</summary>
    public static async Task<T> Get<T>(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        await response.ShouldHaveStatus(200);
        return await response.Read<T>();
    }

    /// <summary>Asserts the status, showing the body when it differs.</summary>
    public static async Task ShouldHaveStatus(this HttpResponseMessage response, int status)
    {
        if ((int)response.StatusCode != status)
            ((int)response.StatusCode).ShouldBe(status, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Asserts a problem response: its status and its stable code.</summary>
    public static async Task<JsonElement> ShouldBeProblem(this HttpResponseMessage response, int status, string? code = null)
    {
        await response.ShouldHaveStatus(status);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Read<JsonElement>();
        if (code is not null) problem.GetProperty("code").GetString().ShouldBe(code);
        return problem;
    }

    /// <summary>The stream version in the ETag.</summary>
    public static long Version(this HttpResponseMessage response) =>
        long.Parse(response.Headers.ETag!.Tag.Trim('"'));
}

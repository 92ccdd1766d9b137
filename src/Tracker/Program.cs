using Tracker.Infrastructure;
using Tracker.Members;
using Tracker.Plans;

var builder = WebApplication.CreateBuilder(args);

builder.AddTrackerPersistence(MembersModule.AddMembers, PlansModule.AddPlans);
builder.Services.AddTrackerApi();
builder.Services.AddTrackerAuthentication();
builder.Services.AddTrackerHealth();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseReplayableWriteBodies();
app.UseAuthentication();
app.UseAuthorization();

app.MapTrackerHealth();
app.MapTrackerApiDocs();
app.MapMembers();
app.MapPlans();

return await app.RunTrackerCommandsAsync(args);

/// <summary>The application; public so the integration tests can host it.</summary>
public partial class Program;

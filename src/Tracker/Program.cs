using Tracker.Commitments;
using Tracker.Dashboard;
using Tracker.History;
using Tracker.Infrastructure;
using Tracker.Institutions;
using Tracker.Members;
using Tracker.Milestones;
using Tracker.OpenData;
using Tracker.Plans;
using Tracker.PublicSite;
using Tracker.Reminders;
using Tracker.Reviews;
using Tracker.SignIn;

var builder = WebApplication.CreateBuilder(args);

builder.AddTrackerPersistence(
    MembersModule.AddMembers,
    InstitutionsModule.AddInstitutions,
    PlansModule.AddPlans,
    CommitmentsModule.AddCommitments,
    MilestonesModule.AddMilestones,
    ReviewsModule.AddReviews,
    DashboardModule.AddDashboard);
builder.Services.AddTrackerApi();
builder.Services.AddTrackerAuthentication();
builder.Services.AddTrackerHealth();
builder.Services.AddOpenData();
builder.Services.AddTrackerHardening();
builder.Services.AddPublicSite();
builder.Services.AddReminders();
builder.AddTrackerTelemetry();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseTrackerHardening();
app.UseNulCharacterRefusal();
app.UseReplayableWriteBodies();
app.UseAuthentication();
app.UseInvalidTokenRefusal();
app.UseTrackerRateLimits();
app.UseAuthorization();
app.UseAntiforgery();

app.MapTrackerHealth();
app.MapTrackerApiDocs();
app.MapMembers();
app.MapInstitutions();
app.MapPlans();
app.MapCommitments();
app.MapMilestones();
app.MapReviews();
app.MapDashboard();
app.MapHistory();
app.MapOpenData();
app.MapPublicSite();
app.MapSignIn();
app.MapReminders();

return await app.RunTrackerCommandsAsync(args);

/// <summary>The application; public so the integration tests can host it.</summary>
public partial class Program;

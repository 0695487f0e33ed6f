using Workflows.Host.Accounts;
using Workflows.Host.Calendar;
using Workflows.Host.CalendarFeed;
using Workflows.Host.Clock;
using Workflows.Host.Components;
using Workflows.Host.Definitions;
using Workflows.Host.Documents;
using Workflows.Host.Experts;
using Workflows.Host.Infrastructure;
using Workflows.Host.Instances;
using Workflows.Host.MajorDecisions;
using Workflows.Host.Messages;
using Workflows.Host.NormativeDocuments;
using Workflows.Host.Notifications;
using Workflows.Host.PublicConsultation;
using Workflows.Host.Tasks;

var builder = WebApplication.CreateBuilder(args).UseServerDefaults();
var storage = WorkflowStorage.FromConfiguration(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddHostOptions(storage).AddAccounts(storage).AddEntraIdSignIn(builder.Configuration).AddApiInfrastructure().AddCalendarServices().AddCalendarFeed();
builder.Services.AddWorkflowEngineHosting(builder.Configuration, storage).AddNormativeDocumentsHosting().AddMajorDecisionsHosting();
builder.Services.AddParticipationApi();
builder.AddWebUi();

var app = builder.Build();
app.UseApiInfrastructure().UseWebUi();
app.UseRateLimiter();
app.MapAuthApi().MapDefinitionsApi().MapInstancesApi().MapTasksApi().MapMessagesApi().MapCalendarApi().MapClockApi();
app.MapInboxApi().MapCalendarFeedApi().MapDocumentsApi().MapNormativeDocumentsApi().MapMajorDecisionsApi();
app.MapPublicConsultationApi().MapExpertsApi();
app.MapBackgroundDashboard().MapOperationalEndpoints();
app.MapWebUi();
app.Run();

public partial class Program;

using Workflows.Host.Accounts;
using Workflows.Host.Calendar;
using Workflows.Host.CalendarFeed;
using Workflows.Host.Clock;
using Workflows.Host.Definitions;
using Workflows.Host.Infrastructure;
using Workflows.Host.Instances;
using Workflows.Host.MajorDecisions;
using Workflows.Host.Messages;
using Workflows.Host.Notifications;
using Workflows.Host.Tasks;

var builder = WebApplication.CreateBuilder(args).UseServerDefaults();
var storage = WorkflowStorage.FromConfiguration(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddHostOptions(storage).AddAccounts(storage).AddEntraIdSignIn(builder.Configuration).AddApiInfrastructure().AddCalendarFeed();
builder.Services.AddWorkflowEngineHosting(builder.Configuration, storage).AddMajorDecisionsHosting();

var app = builder.Build();
app.UseApiInfrastructure();
app.MapAuthApi().MapDefinitionsApi().MapInstancesApi().MapTasksApi().MapMessagesApi().MapCalendarApi().MapClockApi();
app.MapInboxApi().MapCalendarFeedApi().MapMajorDecisionsApi();
app.MapBackgroundDashboard().MapOperationalEndpoints();
app.Run();

public partial class Program;

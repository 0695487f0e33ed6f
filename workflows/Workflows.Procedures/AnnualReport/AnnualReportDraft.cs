using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Workflows.Activities.Documents;
using Workflows.Engine;
using Workflows.Engine.Activities;
using Workflows.Engine.Instances;
using Workflows.Engine.Outbox;
using Workflows.Engine.Runtime;

namespace Workflows.Procedures.AnnualReport;

/// <summary>
/// <c>fz:type="annual-report-draft"</c>: asks for a draft of the year in <c>coveredYear</c>. The
/// step only queues the work: counting reads other modules' tables and storing the draft journals
/// it in this instance, neither of which may happen inside the step's own transaction.
/// </summary>
public sealed class AnnualReportDraftActivity : IActivityHandler
{
    /// <summary>The journal entry of a draft asked for; <see cref="AnnualReportDraftWriter.FiguresJournalKind"/> follows once it is written.</summary>
    public const string RequestedJournalKind = "AnnualReportDraftRequested";

    public string Type => AnnualReportSteps.DraftActivityType;

    public ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var year = context.Variables[AnnualReportSteps.CoveredYear] is JsonValue value && value.TryGetValue<int>(out var y) ? y : 0;
        if (year is < 2000 or > 9998)
        {
            throw new WorkflowExecutionException(context.Element.Id, "没有报告年度（coveredYear），无法统计年度数据。");
        }
        var unitName = (string?)context.Variables["unitName"] ?? "";
        context.Enqueue(AnnualReportSteps.DraftOutboxType, new JsonObject { ["instanceId"] = context.InstanceId.ToString(), ["year"] = year, ["unitName"] = unitName });
        context.Record(RequestedJournalKind, new JsonObject { ["year"] = year });
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// Counts the figures and stores the draft as a case document of the instance (kind
/// <see cref="AnnualReportSteps.DraftKind"/>), with the figures in the journal beside it. Safe to
/// run twice: the document carries the outbox message's id, and a second run finds it.
/// </summary>
public sealed class AnnualReportDraftWriter(IServiceProvider services, ILogger<AnnualReportDraftWriter> logger) : IOutboxHandler
{
    public const string FiguresJournalKind = "AnnualReportFiguresCounted";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Type => AnnualReportSteps.DraftOutboxType;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var payload = EngineJson.ParseObject(message.Payload);
        var instanceId = Guid.Parse((string)payload["instanceId"]!, CultureInfo.InvariantCulture);
        var year = (int)payload["year"]!;
        var unitName = (string?)payload["unitName"] ?? "";
        var subject = "annual-report-draft:" + message.Id.ToString("N");
        var store = services.GetRequiredService<DocumentStore>();
        if ((await store.ListAsync(instanceId, subject, cancellationToken)).Count > 0)
        {
            return;
        }
        await using (var scope = services.CreateAsyncScope())
        {
            var instance = await scope.ServiceProvider.GetRequiredService<IWorkflowQueries>().GetInstanceAsync(instanceId, cancellationToken);
            if (instance is null || instance.Status != InstanceStatus.Running)
            {
                logger.LogInformation("Annual report {Instance} is no longer running; no draft is written", instanceId);
                return;
            }
        }
        var figures = await services.GetRequiredService<AnnualReportFiguresCounter>().CountAsync(year, cancellationToken);
        var bytes = AnnualReportDocument.Write(unitName, figures);
        await services.GetRequiredService<IWorkflowJournal>().AppendAsync(instanceId, FiguresJournalKind, AnnualReportSteps.GenerateDraft,
            JsonSerializer.SerializeToNode(figures, Json)!.AsObject(), WorkflowActor.System, cancellationToken);
        using var content = new MemoryStream(bytes);
        var stored = await store.AddAsync(new DocumentUpload(
            AnnualReportDocument.FileName(year), AnnualReportDocument.ContentType, content, AnnualReportSteps.DraftKind,
            instanceId, subject, AnnualReportSteps.GenerateDraft, AnnualReportDocument.Title(unitName, year)), WorkflowActor.System, cancellationToken);
        logger.LogInformation("Annual report {Instance}: draft {Document} for {Year} written", instanceId, stored.Id, year);
    }
}

using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflows.Engine;
using Workflows.Engine.Activities;
using Workflows.Engine.Bpmn.Model;
using Workflows.Engine.Outbox;
using Workflows.Engine.Runtime;
using Workflows.Procedures.NormativeDocuments.Persistence;
using Workflows.Procedures.NormativeDocuments.Register;

namespace Workflows.Procedures.NormativeDocuments.Process;

/// <summary>
/// <c>fz:type="normative-stop" fz:reason="..."</c>: the procedure ends without a document (a failed
/// fair-competition review, an unlawful opinion, a rejection). The register learns it through the
/// outbox, which commits with the step, so the entry never says "drafting" for a stopped procedure.
/// </summary>
public sealed class StopActivity : IActivityHandler
{
    public const string MessageType = "normative-document.stopped";

    public string Type => "normative-stop";

    public IEnumerable<string> Validate(ServiceTask task) =>
        string.IsNullOrWhiteSpace(task.Extension("reason")) ? ["normative-stop needs fz:reason, the reason recorded in the register."] : [];

    public ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var reason = context.Element.Extension("reason")!;
        context.Record("NormativeDocumentStopped", new JsonObject { ["reason"] = reason });
        context.Enqueue(MessageType, new JsonObject
        {
            ["instanceId"] = context.InstanceId.ToString(),
            ["activityId"] = context.Element.Id,
            ["reason"] = reason,
        });
        return ValueTask.CompletedTask;
    }
}

/// <summary>Marks the register entry abandoned; running it twice changes nothing the second time.</summary>
public sealed class StoppedHandler(IDbContextFactory<NormativeDocumentsDbContext> dbFactory, NormativeCalendar calendar) : IOutboxHandler
{
    public string Type => StopActivity.MessageType;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var payload = EngineJson.ParseObject(message.Payload);
        var instanceId = Guid.Parse((string)payload["instanceId"]!);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var document = await db.Documents.SingleOrDefaultAsync(d => d.InstanceId == instanceId, cancellationToken);
        if (document is null || document.Status != DocumentStatus.Drafting)
        {
            return;
        }
        document.Status = DocumentStatus.Abandoned;
        document.AbandonedReason = (string?)payload["reason"];
        document.Revision++;
        db.History.Add(DocumentStart.History(document.Id, calendar.Now(), "Abandoned", WorkflowActor.System, payload));
        await db.SaveChangesAsync(cancellationToken);
    }
}

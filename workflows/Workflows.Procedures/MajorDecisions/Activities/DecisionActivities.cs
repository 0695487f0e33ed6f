using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Activities.Documents;
using Workflows.Engine.Activities;
using Workflows.Engine.Calendar;
using Workflows.Engine.Runtime;
using Workflows.Engine.Tasks;
using Workflows.Procedures.MajorDecisions.Compilation;
using Workflows.Procedures.MajorDecisions.Journal;
using Workflows.Procedures.MajorDecisions.Records;

namespace Workflows.Procedures.MajorDecisions.Activities;

/// <summary>
/// Compiles the statement of statutory steps done (art. 27) into the submission: variable
/// <c>procedureStatement</c>, and a journal entry so the hash chain holds what the reviewer was given.
/// It runs right after the submission, when every step before it is committed in the journal.
/// </summary>
/// <remarks>Services are resolved when it runs: the document store depends on the runtime, which depends on the activities.</remarks>
public sealed class ProcedureStatementActivity(IServiceProvider services) : IActivityHandler
{
    public string Type => "decision-procedure-statement";

    public async ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var history = await DecisionHistory.LoadAsync(services, context.InstanceId, cancellationToken);
        var documents = services.GetRequiredService<DocumentStore>();
        var statement = ProcedureStatement.Compile(history, await documents.ListAsync(context.InstanceId, null, cancellationToken), context.Now);
        if ((bool?)statement["complete"] != true)
        {
            // The submission's guard checked the same thing a moment ago; reaching here means the
            // definition was changed to skip it, and a review must not start on an incomplete record.
            throw new WorkflowExecutionException(context.Element.Id, $"法定程序未完成：{string.Join("、", (statement["missing"] as JsonArray ?? []).Select(m => (string?)m))}");
        }
        context.SetVariable("procedureStatement", statement);
        context.Record(ProcedureStatement.JournalKind, statement);
    }
}

/// <summary>Compiles the meeting materials (art. 29) into variable <c>meetingMaterials</c> and the journal.</summary>
public sealed class MeetingMaterialsActivity(IServiceProvider services) : IActivityHandler
{
    public string Type => "decision-meeting-materials";

    public async ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var history = await DecisionHistory.LoadAsync(services, context.InstanceId, cancellationToken);
        var documents = services.GetRequiredService<DocumentStore>();
        var materials = await MeetingMaterials.CompileAsync(history, await documents.ListAsync(context.InstanceId, null, cancellationToken),
            services.GetRequiredService<IParticipationSummaries>(), context.Now, cancellationToken);
        context.SetVariable("meetingMaterials", materials);
        context.Record(MeetingMaterials.JournalKind, materials);
    }
}

/// <summary>
/// Publication is due within 20 working days of the decision (政府信息公开条例 art. 26), counted from
/// the meeting date in the record, not from when the publication task happens to open.
/// </summary>
public sealed class PublicationDueActivity(IWorkingDayCalendar calendar, TaskDeadlines deadlines) : IActivityHandler
{
    public const int WorkingDays = 20;

    public string Type => "decision-publication-due";

    public ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var meetingDate = RecordCheck.DateOf(context.Variables["meetingRecord"]?["meetingDate"])
            ?? throw new WorkflowExecutionException(context.Element.Id, "集体讨论决定没有会议日期，无法计算公布期限。");
        var due = calendar.AddWorkingDays(meetingDate, WorkingDays);
        if (due < deadlines.Clock.DateOf(context.Now))
        {
            context.Record("PublicationOverdueAtDecision", new JsonObject { ["due"] = due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        }
        context.SetVariable("publicationDue", due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return ValueTask.CompletedTask;
    }
}

using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Workflows.Activities.Documents;
using Workflows.Engine.Activities;
using Workflows.Engine.Bpmn.Model;
using Workflows.Engine.Calendar;
using Workflows.Engine.Runtime;
using Workflows.Engine.Scripting;
using Workflows.Engine.Tasks;

namespace Workflows.Procedures.PublicConsultation;

/// <summary>
/// <c>fz:type="consultation-open"</c>: publishes the draft (variable <c>draftDocumentId</c>, a document
/// of kind <c>draft</c>) and its explanation (variable <c>explanation</c>, 起草说明) for public comment
/// from now until the end of <c>fz:period</c>, counted by the statutory calendar exactly as
/// <c>fz:minimum</c> counts it on the step that answers the comments. Sets <c>consultationId</c> and
/// <c>consultationClosesAt</c>. Attributes: <c>fz:title</c> and <c>fz:period</c> (required, <c>${...}</c>
/// allowed), <c>fz:subject</c> (default <c>{definition key}:{business key}</c>).
/// </summary>
/// <remarks>
/// It runs inside the engine's step, so it writes nothing itself: the consultation is stored by the
/// <c>consultation.open</c> outbox message, which commits with the step.
/// <para>
/// The document store is taken from the step's services when it runs: it journals through the
/// runtime, which holds the activity registry, so asking for it in the constructor would be circular.
/// </para>
/// </remarks>
public sealed class ConsultationOpenActivity(
    IScriptEvaluator scripts,
    TaskDeadlines deadlines,
    IOptions<PublicConsultationOptions> options) : IActivityHandler
{
    public const string TypeKey = "consultation-open";
    public const string JournalKind = "ConsultationOpened";
    public const string DraftDocumentKind = "draft";

    public string Type => TypeKey;

    public IEnumerable<string> Validate(ServiceTask task)
    {
        var title = task.Extension("title");
        if (title is null)
        {
            yield return ProcedureText.Format("ConsultationOpen.NeedsTitle");
        }
        var period = task.Extension("period");
        if (period is null)
        {
            yield return ProcedureText.Format("ConsultationOpen.NeedsPeriod");
        }
        else if (!AttributeValues.HasPlaceholder(period) && !LegalPeriod.TryParse(period, PeriodKind.Minimum, out _))
        {
            yield return ProcedureText.Format("ConsultationOpen.BadPeriod", period);
        }
        foreach (var problem in new[] { ("fz:title", title), ("fz:period", period), ("fz:subject", task.Extension("subject")) }
                     .SelectMany(a => AttributeValues.CheckSyntax(a.Item2, scripts, a.Item1)))
        {
            yield return problem;
        }
    }

    public async ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var element = context.Element;
        var scope = AttributeValues.Scope(context);
        var title = AttributeValues.Fill(element.Extension("title") ?? "", scope, scripts, element.Id, "fz:title").Trim();
        Require(element, title.Length is > 0 and <= 500, $"fz:title 求值为「{title}」：征求意见的标题须为 1 至 500 字。");
        var periodText = AttributeValues.List(AttributeValues.Value(element.Extension("period") ?? "", scope, scripts, element.Id, "fz:period")).FirstOrDefault();
        Require(element, LegalPeriod.TryParse(periodText, PeriodKind.Minimum, out var period) && period.Amount > 0,
            $"fz:period 求值为「{periodText}」，不是有效的期间：应为如 30D（日）或 7WD（工作日）。");
        var subject = element.Extension("subject") is { } subjectTemplate
            ? AttributeValues.Fill(subjectTemplate, scope, scripts, element.Id, "fz:subject").Trim()
            : $"{context.DefinitionKey}:{context.BusinessKey ?? context.InstanceId.ToString()}";
        Require(element, subject.Length is > 0 and <= 200, "fz:subject 须为 1 至 200 字。");

        var draft = await FindDraftAsync(context, cancellationToken);
        var explanation = (context.Variables["explanation"] as JsonValue)?.TryGetValue<string>(out var text) == true ? text.Trim() : "";
        Require(element, explanation.Length > 0, "请在变量 explanation 中填写起草说明：草案须与起草说明一并公布。");
        Require(element, explanation.Length <= options.Value.MaxPublishedTextLength, $"起草说明不能超过 {options.Value.MaxPublishedTextLength} 字。");

        // The same computation as fz:minimum on the answering step: both end at the same instant.
        var closing = deadlines.EarliestCompletion(period!.ToString(), context.Now);
        var lastDay = deadlines.Clock.DateOf(closing.At.AddSeconds(-1));
        var id = Guid.CreateVersion7();
        context.SetVariable("consultationId", id.ToString());
        context.SetVariable("consultationClosesAt", closing.At.ToString("O", CultureInfo.InvariantCulture));
        context.Record(JournalKind, new JsonObject
        {
            ["consultationId"] = id.ToString(),
            ["title"] = title,
            ["subject"] = subject,
            ["period"] = period.ToString(),
            ["periodText"] = period.ToChineseText(),
            ["openedAt"] = context.Now.ToString("O", CultureInfo.InvariantCulture),
            ["lastDay"] = lastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["closesAt"] = closing.At.ToString("O", CultureInfo.InvariantCulture),
            ["draftDocumentId"] = draft.Id.ToString(),
            ["draftSha256"] = draft.Sha256,
            ["warnings"] = closing.Warnings.Count == 0 ? null : new JsonArray([.. closing.Warnings.Select(w => (JsonNode?)w)]),
        });
        context.Enqueue(ConsultationOpenHandler.MessageType, new OpenedConsultation(
            id, context.InstanceId, context.DefinitionKey, context.BusinessKey, element.Id, subject, title, explanation,
            draft.Id, period.ToString(), context.Now, lastDay, closing.At).ToPayload());
    }

    private async Task<StoredDocument> FindDraftAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var element = context.Element;
        var raw = (context.Variables["draftDocumentId"] as JsonValue)?.ToString();
        Require(element, Guid.TryParse(raw, out var draftId),
            "请先上传征求意见稿（文件类别 draft），并在变量 draftDocumentId 中给出其文件编号。");
        var draft = await context.Services.GetRequiredService<DocumentStore>().FindAsync(draftId, cancellationToken);
        Require(element, draft is not null, $"变量 draftDocumentId 所指的文件 {draftId} 不存在。");
        Require(element, draft!.Kind == DraftDocumentKind, $"文件 {draftId} 的类别是 {draft.Kind}，公开征求意见须使用类别为 {DraftDocumentKind} 的草案文件。");
        Require(element, draft.InstanceId is null || draft.InstanceId == context.InstanceId, $"文件 {draftId} 属于另一事项，不能作为本事项的征求意见稿。");
        return draft;
    }

    private static void Require(ServiceTask element, bool condition, string message)
    {
        if (!condition)
        {
            throw new WorkflowExecutionException(element.Id, message);
        }
    }
}

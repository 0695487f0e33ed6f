using Microsoft.Extensions.DependencyInjection;
using Workflows.Activities.Documents;
using Workflows.Engine.Activities;
using Workflows.Engine.Bpmn.Model;
using Workflows.Engine.Runtime;
using Workflows.Procedures.PublicConsultation;

namespace Workflows.Procedures.Experts;

/// <summary>
/// <c>fz:guard="expert-opinion"</c>, on each expert's consultation task (conventionally the
/// multi-instance <c>expert-consultation</c> with <c>fz:assignee="${expert}"</c>): the expert must have
/// filed their signed written opinion (a document of kind <c>expert-opinion</c> for this step,
/// uploaded by them since the task was given to them) before completing it.
/// </summary>
/// <remarks>The document store comes from the completion's services: taking it in the constructor would be circular (it journals through the runtime that holds the guards).</remarks>
public sealed class ExpertOpinionGuard(InstanceFacts facts) : IUserTaskGuard
{
    public const string GuardKey = "expert-opinion";

    public string Key => GuardKey;

    public IEnumerable<string> Validate(UserTask task)
    {
        if (task.Assignee is null)
        {
            yield return ProcedureText.Format("ExpertOpinion.NeedsAssignee");
        }
    }

    public async Task<IReadOnlyList<ValidationError>> CheckAsync(UserTaskGuardContext context, CancellationToken cancellationToken)
    {
        var task = await facts.GetTaskAsync(context.TaskId, cancellationToken);
        var expert = task?.Assignee ?? context.Actor.UserName;
        var since = task?.CreatedAt ?? DateTimeOffset.MinValue;
        var documents = context.Services.GetRequiredService<DocumentStore>();
        var filed = (await documents.ListAsync(context.InstanceId, null, cancellationToken)).Any(d =>
            d.Kind == ExpertOpinions.DocumentKind
            && d.ActivityId == context.Task.Id
            && string.Equals(d.UploadedBy, expert, StringComparison.OrdinalIgnoreCase)
            && d.UploadedAt >= since);
        return filed
            ? []
            : [new ValidationError("documents.expert-opinion",
                $"请专家（{expert}）先上传本人签名的书面论证意见（POST /api/expert-opinions，文件类别 {ExpertOpinions.DocumentKind}），再办结论证任务。")];
    }
}

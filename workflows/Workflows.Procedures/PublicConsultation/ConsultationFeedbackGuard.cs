using Workflows.Engine.Activities;
using Workflows.Engine.Bpmn.Model;
using Workflows.Engine.Runtime;

namespace Workflows.Procedures.PublicConsultation;

/// <summary>
/// <c>fz:guard="consultation-feedback"</c>, on the lead unit's step that closes public participation
/// (conventionally <c>public-participation</c>): it may complete only once the comment period has run
/// out, or early with a recorded <c>shortenReason</c>; every comment must have its adoption recorded
/// with a reason, and the feedback summary (反馈采纳情况和理由) must be published. Completing the step
/// closes the consultation.
/// </summary>
public sealed class ConsultationFeedbackGuard(ConsultationBook book) : IUserTaskGuard
{
    public const string GuardKey = "consultation-feedback";

    public string Key => GuardKey;

    public IEnumerable<string> Validate(UserTask task)
    {
        if (task.Extension("minimum") is null)
        {
            yield return ProcedureText.Format("ConsultationFeedback.NeedsMinimum");
        }
    }

    public async Task<IReadOnlyList<ValidationError>> CheckAsync(UserTaskGuardContext context, CancellationToken cancellationToken)
    {
        var raw = (string?)(context.Variables["consultationId"] as System.Text.Json.Nodes.JsonValue);
        if (!Guid.TryParse(raw, out var consultationId))
        {
            return [new("consultationId", "本事项尚未公开征求意见（consultation-open），不能办结公众参与环节。")];
        }
        var consultation = await book.FindAsync(consultationId, cancellationToken);
        if (consultation is null || consultation.InstanceId != context.InstanceId)
        {
            return [new("consultationId", $"征求意见 {consultationId} 不存在或不属于本事项；若刚刚开启，请稍后再试。")];
        }

        var errors = new List<ValidationError>();
        if (book.Now < consultation.ClosesAt && string.IsNullOrWhiteSpace(context.Completion.ShortenReason))
        {
            errors.Add(new("shortenReason",
                $"征求意见期（{consultation.Period}）至 {consultation.LastDay:yyyy-MM-dd} 届满；届满前结束须说明缩短理由（shortenReason），理由将记录在案。"));
        }
        var pending = (await book.CommentsAsync(consultationId, cancellationToken)).Where(c => c.Decision is null).Select(c => c.Number).ToList();
        if (pending.Count > 0)
        {
            errors.Add(new("comments",
                $"尚有 {pending.Count} 条公众意见未记录采纳情况和理由（第 {string.Join("、", pending.Take(20))}{(pending.Count > 20 ? " 等" : "")} 条）。"));
        }
        if (consultation.FeedbackPublishedAt is null)
        {
            errors.Add(new("feedback", "尚未公布反馈采纳情况和理由（POST /api/consultations/{id}/feedback）。"));
        }
        return errors;
    }
}

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Engine.Activities;
using Workflows.Engine.Runtime;
using Workflows.Procedures.NormativeDocuments.Persistence;
using Workflows.Procedures.NormativeDocuments.Process;
using Workflows.Procedures.NormativeDocuments.Register;
using Out = Workflows.Procedures.NormativeDocuments.Process.NormativeProcess.Outputs;

namespace Workflows.Procedures.NormativeDocuments.Guards;

/// <summary>
/// 集体审议: the hard gate — the journal must show a legality review by the legal affairs office
/// whose last word is "lawful" — and the meeting's record: date, kind of meeting and minutes.
/// </summary>
public sealed class DeliberationGuard(IDbContextFactory<NormativeDocumentsDbContext> db, IServiceScopeFactory scopes, NormativeCalendar calendar)
    : NormativeGuard(db)
{
    public override string Key => "normative-deliberation";
    protected override IReadOnlySet<string> Outputs { get; } = Set(Out.MeetingDate, Out.MeetingType, Out.Minutes);

    protected override async Task CheckStepAsync(UserTaskGuardContext context, NormativeDocument document, List<ValidationError> errors, CancellationToken cancellationToken)
    {
        RequireText(context, Out.MeetingType, "会议类型（常务会议、全体会议或办公会议）", errors, 100);
        RequireText(context, Out.Minutes, "会议纪要", errors, 20_000);
        var meetingDate = (string?)context.Variables[Out.MeetingDate];
        if (!DateOnly.TryParseExact(meetingDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) || day > calendar.Today())
        {
            errors.Add(new ValidationError($"variables.{Out.MeetingDate}", "请填写会议日期 (meetingDate，yyyy-MM-dd，不晚于今天)。"));
        }

        await using var scope = scopes.CreateAsyncScope();
        var record = await ProcedureRecord.ReadAsync(scope.ServiceProvider.GetRequiredService<IWorkflowQueries>(), context.InstanceId, cancellationToken);
        var review = record.Latest(NormativeProcess.Activities.LegalityReview);
        if (review?.Outcome != NormativeProcess.Outcomes.Lawful)
        {
            errors.Add(new ValidationError(context.Task.Id,
                review is null ? "未经合法性审核，不得提交集体审议。" : "合法性审核意见不是「合法」，不得提交集体审议。",
                context.Task.ElementType));
        }
    }
}

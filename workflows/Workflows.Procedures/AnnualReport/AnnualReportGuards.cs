using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Workflows.Activities.Documents;
using Workflows.Engine;
using Workflows.Engine.Activities;
using Workflows.Engine.Calendar;
using Workflows.Engine.Runtime;
using Workflows.Engine.Tasks;

namespace Workflows.Procedures.AnnualReport;

/// <summary>
/// The gates of <c>annual-report.bpmn</c>: each step may set only its own record, and cannot close
/// without it — so the report year, due dates and the records of other steps cannot be rewritten.
/// </summary>
public abstract class AnnualReportGuard : IUserTaskGuard
{
    public abstract string Key { get; }

    /// <summary>The variables this step's completion may set.</summary>
    protected abstract IReadOnlySet<string> Writable { get; }

    public async Task<IReadOnlyList<ValidationError>> CheckAsync(UserTaskGuardContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var errors = new List<ValidationError>();
        foreach (var (name, _) in context.Completion.Variables ?? [])
        {
            if (!Writable.Contains(name))
            {
                errors.Add(new ValidationError($"variables.{name}", $"「{context.Task.Name}」环节不能填写或更改「{name}」。"));
            }
        }
        if (errors.Count == 0)
        {
            await CheckStepAsync(context, errors, cancellationToken);
        }
        return errors;
    }

    protected abstract Task CheckStepAsync(UserTaskGuardContext context, List<ValidationError> errors, CancellationToken cancellationToken);

    protected static DateOnly Today(UserTaskGuardContext context) =>
        new CalendarClock(context.Services.GetRequiredService<TimeProvider>(), context.Services.GetRequiredService<IOptions<WorkflowEngineOptions>>().Value.TimeZone).Today();

    protected static string? Text(JsonNode? node, string target, string what, List<ValidationError> errors, int max = 10_000)
    {
        var text = node is JsonValue value && value.TryGetValue<string>(out var s) ? s.Trim() : null;
        if (string.IsNullOrEmpty(text))
        {
            errors.Add(new ValidationError(target, $"请填写{what}。"));
            return null;
        }
        if (text.Length > max)
        {
            errors.Add(new ValidationError(target, $"{what}不得超过 {max} 个字符。"));
            return null;
        }
        return text;
    }

    /// <summary>A <c>yyyy-MM-dd</c> day that is not in the future.</summary>
    protected static DateOnly? PastDay(JsonNode? node, string target, string what, DateOnly today, List<ValidationError> errors)
    {
        var text = node is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            errors.Add(new ValidationError(target, $"请填写{what}（yyyy-MM-dd）。"));
            return null;
        }
        if (day > today)
        {
            errors.Add(new ValidationError(target, $"{what}不能晚于今天（{today:yyyy-MM-dd}）。"));
            return null;
        }
        return day;
    }

    protected static JsonObject? Record(UserTaskGuardContext context, string variable, string what, List<ValidationError> errors)
    {
        if (context.Completion.Variables?[variable] is JsonObject record)
        {
            return record;
        }
        errors.Add(new ValidationError($"variables.{variable}", $"请填写{what}（{variable}）。"));
        return null;
    }
}

/// <summary>Drafting: sending the report on needs a draft in the case file; asking for a new one needs nothing.</summary>
public sealed class AnnualReportDraftingGuard : AnnualReportGuard
{
    public override string Key => "annual-report-drafting";

    protected override IReadOnlySet<string> Writable { get; } = new HashSet<string>();

    protected override async Task CheckStepAsync(UserTaskGuardContext context, List<ValidationError> errors, CancellationToken cancellationToken)
    {
        if (context.Completion.Outcome == "regenerate")
        {
            return;
        }
        var documents = await context.Services.GetRequiredService<DocumentStore>().ListAsync(context.InstanceId, null, cancellationToken);
        if (!documents.Any(d => d.Kind == AnnualReportSteps.DraftKind))
        {
            errors.Add(new ValidationError("documents", $"案卷中还没有年度报告稿（类型 {AnnualReportSteps.DraftKind}）：请等待系统生成初稿，或上传修改稿。"));
        }
    }
}

/// <summary>The legal affairs office's review: an opinion either way.</summary>
public sealed class AnnualReportReviewGuard : AnnualReportGuard
{
    public override string Key => "annual-report-review";

    protected override IReadOnlySet<string> Writable { get; } = new HashSet<string> { AnnualReportSteps.ReviewOpinion };

    protected override Task CheckStepAsync(UserTaskGuardContext context, List<ValidationError> errors, CancellationToken cancellationToken)
    {
        Text(context.Completion.Variables?[AnnualReportSteps.ReviewOpinion], $"variables.{AnnualReportSteps.ReviewOpinion}", "审核意见", errors);
        return Task.CompletedTask;
    }
}

/// <summary>The head of government's approval: an opinion either way.</summary>
public sealed class AnnualReportApprovalGuard : AnnualReportGuard
{
    public override string Key => "annual-report-approval";

    protected override IReadOnlySet<string> Writable { get; } = new HashSet<string> { AnnualReportSteps.ApprovalOpinion };

    protected override Task CheckStepAsync(UserTaskGuardContext context, List<ValidationError> errors, CancellationToken cancellationToken)
    {
        Text(context.Completion.Variables?[AnnualReportSteps.ApprovalOpinion], $"variables.{AnnualReportSteps.ApprovalOpinion}", "审定意见", errors);
        return Task.CompletedTask;
    }
}

/// <summary>The report to the Party committee and the people's congress standing committee: when, and to both.</summary>
public sealed class AnnualReportSubmissionGuard : AnnualReportGuard
{
    public override string Key => "annual-report-submission";

    protected override IReadOnlySet<string> Writable { get; } = new HashSet<string> { AnnualReportSteps.SubmissionRecord };

    protected override Task CheckStepAsync(UserTaskGuardContext context, List<ValidationError> errors, CancellationToken cancellationToken)
    {
        const string prefix = "variables." + AnnualReportSteps.SubmissionRecord;
        if (Record(context, AnnualReportSteps.SubmissionRecord, "报送记录", errors) is not { } record)
        {
            return Task.CompletedTask;
        }
        PastDay(record["submittedOn"], prefix + ".submittedOn", "报送日期", Today(context), errors);
        var recipients = (record["recipients"] as JsonArray ?? []).Select(r => r is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).ToList();
        foreach (var unknown in recipients.Where(r => r is null || !AnnualReportSteps.Recipients.ContainsKey(r)))
        {
            errors.Add(new ValidationError(prefix + ".recipients", $"报送对象「{unknown}」不是 {string.Join("、", AnnualReportSteps.Recipients.Keys)} 之一。"));
        }
        foreach (var missing in AnnualReportSteps.RequiredRecipients.Where(r => !recipients.Contains(r)))
        {
            errors.Add(new ValidationError(prefix + ".recipients", $"年度报告须报送{AnnualReportSteps.Recipients[missing]}（{missing}）。"));
        }
        return Task.CompletedTask;
    }
}

/// <summary>Publication: when, where and at which address — not before the report went to the Party committee.</summary>
public sealed class AnnualReportPublicationGuard : AnnualReportGuard
{
    public override string Key => "annual-report-publication";

    protected override IReadOnlySet<string> Writable { get; } = new HashSet<string> { AnnualReportSteps.PublicationRecord };

    protected override Task CheckStepAsync(UserTaskGuardContext context, List<ValidationError> errors, CancellationToken cancellationToken)
    {
        const string prefix = "variables." + AnnualReportSteps.PublicationRecord;
        if (Record(context, AnnualReportSteps.PublicationRecord, "公开记录", errors) is not { } record)
        {
            return Task.CompletedTask;
        }
        var publishedOn = PastDay(record["publishedOn"], prefix + ".publishedOn", "公开日期", Today(context), errors);
        var submittedText = (string?)context.Variables[AnnualReportSteps.SubmissionRecord]?["submittedOn"];
        if (publishedOn is { } day && DateOnly.TryParse(submittedText, CultureInfo.InvariantCulture, out var submitted) && day < submitted)
        {
            errors.Add(new ValidationError(prefix + ".publishedOn", $"公开日期不能早于向党委、人大常委会报送的日期（{submittedText}）。"));
        }
        Text(record["channel"], prefix + ".channel", "公开渠道（如政府门户网站）", errors, max: 200);
        var url = record["url"] is JsonValue u && u.TryGetValue<string>(out var s) ? s.Trim() : null;
        if (!WebAddress.TryParse(url, out _) || url!.Length > 2000)
        {
            errors.Add(new ValidationError(prefix + ".url", "请填写公开网址（http 或 https 开头的完整地址）。"));
        }
        return Task.CompletedTask;
    }
}

using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Workflows.Activities.Documents;
using Workflows.Engine;
using Workflows.Engine.Runtime;
using Workflows.Host.Accounts;
using Workflows.Host.Documents;
using Workflows.Host.Infrastructure;
using Workflows.Procedures.AnnualReport;

namespace Workflows.Host.AnnualReports;

public sealed record AnnualReportResponse(int Year, Guid InstanceId, string? Unit, string Status, IReadOnlyList<string> ActiveActivityIds, DocumentResponse? Draft)
{
    public static AnnualReportResponse From(AnnualReportCase report) =>
        new(report.Year, report.InstanceId, report.Unit, report.Status, report.ActiveActivityIds, report.Draft is null ? null : DocumentResponse.From(report.Draft));
}

public sealed record AnnualReportStartResponse(int Year, IReadOnlyList<Guid> Started, IReadOnlyList<string> AlreadyStarted, IReadOnlyList<AnnualReportResponse> Reports);

/// <summary>
/// The government's law-based-government annual report (法治政府建设年度报告): its figures, its
/// draft, and a start by hand when the scheduler has not started it.
/// </summary>
public static class AnnualReportsApi
{
    /// <summary>Who reads the whole county's figures: the legal affairs office, leaders, supervisors and admins.</summary>
    private static readonly string[] FigureReaders = [Roles.Admin, Roles.Legal, Roles.Leader, Roles.Supervisor];

    public static IEndpointRouteBuilder MapAnnualReportsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/annual-reports").WithTags("Annual report").RequireAuthorization();
        group.MapPost("/", StartAsync).WithSmallJsonBody()
            .WithSummary("Starts the report on a finished year (body {\"year\"}) for each government without one; legal affairs office or admin.");
        group.MapGet("/{year:int}", GetAsync).WithSummary("The reports on the year that you may see, each with its current draft.");
        group.MapGet("/{year:int}/figures", FiguresAsync).WithSummary("The year's figures counted from the registers and the engine, as of now.");
        group.MapGet("/{year:int}/draft", DraftAsync).WithSummary("The current draft .docx of the report on the year (?unit= when several governments report).");
        return app;
    }

    internal static async Task<Results<Created<AnnualReportStartResponse>, ProblemHttpResult>> StartAsync(
        JsonObject? body, ClaimsPrincipal user, AnnualReportCases reports, InstanceAccess access, CancellationToken cancellationToken)
    {
        var actor = user.ToActor();
        if (!actor.IsInRole(Roles.Legal) && !actor.IsInRole(Roles.Admin))
        {
            throw new WorkflowForbiddenException("只有司法行政机关（法制机构）人员或系统管理员可以手动启动年度报告。");
        }
        if (body?["year"] is not JsonValue value || !value.TryGetValue<int>(out var year))
        {
            return Problems.BadRequest("year", "请给出报告年度（year，整数，如 2026）。");
        }
        var launch = await reports.StartAsync(year, cancellationToken);
        if (launch.Started.Count == 0)
        {
            return launch.AlreadyStarted.Count == 0
                ? Problems.Conflict("没有负责编写年度报告的政府单位（单位类型 government）。")
                : Problems.Conflict($"{year} 年度报告已经启动（{string.Join("、", launch.AlreadyStarted)}），不再重复启动。");
        }
        var visible = await VisibleAsync(year, actor, reports, access, cancellationToken);
        return TypedResults.Created($"/api/annual-reports/{year}",
            new AnnualReportStartResponse(year, launch.Started, launch.AlreadyStarted, [.. visible.Select(AnnualReportResponse.From)]));
    }

    internal static async Task<Results<Ok<IReadOnlyList<AnnualReportResponse>>, ProblemHttpResult>> GetAsync(
        int year, ClaimsPrincipal user, AnnualReportCases reports, InstanceAccess access, CancellationToken cancellationToken)
    {
        reports.CheckYear(year);
        var visible = await VisibleAsync(year, user.ToActor(), reports, access, cancellationToken);
        return visible.Count == 0
            ? NoReport(year)
            : TypedResults.Ok<IReadOnlyList<AnnualReportResponse>>([.. visible.Select(AnnualReportResponse.From)]);
    }

    internal static async Task<Ok<AnnualReportFigures>> FiguresAsync(
        int year, ClaimsPrincipal user, AnnualReportCases reports, AnnualReportFiguresCounter counter, CancellationToken cancellationToken)
    {
        var actor = user.ToActor();
        if (!FigureReaders.Any(actor.IsInRole))
        {
            throw new WorkflowForbiddenException("年度统计数据由法制机构、负责人、督办人员和系统管理员查看。");
        }
        reports.CheckYear(year);
        return TypedResults.Ok(await counter.CountAsync(year, cancellationToken));
    }

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DraftAsync(
        int year, string? unit, HttpContext context, AnnualReportCases reports, InstanceAccess access, DocumentStore store, CancellationToken cancellationToken)
    {
        reports.CheckYear(year);
        var visible = await VisibleAsync(year, context.User.ToActor(), reports, access, cancellationToken);
        var report = string.IsNullOrWhiteSpace(unit) ? visible.FirstOrDefault() : visible.FirstOrDefault(r => string.Equals(r.Unit, unit.Trim(), StringComparison.OrdinalIgnoreCase));
        if (report is null)
        {
            return string.IsNullOrWhiteSpace(unit) ? NoReport(year) : Problems.NotFound($"单位「{unit}」没有 {year} 年度的法治政府建设年度报告。", "unit");
        }
        if (report.Draft is not { } draft || await store.ReadAsync(draft.Id, cancellationToken) is not { } bytes)
        {
            return Problems.NotFound($"{year} 年度报告还没有生成初稿，请稍后再试。", "year");
        }
        context.Response.Headers.ContentDisposition = DocumentHeaders.ContentDisposition(draft.FileName);
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(bytes, AnnualReportDocument.ContentType,
            entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{draft.Sha256}\""));
    }

    private static async Task<List<AnnualReportCase>> VisibleAsync(int year, WorkflowActor actor, AnnualReportCases reports, InstanceAccess access, CancellationToken cancellationToken)
    {
        var visible = new List<AnnualReportCase>();
        foreach (var report in await reports.FindAsync(year, cancellationToken))
        {
            if (await access.MaySeeInstanceAsync(report.InstanceId, actor, cancellationToken))
            {
                visible.Add(report);
            }
        }
        return visible;
    }

    private static ProblemHttpResult NoReport(int year) => Problems.NotFound($"没有 {year} 年度的法治政府建设年度报告。", "year");
}

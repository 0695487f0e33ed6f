using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workflows.Activities.Documents;
using Workflows.Engine.Persistence;
using Workflows.Engine.Runtime;
using Workflows.Engine.Tasks;
using Workflows.Host.Accounts;
using Workflows.Host.Infrastructure;
using Workflows.Procedures.Experts;
using Workflows.Procedures.MajorDecisions;
using Workflows.Procedures.MajorDecisions.Register;
using Workflows.Procedures.NormativeDocuments.Persistence;
using Workflows.Procedures.NormativeDocuments.Register;
using Workflows.Procedures.PublicConsultation;

namespace Workflows.Host.Demo;

/// <summary>When the demo records have been seeded (or found already there) at this start.</summary>
public sealed class DemoSeedStatus
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Completed => _done.Task;

    internal void Finish() => _done.TrySetResult();

    internal void Fail(Exception error) => _done.TrySetException(error);
}

/// <summary>
/// The demo county's records, so a new user sees a living system: experts in the pool (one with a
/// declared interest), a normative document registered and published with its number, one in
/// drafting, and a major decision out for public comment with two comments from the public. Each is
/// made through the product's own services, exactly as people would make them, so registers and
/// journals agree; each is looked for first, so a restart adds nothing.
/// </summary>
/// <remarks>
/// Runs once the host has started: the decision's consultation is stored by the outbox, which the
/// background worker runs, and the comments need it.
/// </remarks>
internal sealed class DemoRecords(
    IServiceScopeFactory scopes,
    IHostApplicationLifetime lifetime,
    IOptions<WorkflowsHostOptions> options,
    WorkflowStorage storage,
    DemoSeedStatus status,
    ILogger<DemoRecords> logger) : BackgroundService
{
    public const string PublishedTitle = "柳江县行政执法公示办法";
    public const string DraftingTitle = "柳江县城区户外广告设置管理规定";
    public const string DecisionTitle = "关于柳江县城区公共停车设施建设和收费调整的决策";

    private static readonly WorkflowActor Owner = new(Roles.Owner, new HashSet<string> { Roles.Owner }, DemoData.DevelopmentReform);
    private static readonly WorkflowActor Legal = new(Roles.Legal, new HashSet<string> { Roles.Legal }, DemoData.LegalOffice);
    private static readonly WorkflowActor Leader = new(Roles.Leader, new HashSet<string> { Roles.Leader }, DemoData.CountyGovernment);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var host = options.Value;
        if (!(host.SeedDemo ?? storage.Provider == DatabaseProvider.Sqlite) || !host.SeedDemoRecords)
        {
            status.Finish();
            return;
        }
        try
        {
            await WhenStartedAsync(stoppingToken);
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            await ExpertsAsync(services, stoppingToken);
            await NormativeDocumentsAsync(services, stoppingToken);
            await DecisionAsync(services, stoppingToken);
            status.Finish();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Could not seed the demo records");
            status.Fail(ex);
        }
    }

    private Task WhenStartedAsync(CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        cancellationToken.Register(() => started.TrySetCanceled(cancellationToken));
        return started.Task;
    }

    private static async Task ExpertsAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var pool = services.GetRequiredService<ExpertPool>();
        var present = (await pool.ListAsync(cancellationToken: cancellationToken)).Select(e => e.Name).ToHashSet();
        ExpertInput[] experts =
        [
            new("韦立新", ["城市规划", "交通"], "教授级高级工程师", "柳州市城市规划设计研究院", "weilixin@experts.fazhi.local", Roles.Expert, []),
            new("覃海燕", ["法律"], "律师", "广西某律师事务所", "qinhaiyan@experts.fazhi.local", null, []),
            new("黄志明", ["交通", "道路工程"], "高级工程师", "柳州市交通科学研究所", "huangzhiming@experts.fazhi.local", null, []),
            new("蓝晓红", ["财政", "价格"], "副教授", "广西科技大学经济与管理学院", "lanxiaohong@experts.fazhi.local", null, []),
            new("莫建国", ["城市规划"], "高级工程师", "柳江县城乡规划设计所", "mojianguo@experts.fazhi.local", null, ["城区公共停车设施"]),
        ];
        foreach (var expert in experts.Where(e => !present.Contains(e.Name!)))
        {
            await pool.AddAsync(expert, cancellationToken);
        }
    }

    private async Task NormativeDocumentsAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var dbFactory = services.GetRequiredService<IDbContextFactory<NormativeDocumentsDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var titles = await db.Documents.Select(d => d.Title).ToListAsync(cancellationToken);
        var start = services.GetRequiredService<DocumentStart>();
        if (!titles.Contains(PublishedTitle))
        {
            var document = await start.StartAsync(new StartDocumentRequest(
                PublishedTitle, DemoData.CountyGovernment, DemoData.DevelopmentReform, false, false, true, "内部管理制度，依法不予公开征求意见", 5), Owner, cancellationToken);
            var today = Today(services);
            await CompleteAsync(services, document.InstanceId, "drafting", Owner, new JsonObject
            {
                ["assessmentNotes"] = "制定必要性、合法性、可行性评估：落实行政执法“三项制度”，确有必要，与上位法不抵触。",
            });
            await CompleteAsync(services, document.InstanceId, "legality-review", Legal, new JsonObject
            {
                ["legalityOpinion"] = "经审核，该文件制定主体合法、内容合法、程序合法。",
            }, "lawful", "演示数据：审核机构已完成审核。");
            await CompleteAsync(services, document.InstanceId, "collective-deliberation", Leader, new JsonObject
            {
                ["meetingDate"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["meetingType"] = "县政府常务会议",
                ["minutes"] = "会议审议通过，同意印发。",
            }, "adopt");
            await services.GetRequiredService<RegisterCommands>().RegisterAsync(document.Id, Legal, cancellationToken);
            await services.GetRequiredService<PublicationCommands>().PublishAsync(document.Id,
                new PublishRequest("柳江县人民政府门户网站", "http://www.liujiang.gov.cn/zwgk/gfxwj/demo.html", null, null), Legal, cancellationToken);
        }
        if (!titles.Contains(DraftingTitle))
        {
            await start.StartAsync(new StartDocumentRequest(DraftingTitle, DemoData.CountyGovernment, DemoData.DevelopmentReform, false, false, null, null, 5),
                Owner, cancellationToken);
        }
    }

    private async Task DecisionAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var register = services.GetRequiredService<DecisionRegister>();
        var queries = services.GetRequiredService<IWorkflowQueries>();
        if ((await register.ListAsync(new DecisionFilter(Search: DecisionTitle), queries, cancellationToken)).Count > 0)
        {
            return;
        }
        var today = Today(services);
        var decision = await register.ProposeAsync(new JsonObject
        {
            ["title"] = DecisionTitle,
            ["catalogueYear"] = today.Year,
            ["reasons"] = "城区停车供需矛盾突出，需统筹规划公共停车设施。",
            ["legalBasis"] = new JsonArray("《中华人民共和国城乡规划法》", "《重大行政决策程序暂行条例》"),
            ["firstPlan"] = "新建公共停车场三处，实行差别化收费。",
            ["marketActorsAffected"] = true,
        }, Owner, queries, adjusts: null, cancellationToken);
        await CompleteAsync(services, decision.Id, DecisionSteps.Proposal, Leader, new JsonObject
        {
            ["startDecision"] = new JsonObject
            {
                ["started"] = true,
                ["decidedOn"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["meeting"] = "县政府常务会议",
                ["leadUnit"] = DemoData.DevelopmentReform,
                ["commentPeriodDays"] = 30,
                ["applicability"] = new JsonObject
                {
                    ["publicParticipation"] = new JsonObject { ["applies"] = true },
                    ["hearing"] = new JsonObject { ["applies"] = false, ["reason"] = "法律法规未要求听证。" },
                    ["expertConsultation"] = new JsonObject { ["applies"] = false, ["reason"] = "已在前期规划中完成专家论证。" },
                    ["riskAssessment"] = new JsonObject { ["applies"] = true },
                },
            },
        });
        var draft = await services.GetRequiredService<DocumentStore>().AddAsync(new DocumentUpload(
            "决策草案（征求意见稿）.txt", "text/plain", new MemoryStream(Encoding.UTF8.GetBytes("关于柳江县城区公共停车设施建设和收费调整的决策（征求意见稿）")),
            DecisionDocumentKinds.Draft, decision.Id), Owner, cancellationToken);
        const string explanation = "起草说明：依据《中华人民共和国城乡规划法》，结合城区停车现状拟订本方案。";
        await CompleteAsync(services, decision.Id, DecisionSteps.Drafting, Owner, new JsonObject
        {
            ["drafting"] = new JsonObject
            {
                ["draftDocumentId"] = draft.Id.ToString(),
                ["explanation"] = explanation,
                ["legalBasis"] = new JsonArray("《中华人民共和国城乡规划法》"),
                ["viewsDiffer"] = false,
                ["consultedUnits"] = new JsonArray(new JsonObject { ["unit"] = "柳江县交通运输局", ["opinion"] = "同意。" }),
            },
            [DecisionSteps.DraftDocumentId] = draft.Id.ToString(),
            [DecisionSteps.Explanation] = explanation,
        });

        // The consultation is stored by the outbox once the step has committed.
        var book = services.GetRequiredService<ConsultationBook>();
        Consultation? consultation = null;
        for (var attempt = 0; attempt < 600 && consultation is null; attempt++)
        {
            consultation = (await book.ListForInstanceAsync(decision.Id, cancellationToken)).FirstOrDefault();
            if (consultation is null)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken); // polling the background worker, not a timer
            }
        }
        if (consultation is null)
        {
            throw new InvalidOperationException($"The consultation of the demo decision {decision.Id} was not stored within a minute.");
        }
        var intake = services.GetRequiredService<CommentIntake>();
        await intake.SubmitAsync(consultation.Id, new CommentSubmission("王先生", "13900000000", "建议老城区增设夜间免费停车时段。"), "demo-seed", cancellationToken);
        await intake.SubmitAsync(consultation.Id, new CommentSubmission(null, null, "收费标准偏高，建议按区域分级收费。"), "demo-seed", cancellationToken);
    }

    private static async Task CompleteAsync(
        IServiceProvider services, Guid instanceId, string activityId, WorkflowActor actor, JsonObject variables, string? outcome = null, string? shortenReason = null)
    {
        var queries = services.GetRequiredService<IWorkflowQueries>();
        var task = (await queries.ListTasksAsync(new TaskFilter(instanceId), actor, CancellationToken.None)).Single(t => t.ActivityId == activityId);
        await services.GetRequiredService<IWorkflowRuntime>().CompleteTaskAsync(task.Id, new TaskCompletion(outcome, variables, null, shortenReason), actor, CancellationToken.None);
    }

    private static DateOnly Today(IServiceProvider services) => services.GetRequiredService<TaskDeadlines>().Clock.Today();
}

public static class DemoHosting
{
    /// <summary>The demo county's records; registered last, so every module's tables and procedures are there first.</summary>
    public static IServiceCollection AddDemoRecords(this IServiceCollection services)
    {
        services.AddSingleton<DemoSeedStatus>();
        services.AddHostedService<DemoRecords>();
        return services;
    }
}

using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Activities.Documents;
using Workflows.Engine.Runtime;
using Workflows.Host.Components.Decisions;
using Workflows.Host.Tests.Infrastructure;
using Workflows.Procedures.MajorDecisions.Records;
using Workflows.Procedures.MajorDecisions.Register;

namespace Workflows.Host.Tests.WebPages;

/// <summary>
/// The start-a-decision wizard's command on the real host: a proposal goes through the decision
/// register's checks (each error names its field, and nothing is started), and a valid one starts the
/// procedure with the owner's view of the statutory steps filed with the case.
/// </summary>
public sealed class DecisionDeskTests(HostFactory host) : IClassFixture<HostFactory>
{
    private static readonly WorkflowActor Owner = new("owner", new HashSet<string> { "owner" }, "county-drc");

    private static readonly StepApplicability[] Steps =
    [
        new(Applicability.PublicParticipation, true, null),
        new(Applicability.Hearing, false, "已通过座谈会听取意见。"),
        new(Applicability.ExpertConsultation, true, null),
        new(Applicability.RiskAssessment, false, "不涉及社会稳定和公共安全。"),
    ];

    [Fact]
    public async Task ProposeAsync_NamesEachFieldAtFault_AndStartsNothing()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var desk = scope.ServiceProvider.GetRequiredService<DecisionDesk>();
        var register = scope.ServiceProvider.GetRequiredService<DecisionRegister>();
        var queries = scope.ServiceProvider.GetRequiredService<IWorkflowQueries>();
        var before = (await register.ListAsync(new DecisionFilter(2026), queries, CancellationToken.None)).Count;

        var refused = await Assert.ThrowsAsync<WorkflowValidationException>(() => desk.ProposeAsync(
            new DecisionProposal("城区停车收费办法", 2026, Guid.NewGuid(), "no-such-unit", "", [], "初步方案", false),
            Steps, Owner, CancellationToken.None));

        Assert.Equal(["catalogueItemId", "decisionBody", "legalBasis", "reasons"], refused.Errors.Select(e => e.Target).Order());
        Assert.Equal(before, (await register.ListAsync(new DecisionFilter(2026), queries, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task ProposeAsync_StartsTheDecision_AndFilesTheOwnersViewOfTheSteps()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var desk = scope.ServiceProvider.GetRequiredService<DecisionDesk>();

        var id = await desk.ProposeAsync(
            new DecisionProposal("县城区集中供热价格调整", 2026, null, null, "成本倒挂。", ["《中华人民共和国价格法》第二十三条"], "每平方米调整为24元。", true),
            Steps, Owner, CancellationToken.None);

        var decision = await scope.ServiceProvider.GetRequiredService<DecisionRegister>().FindAsync(id, CancellationToken.None);
        Assert.NotNull(decision);
        Assert.Equal(("县城区集中供热价格调整", "county-gov", "county-drc", true), (decision.Title, decision.DecisionBody, decision.ProposerUnit, decision.MarketActorsAffected));
        var instance = await scope.ServiceProvider.GetRequiredService<IWorkflowQueries>().GetInstanceAsync(id, CancellationToken.None);
        Assert.Equal(["proposal"], instance!.ActiveActivityIds);

        var documents = scope.ServiceProvider.GetRequiredService<DocumentStore>();
        var filed = Assert.Single(await documents.ListAsync(id, null, CancellationToken.None));
        Assert.Equal(("适用程序建议.txt", "material", "owner"), (filed.FileName, filed.Kind, filed.UploadedBy));
        var text = Encoding.UTF8.GetString((await documents.ReadAsync(filed.Id, CancellationToken.None))!);
        Assert.Contains("决策事项：县城区集中供热价格调整", text);
        Assert.Contains("公众参与：建议适用。", text);
        Assert.Contains("听证：建议不适用。理由：已通过座谈会听取意见。", text);
        Assert.Contains("风险评估：建议不适用。理由：不涉及社会稳定和公共安全。", text);
    }
}

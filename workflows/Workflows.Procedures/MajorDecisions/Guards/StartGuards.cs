using System.Text.Json.Nodes;
using Workflows.Engine.Activities;
using Workflows.Engine.Runtime;
using Workflows.Procedures.MajorDecisions.Records;

namespace Workflows.Procedures.MajorDecisions.Guards;

/// <summary>
/// On every task of the procedure: a completion may set only its own step's record. Without it,
/// closing the drafting task could quietly rewrite the start decision's applicability, or a hearing
/// could carry a new legality opinion.
/// </summary>
public sealed class DecisionVariablesGuard : IUserTaskGuard
{
    public const string GuardKey = "decision-variables";

    public string Key => GuardKey;

    public Task<IReadOnlyList<ValidationError>> CheckAsync(UserTaskGuardContext context, CancellationToken cancellationToken)
    {
        var writable = DecisionSteps.WritableBy(context.Task.Id);
        IReadOnlyList<ValidationError> errors = [.. (context.Completion.Variables ?? [])
            .Where(v => DecisionSteps.Protected.Contains(v.Key) && !writable.Contains(v.Key))
            .Select(v => new ValidationError($"variables.{v.Key}",
                $"「{DecisionSteps.NameOf(context.Task.Id)}」环节不能设置变量 {v.Key}：它属于决策程序的其他环节或由流程自动产生。"))];
        return Task.FromResult(errors);
    }
}

/// <summary>Art. 10-11: the decision body decides whether to start, names the lead unit and which statutory steps apply.</summary>
public sealed class StartDecisionGuard : DecisionGuard
{
    public override string Key => "decision-start";

    protected override string Variable => "startDecision";

    protected override RecordCheck Shape(JsonObject? record, string prefix) => DecisionRecords.StartDecision(record, prefix);

    protected override async Task CheckContextAsync(DecisionGuardContext context, JsonObject record, RecordCheck check, CancellationToken cancellationToken)
    {
        // An instance started without going through the register still needs a complete proposal.
        var proposal = DecisionRecords.Proposal(context.Variables[DecisionSteps.Start.Proposal] as JsonObject, DecisionSteps.Start.Proposal);
        foreach (var error in proposal.Errors)
        {
            check.Fail(error.Target, error.Message);
        }
        context.RequireNotAfterToday(check, "decidedOn");
        await context.RequireUnitAsync(check, "leadUnit", cancellationToken);
    }
}

/// <summary>Art. 12-13: a draft document of this decision with its explanation and legal basis; a revision says what changed.</summary>
public sealed class DraftGuard : DecisionGuard
{
    public override string Key => "decision-draft";

    protected override string Variable => "drafting";

    protected override RecordCheck Shape(JsonObject? record, string prefix) => DecisionRecords.Drafting(record, prefix);

    protected override async Task CheckContextAsync(DecisionGuardContext context, JsonObject record, RecordCheck check, CancellationToken cancellationToken)
    {
        await context.RequireDocumentAsync(check, "draftDocumentId", DecisionDocumentKinds.Draft, cancellationToken);
        var submitted = context.Task.Completion.Variables!;
        // The consultation reads these two, so they must say what the record says.
        check.Require(JsonNode.DeepEquals(submitted[DecisionSteps.DraftDocumentId], record["draftDocumentId"]), "draftDocumentId",
            $"variables.{DecisionSteps.DraftDocumentId} 须与 drafting.draftDocumentId 相同。");
        check.Require(JsonNode.DeepEquals(submitted[DecisionSteps.Explanation], record["explanation"]), "explanation",
            $"variables.{DecisionSteps.Explanation} 须与 drafting.explanation 相同。");
        var previous = (await context.HistoryAsync(cancellationToken)).Latest(DecisionSteps.Drafting);
        if (previous is not null)
        {
            check.Require(record["changes"] is not null, "changes", $"{check.PathOf("changes")}：修改后的草案须说明修改内容。");
            check.Require((string?)previous.Record["draftDocumentId"] != (string?)record["draftDocumentId"], "draftDocumentId",
                $"{check.PathOf("draftDocumentId")}：修改后的草案须上传新的草案文本。");
        }
    }
}

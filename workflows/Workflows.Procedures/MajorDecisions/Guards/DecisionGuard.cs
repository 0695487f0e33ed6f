using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Activities.Documents;
using Workflows.Engine.Activities;
using Workflows.Engine.Bpmn.Model;
using Workflows.Engine.Runtime;
using Workflows.Engine.Tasks;
using Workflows.Procedures.MajorDecisions.Journal;
using Workflows.Procedures.MajorDecisions.Records;

namespace Workflows.Procedures.MajorDecisions.Guards;

/// <summary>
/// A statutory gate on one step of the procedure: the step's record must arrive with the
/// completion (not linger from an earlier round), have the right shape, and agree with what the
/// journal says happened before it.
/// </summary>
public abstract class DecisionGuard : IUserTaskGuard
{
    public abstract string Key { get; }

    /// <summary>The completion variable holding the step's record.</summary>
    protected abstract string Variable { get; }

    protected abstract RecordCheck Shape(JsonObject? record, string prefix);

    /// <summary>Checks against the instance's history, documents and units; runs only on a well-formed record.</summary>
    protected virtual Task CheckContextAsync(DecisionGuardContext context, JsonObject record, RecordCheck check, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    public virtual IEnumerable<string> Validate(UserTask task) => [];

    public async Task<IReadOnlyList<ValidationError>> CheckAsync(UserTaskGuardContext context, CancellationToken cancellationToken)
    {
        if (context.Completion.Variables?[Variable] is not JsonObject record)
        {
            var message = $"须随本环节办结提交「{DecisionSteps.NameOf(context.Task.Id)}」的记录（变量 {Variable}）。";
            return [new ValidationError(Variable, message)];
        }
        var check = Shape(record, Variable);
        if (check.Valid)
        {
            await CheckContextAsync(new DecisionGuardContext(context), record, check, cancellationToken);
        }
        return check.Errors;
    }
}

/// <summary>What a guard may look at, loaded on first use.</summary>
public sealed class DecisionGuardContext(UserTaskGuardContext context)
{
    private DecisionHistory? _history;
    private IReadOnlyList<StoredDocument>? _documents;

    public UserTaskGuardContext Task => context;
    public Guid InstanceId => context.InstanceId;
    public WorkflowActor Actor => context.Actor;
    public JsonObject Variables => context.Variables;
    public IServiceProvider Services => context.Services;

    public DateOnly Today => Services.GetRequiredService<TaskDeadlines>().Clock.Today();

    public DateOnly DateOf(DateTimeOffset instant) => Services.GetRequiredService<TaskDeadlines>().Clock.DateOf(instant);

    public DateTimeOffset Now => Services.GetRequiredService<TimeProvider>().GetUtcNow();

    public async Task<DecisionHistory> HistoryAsync(CancellationToken cancellationToken) =>
        _history ??= await DecisionHistory.LoadAsync(Services, InstanceId, cancellationToken);

    public async Task<IReadOnlyList<StoredDocument>> DocumentsAsync(CancellationToken cancellationToken) =>
        _documents ??= await Services.GetRequiredService<DocumentStore>().ListAsync(InstanceId, null, cancellationToken);

    /// <summary>Fails the field unless it names a document of this decision, of the given kind when one is given.</summary>
    public async Task RequireDocumentAsync(RecordCheck check, string field, string? kind, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse((string?)check.Json?[field], out var id))
        {
            return;
        }
        var document = (await DocumentsAsync(cancellationToken)).FirstOrDefault(d => d.Id == id);
        if (document is null)
        {
            check.Fail(field, $"{check.PathOf(field)}：本决策事项没有编号为 {id} 的文档，请先上传。");
        }
        else if (kind is not null && document.Kind != kind)
        {
            check.Fail(field, $"{check.PathOf(field)}：文档「{document.FileName}」的类别是 {document.Kind}，此处须为 {kind}（{DecisionDocumentKinds.Names.GetValueOrDefault(kind, kind)}）。");
        }
    }

    public async Task RequireUnitAsync(RecordCheck check, string field, CancellationToken cancellationToken)
    {
        if ((string?)check.Json?[field] is { } code
            && await Services.GetRequiredService<IUnitDirectory>().NameOfAsync(code, cancellationToken) is null)
        {
            check.Fail(field, $"{check.PathOf(field)}：没有代码为「{code}」的单位。");
        }
    }

    public void RequireNotAfterToday(RecordCheck check, string field)
    {
        if (RecordCheck.DateOf(check.Json?[field]) is { } date && date > Today)
        {
            check.Fail(field, $"{check.PathOf(field)}：{date:yyyy-MM-dd} 晚于今天（{Today:yyyy-MM-dd}），不能记录尚未发生的事项。");
        }
    }
}

using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflows.Engine.Activities;
using Workflows.Engine.Runtime;
using Workflows.Procedures.NormativeDocuments.Persistence;
using Workflows.Procedures.NormativeDocuments.Process;
using Workflows.Procedures.NormativeDocuments.Register;

namespace Workflows.Procedures.NormativeDocuments.Guards;

/// <summary>
/// The statutory gates of the normative-document procedure share one rule: a step may submit
/// only what it produces. The document's settings (comment period, review window ...) are fixed at
/// start and no step can change them; a step's output (the legality opinion, say) can be given
/// only by that step — so the owner cannot pass off comments as a legality review.
/// </summary>
public abstract class NormativeGuard(IDbContextFactory<NormativeDocumentsDbContext> dbFactory) : IUserTaskGuard
{
    private static readonly IReadOnlySet<string> AllOutputs = typeof(NormativeProcess.Outputs)
        .GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToHashSet(StringComparer.Ordinal);

    public abstract string Key { get; }

    /// <summary>The outputs this step may set.</summary>
    protected abstract IReadOnlySet<string> Outputs { get; }

    public virtual IEnumerable<string> Validate(Engine.Bpmn.Model.UserTask task) => [];

    public async Task<IReadOnlyList<ValidationError>> CheckAsync(UserTaskGuardContext context, CancellationToken cancellationToken)
    {
        var errors = new List<ValidationError>();
        foreach (var (name, _) in context.Completion.Variables ?? [])
        {
            if (NormativeProcess.Settings.All.Contains(name))
            {
                errors.Add(new ValidationError($"variables.{name}", $"「{name}」是文件启动时确定的设置，任何环节都不能更改。"));
            }
            else if (AllOutputs.Contains(name) && !Outputs.Contains(name))
            {
                errors.Add(new ValidationError($"variables.{name}", $"「{name}」只能由产生它的环节填写，不能在「{context.Task.Name}」环节提交。"));
            }
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var document = await db.Documents.AsNoTracking().Include(d => d.Filings)
            .SingleOrDefaultAsync(d => d.InstanceId == context.InstanceId, cancellationToken);
        if (document is null)
        {
            return [new ValidationError(context.Task.Id, "此流程没有对应的规范性文件登记，请通过 POST /api/normative-documents 启动起草。", context.Task.ElementType)];
        }
        await CheckStepAsync(context, document, errors, cancellationToken);
        return errors;
    }

    protected abstract Task CheckStepAsync(UserTaskGuardContext context, NormativeDocument document, List<ValidationError> errors, CancellationToken cancellationToken);

    /// <summary>Requires a text output of 1 to <paramref name="max"/> characters.</summary>
    protected static void RequireText(UserTaskGuardContext context, string variable, string what, List<ValidationError> errors, int max = 10_000)
    {
        var text = context.Variables[variable] is JsonValue value && value.TryGetValue<string>(out var s) ? s.Trim() : null;
        if (string.IsNullOrEmpty(text))
        {
            errors.Add(new ValidationError($"variables.{variable}", $"请填写{what} ({variable})。"));
        }
        else if (text.Length > max)
        {
            errors.Add(new ValidationError($"variables.{variable}", $"{what}不得超过 {max} 个字符。"));
        }
    }

    protected static IReadOnlySet<string> Set(params string[] names) => names.ToHashSet(StringComparer.Ordinal);
}

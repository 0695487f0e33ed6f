namespace Workflows.Host.Components.Tasks;

/// <summary>The 待办 filters: procedure, due status and free text over step, case title and business key.</summary>
public sealed record TaskListFilter(string? Procedure = null, DueStatus? Due = null, string? Text = null)
{
    public IReadOnlyList<TaskRow> Apply(IEnumerable<TaskRow> rows) => [.. rows.Where(Matches)];

    private bool Matches(TaskRow row) =>
        (Procedure is null || row.Task.DefinitionKey == Procedure)
        && (Due is null || row.Due == Due)
        && (string.IsNullOrWhiteSpace(Text) || Contains(row.Task.Name) || Contains(row.CaseTitle) || Contains(row.Task.BusinessKey) || Contains(row.ProcedureName));

    private bool Contains(string? value) => value?.Contains(Text!.Trim(), StringComparison.CurrentCultureIgnoreCase) == true;
}

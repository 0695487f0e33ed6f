using Workflows.Engine.Bpmn;

namespace Workflows.Procedures;

/// <summary>What the statutory procedures' activities and guards say about how they were configured; see <see cref="MessageCatalog"/>.</summary>
public static class ProcedureText
{
    private static readonly MessageCatalog Catalog = new("Workflows.Procedures.Resources.ProcedureText", typeof(ProcedureText).Assembly);

    public static MessageCatalog Messages => Catalog;

    public static string Format(string name, params object?[] args) => Catalog.Format(name, args);
}

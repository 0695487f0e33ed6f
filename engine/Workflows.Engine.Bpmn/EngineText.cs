namespace Workflows.Engine.Bpmn;

/// <summary>The engine's findings about a procedure (parser and publish checks); see <see cref="MessageCatalog"/>.</summary>
public static class EngineText
{
    public static MessageCatalog Catalog { get; } = new("Workflows.Engine.Bpmn.Resources.EngineText", typeof(EngineText).Assembly);

    public static string Format(string name, params object?[] args) => Catalog.Format(name, args);

    public static string? Find(string name) => Catalog.Find(name);
}

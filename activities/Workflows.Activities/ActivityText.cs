using Workflows.Engine.Bpmn;

namespace Workflows.Activities;

/// <summary>What the activities say about how they were configured in a procedure; see <see cref="MessageCatalog"/>.</summary>
public static class ActivityText
{
    private static readonly MessageCatalog Catalog = new("Workflows.Activities.Resources.ActivityText", typeof(ActivityText).Assembly);

    public static MessageCatalog Messages => Catalog;

    public static string Format(string name, params object?[] args) => Catalog.Format(name, args);
}

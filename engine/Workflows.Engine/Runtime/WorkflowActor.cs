namespace Workflows.Engine.Runtime;

/// <summary>Who is acting: a signed-in person, or the system (scheduler, background work).</summary>
public sealed record WorkflowActor(string UserName, IReadOnlySet<string> Roles, string? UnitCode = null)
{
    public static readonly WorkflowActor System = new("system", new HashSet<string>(), null);

    public bool IsSystem => ReferenceEquals(this, System) || UserName == "system";

    public bool IsInRole(string role) => Roles.Contains(role);
}

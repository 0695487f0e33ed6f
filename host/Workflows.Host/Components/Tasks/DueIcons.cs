using MudBlazor;

namespace Workflows.Host.Components.Tasks;

/// <summary>The colour and icon of each due status: red overdue, amber due soon, green on time.</summary>
public static class DueIcons
{
    public static string Of(DueStatus due) => due switch
    {
        DueStatus.Overdue => Icons.Material.Filled.Error,
        DueStatus.DueSoon => Icons.Material.Filled.Schedule,
        _ => Icons.Material.Filled.CheckCircle,
    };

    public static Color Color(DueStatus due) => due switch
    {
        DueStatus.Overdue => MudBlazor.Color.Error,
        DueStatus.DueSoon => MudBlazor.Color.Warning,
        _ => MudBlazor.Color.Success,
    };
}

using Workflows.Activities.Notifications.Recipients;

namespace Workflows.Activities.Notifications;

public sealed class NotificationOptions
{
    public const string Section = "Workflows:Notifications";

    /// <summary>The culture templates are rendered in; zh-CN (the neutral resources) unless a deployment says otherwise.</summary>
    public string Culture { get; set; } = "zh-CN";

    /// <summary>People for the stand-in <see cref="ConfiguredRecipientDirectory"/>; unused once the host registers its own directory.</summary>
    public List<DirectoryPerson> People { get; set; } = [];
}

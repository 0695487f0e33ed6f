using Microsoft.Extensions.DependencyInjection;
using Workflows.Engine.Activities;
using Workflows.Engine.Runtime;

namespace Workflows.Procedures.Experts;

/// <summary>
/// <c>fz:guard="expert-adoption"</c>, on the lead unit's step after the expert consultation: there is
/// at least one expert opinion, and every expert's opinion has its adoption recorded with a reason.
/// </summary>
/// <remarks>The opinions service comes from the completion's services: taking it in the constructor would be circular (it journals through the runtime that holds the guards).</remarks>
public sealed class ExpertAdoptionGuard : IUserTaskGuard
{
    public const string GuardKey = "expert-adoption";

    public string Key => GuardKey;

    public async Task<IReadOnlyList<ValidationError>> CheckAsync(UserTaskGuardContext context, CancellationToken cancellationToken)
    {
        var all = await context.Services.GetRequiredService<ExpertOpinions>().ForInstanceAsync(context.InstanceId, cancellationToken);
        if (all.Count == 0)
        {
            return [new("expertOpinions", "本事项尚无专家书面论证意见，不能办结专家意见采纳环节。")];
        }
        var pending = all.Where(o => o.Adoption is null).Select(o => o.Expert?.Name ?? o.Document.UploadedBy).ToList();
        return pending.Count == 0
            ? []
            : [new("expertOpinions", $"尚有 {pending.Count} 份专家论证意见未记录采纳情况和理由（{string.Join("、", pending)}）。")];
    }
}

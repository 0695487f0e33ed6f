using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Workflows.Engine;
using Workflows.Host.Resources;

namespace Workflows.Host.Components.Shared;

/// <summary>
/// Instants as people read them: in the installation's time zone (Asia/Shanghai unless configured),
/// formatted for the page's language (yyyy年M月d日 in Chinese). "Now" is the engine's clock, so a
/// simulated clock moves the pages too.
/// </summary>
public sealed class UiTime(TimeProvider clock, IOptions<WorkflowEngineOptions> engine, IStringLocalizer<UiText> text)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(engine.Value.TimeZone);

    public DateTimeOffset Now => clock.GetUtcNow();

    public DateOnly Today => LocalDay(Now);

    public DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, _zone);

    public DateOnly LocalDay(DateTimeOffset at) => DateOnly.FromDateTime(Local(at).DateTime);

    public string Date(DateTimeOffset? at) =>
        at is { } value ? Local(value).ToString(text["Format.Date"], CultureInfo.CurrentCulture) : text["Common.None"];

    public string DateTime(DateTimeOffset? at) =>
        at is { } value ? Local(value).ToString(text["Format.DateTime"], CultureInfo.CurrentCulture) : text["Common.None"];

    public string Day(DateOnly day) => day.ToString(text["Format.Date"], CultureInfo.CurrentCulture);
}

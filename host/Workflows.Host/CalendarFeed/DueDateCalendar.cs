using System.Globalization;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Workflows.Engine.Runtime;
using IcalCalendar = Ical.Net.Calendar;

namespace Workflows.Host.CalendarFeed;

/// <summary>
/// One person's open tasks as an iCalendar (RFC 5545) feed, written by Ical.Net: one event per task
/// on its due day, or at its due time when the deadline is a time of day.
/// </summary>
/// <param name="TimeZone">The IANA zone deadlines are counted in (the engine's, Asia/Shanghai by default).</param>
/// <param name="ReminderTime">When the day-before reminder of a due day rings, local time (the engine's reminder time).</param>
/// <param name="TaskLink">The absolute address of a task's page.</param>
public sealed record DueDateCalendar(string TimeZone, TimeOnly ReminderTime, Func<Guid, string> TaskLink)
{
    public const string ContentType = "text/calendar; charset=utf-8";

    /// <summary>
    /// Legal periods (<c>7WD</c>, <c>30D</c>) end in the last second of their last day; such a
    /// deadline is a due day, shown as an all-day event. Anything else is a time of day.
    /// </summary>
    private static readonly TimeSpan EndOfDay = new(23, 59, 0);

    /// <summary>A timed event needs an end after its start (RFC 5545 3.8.2.2); the deadline starts a short slot.</summary>
    private static readonly TimeSpan TimedLength = TimeSpan.FromMinutes(30);

    /// <summary>The feed's text. <paramref name="now"/> stamps every event (DTSTAMP: when this copy was made).</summary>
    public string Write(IEnumerable<TaskView> tasks, DateTimeOffset now)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        var calendar = new IcalCalendar { ProductId = "-//Fazhi Workflows//Due dates//ZH", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", "法治政府建设工作平台·办理期限");
        calendar.AddProperty("X-WR-TIMEZONE", TimeZone);
        // Subscribed clients refresh at their own pace; this asks for hourly where they listen.
        var refresh = new CalendarProperty("REFRESH-INTERVAL", "PT1H");
        refresh.Parameters.Add("VALUE", "DURATION");
        calendar.Properties.Add(refresh);
        calendar.AddProperty("X-PUBLISHED-TTL", "PT1H");

        var stamp = new CalDateTime(now.UtcDateTime, CalDateTime.UtcTzId);
        var timed = false;
        foreach (var task in tasks.Where(t => t.DueAt is not null).OrderBy(t => t.DueAt))
        {
            var due = TimeZoneInfo.ConvertTime(task.DueAt!.Value, zone);
            var isDueDay = due.TimeOfDay >= EndOfDay;
            timed |= !isDueDay;
            calendar.Events.Add(Event(task, due, isDueDay, stamp));
        }
        if (timed)
        {
            // Tells clients what TZID=Asia/Shanghai means; all-day events are floating dates and need none.
            calendar.AddTimeZone(TimeZone);
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    /// <summary>Stable across refreshes and rotations, so a client updates the event instead of adding a second.</summary>
    public static string UidOf(Guid taskId) => $"task-{taskId:N}@fazhi-workflows";

    private CalendarEvent Event(TaskView task, DateTimeOffset due, bool isDueDay, CalDateTime stamp)
    {
        var name = string.IsNullOrWhiteSpace(task.Name) ? task.ActivityId : task.Name.Trim();
        var link = TaskLink(task.Id);
        var dueText = isDueDay
            ? due.ToString("yyyy年M月d日", CultureInfo.InvariantCulture)
            : due.ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture);
        var description = string.Join('\n', new[]
        {
            $"办理期限：{dueText}",
            task.BusinessKey is { Length: > 0 } key ? $"业务编号：{key}" : null,
            $"办理地址：{link}",
        }.OfType<string>());

        var calendarEvent = new CalendarEvent
        {
            Uid = UidOf(task.Id),
            DtStamp = stamp,
            Summary = task.BusinessKey is { Length: > 0 } businessKey ? $"{name}（{businessKey}）" : name,
            Description = description,
            Url = new Uri(link),
            // A deadline is not a meeting: it does not make the person busy.
            Transparency = "TRANSPARENT",
        };
        if (isDueDay)
        {
            var day = DateOnly.FromDateTime(due.DateTime);
            calendarEvent.Start = new CalDateTime(day);
            calendarEvent.End = new CalDateTime(day.AddDays(1));
        }
        else
        {
            calendarEvent.Start = new CalDateTime(due.DateTime, TimeZone);
            calendarEvent.End = new CalDateTime(due.DateTime + TimedLength, TimeZone);
        }
        calendarEvent.Alarms.Add(Reminder(name, isDueDay));
        return calendarEvent;
    }

    /// <summary>A due day rings the day before at the reminder time; a due time an hour ahead.</summary>
    private Alarm Reminder(string name, bool isDueDay)
    {
        var before = isDueDay ? TimeSpan.FromDays(1) - ReminderTime.ToTimeSpan() : TimeSpan.FromHours(1);
        return new Alarm
        {
            Action = AlarmAction.Display,
            Description = isDueDay ? $"「{name}」明天到期" : $"「{name}」一小时后到期",
            Trigger = new Trigger(new Duration(null, null, -(int)before.TotalHours, -before.Minutes, null)),
        };
    }
}

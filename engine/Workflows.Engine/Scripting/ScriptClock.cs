using System.Globalization;
using Jint.Runtime;

namespace Workflows.Engine.Scripting;

/// <summary>
/// <c>Date.now()</c> and <c>new Date()</c> in scripts read the engine's <see cref="TimeProvider"/>,
/// so a simulated clock moves them too and local dates use the configured zone, not the host's.
/// </summary>
internal sealed class ScriptClock(TimeProvider time, TimeZoneInfo zone)
    : DefaultTimeSystem(zone, CultureInfo.InvariantCulture)
{
    public override DateTimeOffset GetUtcNow() => time.GetUtcNow();
}

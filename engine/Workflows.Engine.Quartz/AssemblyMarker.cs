namespace Workflows.Engine.Quartz;
internal static class AssemblyMarker;

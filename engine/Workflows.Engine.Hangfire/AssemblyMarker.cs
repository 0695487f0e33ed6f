namespace Workflows.Engine.Hangfire;
internal static class AssemblyMarker;
